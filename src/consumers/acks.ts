import { EventEmitter } from 'node:events';

/**
 * Acknowledgements made in this process, by consumer id: a named consumer's
 * stream waits on them when it has its window of unacknowledged events out
 * (the renewal of its lease reads the checkpoint too, for acks made elsewhere).
 */
const acks = new EventEmitter();
acks.setMaxListeners(0);

export function announceAck(consumerId: number, seq: number): void {
  acks.emit(String(consumerId), seq);
}

/** Calls `fn` with each acknowledged seq of the consumer; returns the function that stops it. */
export function onAck(consumerId: number, fn: (seq: number) => void): () => void {
  acks.on(String(consumerId), fn);
  return () => acks.off(String(consumerId), fn);
}

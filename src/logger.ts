import pino, { type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs on stdout (pino); one logger per process, children per request. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'hub' }, timestamp: pino.stdTimeFunctions.isoTime });
}

/** Where a long run reports how far it got. */
export interface ProgressSink {
  start(total: number, label: string): void;
  update(done: number, label?: string): void;
  stop(): void;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A progress bar on stderr with the rate and the time left. On a terminal it
 * redraws one line at most five times a second; otherwise (a log file, CI) it
 * writes a line every ten seconds and at the end.
 */
export function stderrProgress(stream: NodeJS.WriteStream = process.stderr): ProgressSink {
  let total = 0;
  let label = '';
  let done = 0;
  let t0 = 0;
  let last = 0;
  const tty = !!stream.isTTY;
  const fmtTime = (s: number) =>
    Number.isFinite(s)
      ? `${Math.floor(s / 3600)}:${pad(Math.floor((s % 3600) / 60))}:${pad(Math.floor(s % 60))}`
      : '--:--:--';
  const line = () => {
    const secs = (Date.now() - t0) / 1000;
    const rate = secs > 0 ? done / secs : 0;
    const frac = total ? Math.min(1, done / total) : 1;
    const width = 30;
    const bar = '█'.repeat(Math.round(frac * width)).padEnd(width, '░');
    return `${bar} ${(frac * 100).toFixed(1).padStart(5)}% ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} records  ${Math.round(rate).toLocaleString('en-US')}/s  ETA ${fmtTime(rate > 0 ? (total - done) / rate : Infinity)}  ${label}`;
  };
  const draw = (force: boolean) => {
    const now = Date.now();
    if (!force && now - last < (tty ? 200 : 10_000)) return;
    last = now;
    stream.write(tty ? `\r${line()}\x1b[K` : `${line()}\n`);
  };
  return {
    start(t, l) {
      total = t;
      label = l;
      t0 = Date.now();
      done = 0;
      last = tty ? 0 : t0;
      draw(tty);
    },
    update(d, l) {
      done = d;
      if (l !== undefined) label = l;
      draw(false);
    },
    stop() {
      draw(true);
      if (tty) stream.write('\n');
    },
  };
}

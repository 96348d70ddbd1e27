import { stderrProgress } from '../../src/seed/progress';

/** A stream that records what is written to it. */
function sink(isTTY: boolean): NodeJS.WriteStream & { text: string } {
  const s = { isTTY, text: '', write: (chunk: string) => ((s.text += chunk), true) };
  return s as unknown as NodeJS.WriteStream & { text: string };
}

describe('the progress bar of `npm run seed`', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-11-23T08:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it('redraws one line on a terminal, at most five times a second, with rate and time left', () => {
    const out = sink(true);
    const p = stderrProgress(out);
    p.start(1000, 'entities');
    expect(out.text).toBe(`\r${'░'.repeat(30)}   0.0% 0/1,000 records  0/s  ETA --:--:--  entities\x1b[K`);
    jest.advanceTimersByTime(100);
    p.update(100);
    expect(out.text.split('\r')).toHaveLength(2); // too soon: not redrawn
    jest.advanceTimersByTime(150);
    p.update(250, 'projects and bids');
    const last = out.text.split('\r').pop()!;
    // 250 of 1,000 in a quarter of a second: 1,000/s, 750 to go.
    expect(last).toBe(
      `${'█'.repeat(8)}${'░'.repeat(22)}  25.0% 250/1,000 records  1,000/s  ETA 0:00:00  projects and bids\x1b[K`,
    );
    p.stop();
    expect(out.text.endsWith('\n')).toBe(true);
  });

  it('writes a line every ten seconds and one at the end into a log file', () => {
    const out = sink(false);
    const p = stderrProgress(out);
    p.start(600_000, 'entities');
    expect(out.text).toBe('');
    jest.advanceTimersByTime(5_000);
    p.update(50_000);
    expect(out.text).toBe('');
    jest.advanceTimersByTime(5_000);
    p.update(100_000);
    expect(out.text).toBe(
      `${'█'.repeat(5)}${'░'.repeat(25)}  16.7% 100,000/600,000 records  10,000/s  ETA 0:00:50  entities\n`,
    );
    jest.advanceTimersByTime(50_000);
    p.update(600_000);
    p.stop();
    const lines = out.text.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe(`${'█'.repeat(30)} 100.0% 600,000/600,000 records  10,000/s  ETA 0:00:00  entities`);
  });
});

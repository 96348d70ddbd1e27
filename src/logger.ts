import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs on stdout (pino); one logger per process, children per request. `pretty` prints readable lines
 * instead (pino-pretty: time, level, message, then the fields), for a person at a terminal (HUB_LOG_PRETTY).
 */
export function createLogger(level: string, pretty = false): Logger {
  const options = { level, base: { service: 'hub' }, timestamp: pino.stdTimeFunctions.isoTime };
  // Written asynchronously: a synchronous write per line is a system call on the request's path (one request-log
  // line per push or query). Lines written while one write is under way go out together with the next; pino flushes
  // what is left synchronously when the process exits.
  if (!pretty) return pino(options, pino.destination({ dest: 1, sync: false }));
  // Loaded only by a process that prints readable lines (the `hub` command never does).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pinoPretty = require('pino-pretty') as typeof import('pino-pretty');
  // Synchronous: the last lines before an exit are written, as with the JSON logger.
  return pino(
    options,
    pinoPretty({ sync: true, singleLine: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'service,pid,hostname' }),
  );
}

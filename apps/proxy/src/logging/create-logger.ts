import { join } from "node:path";
import pino, { type Logger } from "pino";
import { type LogFormat, resolveLogFormat } from "./log-format.js";
import { createPrettyLine } from "./pretty-line.js";
import { createRotatingFileStream, type RotatingFileStream } from "./rotating-file-stream.js";
import { flushStdout, sharedStdout } from "./shared-stdout.js";

export interface LoggerOptions {
  level: string;
  /** Write to stdout. Off for a daemon, whose stdout goes nowhere. */
  stdout: boolean;
  /** When set, also write to `ccr.log` in this folder, rotated by size. */
  fileDir?: string;
  /** Removes secrets from a finished log line (the config's keys): applied to every destination. */
  redact?: (line: string) => string;
  /**
   * How stdout lines look. Default: `CCR_LOG_FORMAT`, else pretty on a terminal and JSON otherwise.
   * The log file is always JSON.
   */
  format?: LogFormat;
}

export interface ProxyLoggerHandle {
  logger: Logger;
  /** Flushes buffered lines; call before exit. */
  flush(): void;
}

// Wherever a key could sit in a logged object: request headers, configs, provider objects.
const REDACT_PATHS = [
  "apiKey",
  "api_key",
  "APIKEY",
  "*.apiKey",
  "*.api_key",
  "*.APIKEY",
  "headers.authorization",
  "headers['x-api-key']",
  "*.headers.authorization",
  "*.headers['x-api-key']",
];

export function createLogger(options: LoggerOptions): ProxyLoggerHandle {
  const redactLine = options.redact ?? ((line: string) => line);
  const streams: pino.StreamEntry[] = [];
  let file: RotatingFileStream | undefined;
  if (options.stdout) {
    const stdout = sharedStdout();
    const format = resolveLogFormat(options.format);
    const pretty =
      format === "pretty" ? createPrettyLine({ colorize: process.stdout.isTTY === true }) : undefined;
    streams.push({
      level: "trace",
      stream: { write: (line: string) => stdout.write(pretty ? pretty(redactLine(line)) : redactLine(line)) },
    });
  }
  if (options.fileDir) {
    const rotating = createRotatingFileStream({ path: join(options.fileDir, "ccr.log") });
    file = rotating;
    streams.push({ level: "trace", stream: { write: (line: string) => rotating.write(redactLine(line)) } });
  }
  const logger = pino(
    {
      level: options.level,
      base: { pid: process.pid },
      redact: { paths: REDACT_PATHS, censor: "***" },
      serializers: { err: pino.stdSerializers.err },
    },
    pino.multistream(streams),
  );
  return {
    logger,
    flush: () => {
      if (options.stdout) flushStdout();
      file?.flushSync();
    },
  };
}

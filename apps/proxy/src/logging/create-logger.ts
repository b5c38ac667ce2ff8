import { join } from "node:path";
import pino, { type Logger } from "pino";
import { createRotatingFileStream, type RotatingFileStream } from "./rotating-file-stream.js";

export interface LoggerOptions {
  level: string;
  /** Write to stdout. Off for a daemon, whose stdout goes nowhere. */
  stdout: boolean;
  /** When set, also write to `ccr.log` in this folder, rotated by size. */
  fileDir?: string;
  /** Removes secrets from a finished log line (the config's keys): applied to every destination. */
  redact?: (line: string) => string;
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
  const redactLine = options.redact;
  const streams: pino.StreamEntry[] = [];
  let file: RotatingFileStream | undefined;
  const stdout = options.stdout ? pino.destination({ dest: 1, sync: false }) : undefined;
  if (stdout) {
    streams.push({
      level: "trace",
      stream: redactLine ? { write: (line: string) => stdout.write(redactLine(line)) } : stdout,
    });
  }
  if (options.fileDir) {
    const rotating = createRotatingFileStream({ path: join(options.fileDir, "ccr.log") });
    file = rotating;
    streams.push({
      level: "trace",
      stream: { write: (line: string) => rotating.write(redactLine ? redactLine(line) : line) },
    });
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
      try {
        stdout?.flushSync();
      } catch {
        // Not yet open: nothing buffered.
      }
      file?.flushSync();
    },
  };
}

import { existsSync, mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname } from "node:path";
import pino from "pino";

export interface RotatingFileStreamOptions {
  path: string;
  /** Rotate once the current file reaches this size. Default 10 MiB. */
  maxBytes?: number;
  /** Rotated files kept beside the current one (`ccr.log.1` is the newest). Default 5. */
  maxFiles?: number;
}

export interface RotatingFileStream {
  write(line: string): void;
  flushSync(): void;
  end(): void;
}

/**
 * A size-rotated log file on pino's own async writer (sonic-boom): the hot path only appends to a
 * buffer, and rotation is two renames plus a reopen that waits for pending writes.
 */
export function createRotatingFileStream(options: RotatingFileStreamOptions): RotatingFileStream {
  const { path } = options;
  const maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
  const maxFiles = options.maxFiles ?? 5;
  mkdirSync(dirname(path), { recursive: true });
  let size = existsSync(path) ? statSync(path).size : 0;
  const destination = pino.destination({ dest: path, sync: false, append: true, mkdir: true });

  const rotate = () => {
    rmSync(`${path}.${maxFiles}`, { force: true });
    for (let index = maxFiles - 1; index >= 1; index -= 1) {
      if (existsSync(`${path}.${index}`)) renameSync(`${path}.${index}`, `${path}.${index + 1}`);
    }
    renameSync(path, `${path}.1`);
    destination.reopen();
    size = 0;
  };

  return {
    write(line) {
      destination.write(line);
      // Log lines are ASCII JSON in practice, so characters count bytes closely enough for a limit.
      size += line.length;
      if (size >= maxBytes) rotate();
    },
    flushSync: () => {
      try {
        destination.flushSync();
      } catch {
        // Not yet open (nothing written): nothing to flush.
      }
    },
    end: () => destination.end(),
  };
}

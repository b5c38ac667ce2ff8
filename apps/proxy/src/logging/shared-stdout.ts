import pino from "pino";

type Destination = ReturnType<typeof pino.destination>;

let destination: Destination | undefined;

/**
 * One buffered writer on fd 1 for the whole process: the logger and the `ccr start` banner both write
 * through it, so their lines come out in the order they were written (a banner written with
 * `process.stdout.write` could land between, or before, log lines still buffered in pino's writer).
 */
export function sharedStdout(): Destination {
  destination ??= pino.destination({ dest: 1, sync: false });
  return destination;
}

/** Writes text to stdout in order with the log lines. */
export function writeStdout(text: string): void {
  sharedStdout().write(text);
}

/** Writes out whatever is buffered; call before the process exits. */
export function flushStdout(): void {
  try {
    destination?.flushSync();
  } catch {
    // Not yet open: nothing buffered.
  }
}

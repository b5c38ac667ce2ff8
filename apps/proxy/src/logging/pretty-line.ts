import { prettyFactory } from "pino-pretty";

/**
 * Turns one pino JSON line into a short human line (`12:04:31 INFO: listening url=...`), synchronously,
 * so the caller writes it where and when the JSON line would have gone.
 */
export function createPrettyLine(options: { colorize: boolean }): (line: string) => string {
  const pretty = prettyFactory({
    colorize: options.colorize,
    translateTime: "SYS:HH:MM:ss",
    ignore: "pid,hostname",
    singleLine: true,
  });
  return (line) => pretty(line);
}

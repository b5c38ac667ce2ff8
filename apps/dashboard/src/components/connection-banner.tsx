import { Text } from "ink";
import { fit, formatDuration } from "../format/format-values.js";
import type { Connection } from "../stream/stream-state.js";

export interface ConnectionBannerProps {
  readonly connection: Connection;
  readonly url: string;
  /** Local clock, for the retry countdown. */
  readonly now: number;
  readonly width: number;
}

/** Says plainly when the proxy cannot be reached and when the next try is; nothing when live. */
export function ConnectionBanner({ connection, url, now, width }: ConnectionBannerProps) {
  if (connection.status === "live") return null;
  if (connection.status === "connecting") {
    const text = connection.attempt === 0 ? `connecting to ${url}…` : `reconnecting to ${url}…`;
    return <Text color="yellow">{fit(text, width).trimEnd()}</Text>;
  }
  const wait = Math.max(0, connection.retryAt - now);
  // The address is in the header already; the reason and the retry must fit one line.
  const text = `✗ proxy unreachable: ${connection.error} · retrying in ${formatDuration(Math.ceil(wait / 1000))}`;
  return (
    <Text color="red" bold>
      {fit(text, width).trimEnd()}
    </Text>
  );
}

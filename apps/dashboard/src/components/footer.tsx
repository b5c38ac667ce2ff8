import { Text } from "ink";
import { fit } from "../format/format-values.js";

export function Footer(props: { detail: boolean; paused: boolean; width: number }) {
  const keys = props.detail
    ? "esc/← back  ↑↓ j/k other tier  p pause  q quit"
    : "q/esc quit  ↑↓ j/k select  enter/→ detail  p pause";
  return (
    <Text dimColor>
      {fit(`${keys}${props.paused ? "  · PAUSED (p to resume)" : ""}`, props.width).trimEnd()}
    </Text>
  );
}

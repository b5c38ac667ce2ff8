import { DRIFT_CRITICAL_PCT, DRIFT_WARNING_PCT } from "@ccr/metrics";
import { Text } from "ink";
import { fit } from "../format/format-values.js";

const WARN = `${DRIFT_WARNING_PCT}%`;
const CRIT = `${DRIFT_CRITICAL_PCT}%`;

/** From the fullest to the shortest: the longest that fits the width is shown. */
export const DRIFT_LEGENDS = [
  `token drift: CCR's input-token estimate vs the provider's count (+ when CCR's is higher) · ✓ ok <${WARN} · ▲ warning ≥${WARN} · ‼ critical ≥${CRIT}`,
  `token drift: CCR's input-token estimate vs the provider's count · ✓ ok <${WARN} · ▲ warning ≥${WARN} · ‼ critical ≥${CRIT}`,
  `token drift: CCR's input-token estimate vs the provider's count · ▲ warning ≥${WARN} · ‼ critical ≥${CRIT}`,
  `token drift: CCR's input-token estimate vs the provider's count · ▲ ≥${WARN} ‼ ≥${CRIT}`,
  `drift: CCR's input-token estimate vs the provider's count · ▲ ≥${WARN} ‼ ≥${CRIT}`,
  `drift: CCR's token estimate vs the provider's count · ▲ ≥${WARN} ‼ ≥${CRIT}`,
  `drift: CCR's estimate vs provider's count · ▲ ≥${WARN} ‼ ≥${CRIT}`,
] as const;

export function driftLegend(width: number): string {
  const text = DRIFT_LEGENDS.find((l) => l.length <= width) ?? DRIFT_LEGENDS.at(-1);
  return fit(text ?? "", width).trimEnd();
}

/** One line saying what token drift compares and what its levels mean. */
export function DriftLegend({ width }: { width: number }) {
  return <Text dimColor>{driftLegend(width)}</Text>;
}

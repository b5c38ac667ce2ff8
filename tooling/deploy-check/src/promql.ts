import { parser } from "@prometheus-io/lezer-promql";

/** Where a PromQL expression does not parse (Prometheus' own grammar), as character offsets; empty when it does. */
export function promqlSyntaxErrors(expr: string): number[] {
  const errors: number[] = [];
  parser.parse(expr).iterate({
    enter: (node) => {
      if (node.type.isError) errors.push(node.from);
    },
  });
  return errors;
}

/** The `ccr_*` metric families an expression reads (`_bucket`, `_sum`, `_count` of a histogram name its family). */
export function ccrMetricsIn(expr: string): string[] {
  const names = [...expr.matchAll(/\bccr_[a-z0-9_]+/g)].map((match) =>
    match[0].replace(/_(bucket|sum|count)$/, ""),
  );
  return [...new Set(names)].sort();
}

/** The metric names of the table in docs/observability.md. */
export function documentedMetrics(observabilityDoc: string): Set<string> {
  return new Set([...observabilityDoc.matchAll(/^\| `(ccr_[a-z0-9_]+)` \|/gm)].map((match) => match[1]!));
}

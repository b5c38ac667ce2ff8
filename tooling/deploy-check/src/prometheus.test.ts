import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ccrMetricsIn, documentedMetrics, promqlSyntaxErrors } from "./promql.js";
import { readRepoFile } from "./repo-files.js";

// The alert rules and the Grafana dashboard: every expression parses and reads metrics the proxy exports.

interface Rule {
  alert: string;
  expr: string;
  for?: string;
  labels: { severity: string };
  annotations: { summary: string; description?: string };
}
const rules = (
  parse(readRepoFile("deploy", "prometheus", "alerts.yml")) as { groups: { rules: Rule[] }[] }
).groups.flatMap((group) => group.rules);
const dashboard = JSON.parse(readRepoFile("deploy", "compose", "grafana", "dashboards", "ccr.json")) as {
  panels: { title: string; targets: { expr: string }[] }[];
};
const panelQueries = dashboard.panels.flatMap((panel) =>
  panel.targets.map((target) => [panel.title, target.expr]),
);
const documented = documentedMetrics(readRepoFile("docs", "observability.md"));

describe("PromQL checks", () => {
  it("know the documented metrics", () => {
    expect(documented.size).toBeGreaterThan(10);
    expect(promqlSyntaxErrors("sum by (tier (rate(ccr_requests_total[5m]))")).not.toEqual([]);
    expect(ccrMetricsIn("rate(ccr_ttft_seconds_bucket[5m]) / rate(ccr_ttft_seconds_count[5m])")).toEqual([
      "ccr_ttft_seconds",
    ]);
  });
});

describe("deploy/prometheus/alerts.yml", () => {
  it("has rules", () => {
    expect(rules.length).toBeGreaterThanOrEqual(5);
  });

  it.each(rules.map((rule) => [rule.alert, rule]))(
    "%s parses and reads documented metrics",
    (_name, rule) => {
      expect(promqlSyntaxErrors(rule.expr)).toEqual([]);
      for (const metric of ccrMetricsIn(rule.expr)) expect(documented, metric).toContain(metric);
      expect(["critical", "warning", "info"]).toContain(rule.labels.severity);
      expect(rule.annotations.summary).toBeTruthy();
    },
  );

  it("every alert is explained in docs/deployment.md", () => {
    const doc = readRepoFile("docs", "deployment.md");
    for (const rule of rules) expect(doc, rule.alert).toContain(`\`${rule.alert}\``);
  });
});

describe("deploy/compose/grafana/dashboards/ccr.json", () => {
  it.each(panelQueries)("%s: parses and reads documented metrics", (_title, expr) => {
    expect(promqlSyntaxErrors(expr!)).toEqual([]);
    expect(ccrMetricsIn(expr!).length).toBeGreaterThan(0);
    for (const metric of ccrMetricsIn(expr!)) expect(documented, metric).toContain(metric);
  });
});

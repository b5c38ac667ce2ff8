import { describe, expect, it } from "vitest";
import { manifestIssues } from "./validate-k8s-manifest.js";

const deployment = (container: Record<string, unknown>) => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "app", labels: { "app.kubernetes.io/name": "app" } },
  spec: {
    selector: { matchLabels: { "app.kubernetes.io/name": "app" } },
    template: {
      metadata: { labels: { "app.kubernetes.io/name": "app" } },
      spec: { containers: [{ name: "app", image: "app:1", ...container }] },
    },
  },
});

describe("manifestIssues", () => {
  it("accepts a valid manifest, free-form maps (labels) included", () => {
    const probe = { httpGet: { path: "/health", port: "http" }, periodSeconds: 5 };
    expect(manifestIssues(deployment({ readinessProbe: probe }))).toEqual([]);
  });

  it("reports a value of the wrong type, from the API schema", () => {
    expect(manifestIssues(deployment({ image: 42 }))).toEqual([
      expect.stringContaining("spec/template/spec/containers/0/image must be string"),
    ]);
  });

  it("reports a misspelled field that the schema alone lets through", () => {
    const issues = manifestIssues(deployment({ readinesProbe: { httpGet: { path: "/health", port: 80 } } }));
    expect(issues).toEqual([
      "apps/v1/Deployment.spec.template.spec.containers[0].readinesProbe: unknown field",
    ]);
  });

  it("reports unknown fields deep inside known ones", () => {
    const issues = manifestIssues(deployment({ readinessProbe: { httpGet: { pth: "/health", port: 80 } } }));
    expect(issues).toEqual([
      "apps/v1/Deployment.spec.template.spec.containers[0].readinessProbe.httpGet.pth: unknown field",
    ]);
  });

  it("names a kind it has no schema for", () => {
    expect(manifestIssues({ apiVersion: "example.com/v1", kind: "Widget" })).toEqual([
      "example.com/v1/Widget: no schema for this kind in validate-k8s-manifest.ts",
    ]);
  });
});

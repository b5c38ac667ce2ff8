import { readdirSync } from "node:fs";
import type { IDeployment } from "kubernetes-models/apps/v1";
import type { IHorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2";
import type { IPodDisruptionBudget } from "kubernetes-models/policy/v1";
import type { IContainer, ISecret, IService } from "kubernetes-models/v1";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { configVariables, readRepoFile, repoPath, shutdownDrainSeconds } from "./repo-files.js";
import { manifestIssues } from "./validate-k8s-manifest.js";

// deploy/kubernetes: kustomize resources, validated against the Kubernetes API schemas, and checked for what
// the proxy needs (probes on /health, a grace period longer than its stream drain, keys from the Secret).

interface Manifest {
  apiVersion: string;
  kind: string;
  metadata?: { name?: string };
}
interface Kustomization {
  resources: string[];
  configMapGenerator: { name: string; files: string[] }[];
  images: { name: string; newName: string; newTag: string }[];
}

const DIR = ["deploy", "kubernetes"];
const read = (file: string) => readRepoFile(...DIR, file);
const documents = (file: string): unknown[] =>
  parseAllDocuments(read(file)).map((doc) => {
    if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors[0]!.message}`);
    return doc.toJS();
  });

const manifestFiles = readdirSync(repoPath(...DIR)).filter(
  (file) => file.endsWith(".yaml") && file !== "kustomization.yaml",
);
const kustomization = documents("kustomization.yaml")[0] as Kustomization;
const all = manifestFiles.flatMap((file) =>
  documents(file).map((manifest) => ({ file, manifest: manifest as Manifest })),
);
function find<T>(kind: string, name: string): T {
  const found = all.find(({ manifest }) => manifest.kind === kind && manifest.metadata?.name === name);
  if (!found) throw new Error(`no ${kind} ${name} in deploy/kubernetes`);
  return found.manifest as T;
}

const deployment = find<IDeployment>("Deployment", "ccr");
const pod = deployment.spec!.template.spec!;
const container = pod.containers.find((c) => c.name === "ccr") as IContainer;
const envValue = (name: string) => container.env?.find((variable) => variable.name === name)?.value;
const dockerfile = readRepoFile("Dockerfile");

describe("deploy/kubernetes", () => {
  it.each(
    all.map(({ file, manifest }) => [`${file}: ${manifest.kind} ${manifest.metadata?.name}`, manifest]),
  )("%s is valid against the API schema, with no unknown field", (_name, manifest) => {
    expect(manifestIssues(manifest)).toEqual([]);
  });

  it("kustomization.yaml applies every manifest but the example Secret, and generates the ConfigMap", () => {
    expect([...kustomization.resources].sort()).toEqual(
      manifestFiles.filter((file) => file !== "secret.example.yaml").sort(),
    );
    const generator = kustomization.configMapGenerator.find((g) => g.name === "ccr-config");
    expect(generator?.files).toEqual(["config.json=config.jsonc"]);
    // The ConfigMap kustomize builds from it is valid too.
    const configMap = {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "ccr-config" },
      data: { "config.json": read("config.jsonc") },
    };
    expect(manifestIssues(configMap)).toEqual([]);
    // The image the Deployment names is the one kustomize sets.
    expect(kustomization.images.map((image) => image.name)).toContain(container.image);
  });

  it("mounts the config where the image reads it (CCR_CONFIG)", () => {
    const ccrConfig = /^ENV[^\n]*\bCCR_CONFIG=(\S+)/m.exec(dockerfile.replaceAll("\\\n", " "))?.[1];
    expect(ccrConfig).toBe("/config/config.json");
    const mount = container.volumeMounts?.find((m) => m.name === "config");
    expect(`${mount?.mountPath}/config.json`).toBe(ccrConfig);
    expect(mount?.readOnly).toBe(true);
    expect(pod.volumes?.find((v) => v.name === "config")?.configMap?.name).toBe("ccr-config");
  });

  it("probes /health on the container's port, the one the image exposes", () => {
    const port = container.ports?.find((p) => p.name === "http")?.containerPort;
    expect(dockerfile).toMatch(new RegExp(`^EXPOSE ${port}$`, "m"));
    expect(container.args).toEqual(["start", "--host", "0.0.0.0", "--port", String(port)]);
    for (const probe of [container.startupProbe, container.readinessProbe, container.livenessProbe]) {
      expect(probe?.httpGet).toEqual({ path: "/health", port: "http" });
    }
  });

  it("gives the stream drain time to finish: grace period > preStop sleep + drain", () => {
    const command = container.lifecycle?.preStop?.exec?.command ?? [];
    expect(command[0]).toBe("sleep");
    const preStop = Number(command[1]);
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(preStop + shutdownDrainSeconds());
    // Long enough for the endpoints to drop the pod before the drain starts.
    expect(preStop).toBeGreaterThanOrEqual(3);
  });

  it("takes APIKEY and every key the config refers to from the Secret", () => {
    const secret = find<ISecret>("Secret", "ccr-keys");
    expect(container.envFrom).toEqual([{ secretRef: { name: secret.metadata?.name } }]);
    const variables = configVariables(read("config.jsonc"));
    expect(variables).toContain("APIKEY");
    expect(Object.keys(secret.stringData ?? {}).sort()).toEqual(variables);
    expect(read("config.jsonc")).toMatch(/"APIKEY":\s*"\$APIKEY"/);
  });

  it("points REDIS_URL at the Redis Service", () => {
    const redisUrl = new URL(envValue("REDIS_URL") ?? "");
    const service = find<IService>("Service", redisUrl.hostname);
    expect(redisUrl.protocol).toBe("redis:");
    expect(service.spec?.ports?.map((p) => String(p.port))).toContain(redisUrl.port);
  });

  it("runs as the image's non-root user on a read-only root, with HOME on a writable volume", () => {
    expect(dockerfile).toMatch(new RegExp(`^USER ${pod.securityContext?.runAsUser}:`, "m"));
    expect(pod.securityContext?.runAsNonRoot).toBe(true);
    expect(container.securityContext?.readOnlyRootFilesystem).toBe(true);
    const tmp = container.volumeMounts?.find((m) => m.name === "tmp");
    expect(envValue("HOME")).toBe(tmp?.mountPath);
    expect(pod.volumes?.find((v) => v.name === "tmp")?.emptyDir).toBeDefined();
  });

  it("selects the Deployment's pods from the Service, the PodDisruptionBudget and the autoscaler", () => {
    const labels = deployment.spec?.template.metadata?.labels;
    expect(deployment.spec?.selector.matchLabels).toEqual(labels);
    const service = find<IService>("Service", "ccr");
    expect(service.spec?.selector).toEqual(labels);
    expect(service.spec?.ports?.[0]?.targetPort).toBe("http");
    expect(find<IPodDisruptionBudget>("PodDisruptionBudget", "ccr").spec?.selector?.matchLabels).toEqual(
      labels,
    );
    const hpa = find<IHorizontalPodAutoscaler>("HorizontalPodAutoscaler", "ccr");
    expect(hpa.spec?.scaleTargetRef).toEqual({ apiVersion: "apps/v1", kind: "Deployment", name: "ccr" });
    expect(hpa.spec?.minReplicas).toBeGreaterThanOrEqual(2);
    // A CPU utilization target needs a CPU request; a rollout never drops below the running pods.
    expect(container.resources?.requests?.cpu).toBeDefined();
    expect(deployment.spec?.strategy?.rollingUpdate?.maxUnavailable).toBe(0);
  });
});

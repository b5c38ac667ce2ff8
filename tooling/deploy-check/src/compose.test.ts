import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { configVariables, readRepoFile, repoPath, root, shutdownDrainSeconds } from "./repo-files.js";

// deploy/compose: two CCR replicas behind nginx, Redis, Prometheus scraping both, Grafana.

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string>;
  volumes?: string[];
  depends_on?: Record<string, { condition?: string }>;
  read_only?: boolean;
  tmpfs?: string[];
  stop_grace_period?: string;
  secrets?: string[];
}
interface ComposeFile {
  services: Record<string, ComposeService>;
  secrets: Record<string, unknown>;
}
interface PrometheusConfig {
  rule_files: string[];
  scrape_configs: {
    job_name: string;
    metrics_path: string;
    authorization: { credentials_file: string };
    static_configs: { targets: string[] }[];
  }[];
}
const DIR = repoPath("deploy", "compose");
const compose = parse(readRepoFile("deploy", "compose", "docker-compose.yml"), {
  merge: true,
}) as ComposeFile;
const services = compose.services;
// The fields read below are all set on the replicas; a missing one fails the test that reads it.
const replicas = Object.entries(services).filter(([, service]) => service.image === "ccr:local") as [
  string,
  Required<ComposeService>,
][];
const names = replicas.map(([name]) => name);
const seconds = (duration: string) => Number(/^(\d+)s$/.exec(duration)?.[1]);
/** `host:container[:mode]` volume entries, host paths resolved from the compose file's folder. */
const mounts = (service: ComposeService) =>
  (service.volumes ?? []).map((entry) => {
    const [host, container] = entry.split(":");
    return { host: resolve(DIR, host!), container: container! };
  });

describe("deploy/compose/docker-compose.yml", () => {
  it("runs two CCR replicas of the image built from the repository's Dockerfile", () => {
    expect(names).toHaveLength(2);
    for (const [, service] of replicas) {
      expect(resolve(DIR, service.build.context)).toBe(root);
      expect(existsSync(join(root, service.build.dockerfile))).toBe(true);
    }
  });

  it("requires the APIKEY and shares tier state through the redis service", () => {
    for (const [, service] of replicas) {
      expect(service.environment.APIKEY).toMatch(/^\$\{APIKEY:\?/);
      expect(service.environment.REDIS_URL).toBe("redis://redis:6379");
      expect(service.depends_on.redis?.condition).toBe("service_healthy");
    }
    expect(services.redis?.image).toMatch(/^redis:/);
  });

  it("mounts the config folder where CCR_CONFIG points, and every provider key is passed in", () => {
    for (const [, service] of replicas) {
      const configPath = service.environment.CCR_CONFIG ?? "";
      const mount = mounts(service).find(({ container }) => configPath.startsWith(`${container}/`));
      expect(mount, `a volume holding ${configPath}`).toBeDefined();
      const hostFile = join(mount!.host, configPath.slice(mount!.container.length));
      expect(existsSync(hostFile)).toBe(true);
      const variables = configVariables(readFileSync(hostFile, "utf8"));
      expect(variables).toContain("APIKEY");
      for (const variable of variables) expect(Object.keys(service.environment)).toContain(variable);
    }
  });

  it("lets streams drain on stop, and keeps HOME writable on a read-only root", () => {
    for (const [, service] of replicas) {
      expect(seconds(service.stop_grace_period)).toBeGreaterThan(shutdownDrainSeconds());
      expect(service.read_only).toBe(true);
      expect(service.tmpfs).toContain(service.environment.HOME);
    }
  });

  it("puts nginx in front of both replicas, streaming unbuffered", () => {
    const lb = services.lb!;
    expect(lb.image).toMatch(/^nginx:/);
    expect(Object.keys(lb.depends_on ?? {}).sort()).toEqual([...names].sort());
    const conf = mounts(lb).find(({ container }) => container.startsWith("/etc/nginx/"));
    const nginx = readFileSync(conf!.host, "utf8");
    const servers = [...nginx.matchAll(/^\s*server ([\w-]+):(\d+)/gm)].map(
      (match) => `${match[1]}:${match[2]}`,
    );
    expect(servers.sort()).toEqual(names.map((name) => `${name}:3456`).sort());
    expect(nginx).toMatch(/^\s*proxy_buffering off;/m);
    expect(nginx).toMatch(/^\s*proxy_http_version 1\.1;/m);
  });

  it("has Prometheus scrape both replicas with the APIKEY, and load the alert rules", () => {
    const prometheus = services.prometheus!;
    const files = mounts(prometheus);
    const configMount = files.find(({ container }) => container === "/etc/prometheus/prometheus.yml");
    const config = parse(readFileSync(configMount!.host, "utf8")) as PrometheusConfig;
    const job = config.scrape_configs.find((scrape) => scrape.job_name === "ccr")!;
    expect(job.metrics_path).toBe("/metrics");
    expect(job.static_configs.flatMap((c) => c.targets).sort()).toEqual(
      names.map((name) => `${name}:3456`).sort(),
    );
    // The bearer token file is a compose secret made from the same APIKEY the replicas use.
    const secret = /^\/run\/secrets\/(\w+)$/.exec(job.authorization.credentials_file)?.[1];
    expect(prometheus.secrets).toContain(secret);
    expect(compose.secrets[secret!]).toEqual({ environment: "APIKEY" });
    // The rules are deploy/prometheus/alerts.yml.
    for (const rules of config.rule_files as string[]) {
      const mount = files.find(({ container }) => container === rules);
      expect(mount?.host).toBe(repoPath("deploy", "prometheus", "alerts.yml"));
    }
  });

  it("mounts only files and folders that exist", () => {
    for (const service of Object.values(services)) {
      for (const { host } of mounts(service)) expect(existsSync(host), host).toBe(true);
    }
  });

  it("keeps .env out of git and documents every variable it needs in .env.example", () => {
    expect(readRepoFile("deploy", "compose", ".gitignore")).toMatch(/^\.env$/m);
    const example = readRepoFile("deploy", "compose", ".env.example");
    const required = [
      ...readRepoFile("deploy", "compose", "docker-compose.yml").matchAll(/\$\{(\w+):\?/g),
    ].map((match) => match[1]);
    for (const name of required) expect(example).toMatch(new RegExp(`^${name}=$`, "m"));
  });
});

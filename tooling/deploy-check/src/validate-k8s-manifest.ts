import { Deployment } from "kubernetes-models/apps/v1";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1";
import { ConfigMap, Secret, Service } from "kubernetes-models/v1";

/** The kinds deploy/kubernetes uses, by `apiVersion/kind`; another kind needs its class added here. */
const MODELS: Record<string, { prototype: { validate(): void } }> = {
  "v1/ConfigMap": ConfigMap,
  "v1/Secret": Secret,
  "v1/Service": Service,
  "apps/v1/Deployment": Deployment,
  "autoscaling/v2/HorizontalPodAutoscaler": HorizontalPodAutoscaler,
  "policy/v1/PodDisruptionBudget": PodDisruptionBudget,
};

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Checks a manifest against the Kubernetes API schema of its kind (kubernetes-models' `validate()`), and
 * also reports unknown fields, which those schemas let through but `kubectl apply` rejects: a misspelled
 * `readinesProbe` would otherwise pass silently. Returns the problems, empty when there is none.
 */
export function manifestIssues(manifest: unknown): string[] {
  if (!isObject(manifest)) return ["a manifest must be a YAML mapping"];
  const kind = `${manifest.apiVersion}/${manifest.kind}`;
  const model = MODELS[kind];
  if (!model) return [`${kind}: no schema for this kind in validate-k8s-manifest.ts`];

  const seen = trackReads(manifest);
  const issues: string[] = [];
  try {
    model.prototype.validate.call(seen.proxy);
  } catch (error) {
    issues.push(`${kind}: ${(error as Error).message}`);
  }
  collectUnknownFields(manifest, kind, seen, issues);
  return issues;
}

interface Reads {
  proxy: Json;
  /** The properties the schema's validator looked up, per object. */
  read: Map<object, Set<string>>;
  /** Objects whose keys it enumerated: maps such as labels, where every key is allowed. */
  enumerated: Set<object>;
}

/**
 * The compiled validators look up each property their schema knows and enumerate only free-form maps,
 * so a property never looked up in an object that was never enumerated is not in the schema.
 */
function trackReads(manifest: Json): Reads {
  const read = new Map<object, Set<string>>();
  const enumerated = new Set<object>();
  const proxies = new WeakMap<object, object>();
  const wrap = <T>(value: T): T => {
    if (typeof value !== "object" || value === null) return value;
    const known = proxies.get(value);
    if (known) return known as T;
    const proxy = new Proxy(value, {
      get(target, key, receiver) {
        if (typeof key === "string") {
          const keys = read.get(target) ?? new Set<string>();
          keys.add(key);
          read.set(target, keys);
        }
        return wrap(Reflect.get(target, key, receiver));
      },
      ownKeys(target) {
        enumerated.add(target);
        return Reflect.ownKeys(target);
      },
    });
    proxies.set(value, proxy);
    return proxy;
  };
  return { proxy: wrap(manifest), read, enumerated };
}

function collectUnknownFields(value: unknown, path: string, seen: Reads, issues: string[]): void {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries())
      collectUnknownFields(item, `${path}[${index}]`, seen, issues);
    return;
  }
  if (!isObject(value)) return;
  const known = seen.read.get(value);
  for (const [key, child] of Object.entries(value)) {
    if (!seen.enumerated.has(value) && !known?.has(key)) {
      issues.push(`${path}.${key}: unknown field`);
    } else {
      collectUnknownFields(child, `${path}.${key}`, seen, issues);
    }
  }
}

import * as v from "valibot";
import type { ProviderCatalog } from "../chains/check-tier-ref.js";
import type { Env } from "../env/interpolate-env.js";
import { describeValue } from "../issues/describe-value.js";
import type { IssueLog } from "../issues/issue-log.js";
import { formatJsonPath, type PathSegment } from "../issues/json-path.js";
import { toConfigIssues } from "../issues/valibot-issues.js";
import type { ProviderPackages } from "../load/provider-packages.js";
import { rawProviderSchema } from "../schema/raw-config-schema.js";
import type { ProviderConfig } from "../types.js";
import { expandProviderEntry, withPackageMetadata } from "./apply-provider-defaults.js";
import { normalizeProvider } from "./normalize-provider.js";

/**
 * `Providers` (or claude-code-router's lowercase `providers`): each entry checked on its own, an entry naming a
 * provider package (`"provider": "deepseek"`) first filled in from that package's defaults.
 */
export function normalizeProviders(
  file: Readonly<Record<string, unknown>>,
  log: IssueLog,
  packages: ProviderPackages & { readonly env: Env } = { env: {} },
): { providers: Record<string, ProviderConfig>; catalog: ProviderCatalog } {
  const providers: Record<string, ProviderConfig> = {};
  const catalog = new Map<string, readonly string[] | undefined>();
  const key = "Providers" in file ? "Providers" : "providers" in file ? "providers" : undefined;
  if (key === undefined) {
    log.errors.push({ path: "Providers", message: "is required", expected: "a list of providers" });
    return { providers, catalog };
  }
  if (key === "Providers" && "providers" in file) {
    log.warnings.push({ path: "providers", message: "ignored: Providers is also set and wins" });
  }
  const list = file[key];
  if (!Array.isArray(list)) {
    log.errors.push(...toConfigIssues(v.safeParse(v.array(v.unknown()), list).issues ?? [], [key]));
    return { providers, catalog };
  }
  if (list.length === 0) {
    log.errors.push({ path: key, message: "must list at least one provider", received: "an empty list" });
  }
  const firstIndex = new Map<string, number>();
  list.forEach((written, index) => {
    const expansion = expandProviderEntry(
      withoutBareTransformer(written, [key, index], log),
      [key, index],
      packages,
    );
    if (expansion.kind === "failed") {
      log.errors.push(expansion.issue);
      const name = (written as { name?: unknown }).name;
      if (typeof name === "string" && !catalog.has(name.trim())) catalog.set(name.trim(), undefined);
      return;
    }
    if (expansion.kind === "package") log.warnings.push(...expansion.warnings);
    const entry = expansion.entry;
    const parsed = v.safeParse(rawProviderSchema, entry);
    if (!parsed.success) {
      log.errors.push(...toConfigIssues(parsed.issues, [key, index]));
      const name = (entry as { name?: unknown } | null)?.name;
      if (typeof name === "string" && !catalog.has(name.trim())) catalog.set(name.trim(), undefined);
      return;
    }
    const { name } = parsed.output;
    const earlier = firstIndex.get(name);
    if (earlier !== undefined) {
      log.errors.push({
        path: formatJsonPath([key, index, "name"]),
        message: `duplicates the name of ${formatJsonPath([key, earlier])}`,
        expected: "a unique provider name",
        received: JSON.stringify(name),
      });
      return;
    }
    firstIndex.set(name, index);
    const { provider, warnings, errors } = normalizeProvider(parsed.output, [key, index]);
    log.warnings.push(...warnings);
    log.errors.push(...errors);
    providers[name] = expansion.kind === "package" ? withPackageMetadata(provider, expansion) : provider;
    catalog.set(name, provider.models);
  });
  return { providers, catalog };
}

/**
 * `"transformer": "google"` (or a bare list) is a slip claude-code-router tolerates by applying nothing: a
 * file that worked there must load here too, so it is ignored with a warning that shows the intended form.
 */
function withoutBareTransformer(entry: unknown, at: readonly PathSegment[], log: IssueLog): unknown {
  if (typeof entry !== "object" || entry === null || !("transformer" in entry)) return entry;
  const { transformer, ...rest } = entry as Record<string, unknown>;
  if (typeof transformer !== "string" && !Array.isArray(transformer)) return entry;
  const use = typeof transformer === "string" ? [transformer] : transformer;
  log.warnings.push({
    path: formatJsonPath([...at, "transformer"]),
    message: 'ignored: must be an object like {"use": [...]}',
    received: describeValue(transformer),
    suggestion: `write {"use": ${JSON.stringify(use)}} to apply it`,
  });
  return rest;
}

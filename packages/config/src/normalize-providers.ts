import * as v from "valibot";
import type { ProviderCatalog } from "./check-tier-ref";
import type { IssueLog } from "./issue-log";
import { formatJsonPath } from "./json-path";
import { normalizeProvider } from "./normalize-provider";
import { rawProviderSchema } from "./raw-config-schema";
import type { ProviderConfig } from "./types";
import { toConfigIssues } from "./valibot-issues";

/** `Providers` (or claude-code-router's lowercase `providers`): each entry checked on its own. */
export function normalizeProviders(
  file: Readonly<Record<string, unknown>>,
  log: IssueLog,
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
  list.forEach((entry, index) => {
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
    const { provider, warnings } = normalizeProvider(parsed.output, [key, index]);
    log.warnings.push(...warnings);
    providers[name] = provider;
    catalog.set(name, provider.models);
  });
  return { providers, catalog };
}

import * as v from "valibot";
import { checkTierRef, type ProviderCatalog } from "../chains/check-tier-ref.js";
import type { IssueLog } from "../issues/issue-log.js";
import { formatJsonPath } from "../issues/json-path.js";
import { toConfigIssues } from "../issues/valibot-issues.js";
import { rawPresetSchema } from "../schema/raw-config-schema.js";
import type { PresetConfig } from "../types.js";

/** `Presets`: `{name: {route?, ...request overrides}}`. */
export function normalizePresets(
  raw: unknown,
  catalog: ProviderCatalog,
  log: IssueLog,
): Record<string, PresetConfig> {
  const presets: Record<string, PresetConfig> = {};
  if (raw === undefined) return presets;
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    log.errors.push(
      ...toConfigIssues(v.safeParse(v.record(v.string(), v.unknown()), raw).issues ?? [], ["Presets"]),
    );
    return presets;
  }
  for (const [name, entry] of Object.entries(raw)) {
    const parsed = v.safeParse(rawPresetSchema, entry);
    if (!parsed.success) {
      log.errors.push(...toConfigIssues(parsed.issues, ["Presets", name]));
      continue;
    }
    const { route, ...overrides } = parsed.output;
    if (route === undefined) {
      presets[name] = { name, overrides };
      continue;
    }
    const { ref, issue } = checkTierRef(route, formatJsonPath(["Presets", name, "route"]), catalog);
    if (issue !== undefined) log.errors.push(issue);
    if (ref !== undefined) presets[name] = { name, route: ref, overrides };
  }
  return presets;
}

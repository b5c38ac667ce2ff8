import type { ConfigIssue } from "../issues/config-issue.js";
import { formatJsonPath } from "../issues/json-path.js";
import { closestMatch } from "../issues/suggest.js";
import { checkTierRef, type ProviderCatalog } from "./check-tier-ref.js";

/**
 * Every `tierRetries` key must match a tier: `"*"`, `"tier-N"` within the longest chain, a provider name,
 * or a `"provider,model"` the providers list. A key that matches nothing is an error, never ignored.
 */
export function checkTierRetriesKeys(
  keys: readonly string[],
  catalog: ProviderCatalog,
  longestChain: number,
): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const positions = Array.from({ length: longestChain }, (_, index) => `tier-${index}`);
  const range = longestChain === 1 ? '"tier-0"' : `"tier-0" to "tier-${longestChain - 1}"`;
  for (const key of keys) {
    const path = formatJsonPath(["Router", "tierRetries", key]);
    if (key === "*" || catalog.has(key)) continue;
    const position = /^tier-(0|[1-9]\d*)$/.exec(key);
    if (position !== null) {
      if (Number(position[1]) < longestChain) continue;
      issues.push({
        path,
        message: `matches no tier: the longest chain has ${longestChain} tier${longestChain === 1 ? "" : "s"}`,
        expected: range,
        received: JSON.stringify(key),
      });
      continue;
    }
    if (key.includes(",")) {
      const { issue } = checkTierRef(key, path, catalog);
      if (issue !== undefined) issues.push({ ...issue, message: `matches no tier: it ${issue.message}` });
      continue;
    }
    const padded = /^tier-0+(\d+)$/.exec(key);
    const match =
      padded === null ? closestMatch(key, [...catalog.keys(), ...positions]) : `tier-${Number(padded[1])}`;
    issues.push({
      path,
      message: "matches no tier",
      expected: `"*", ${range}, a provider name or "provider,model"`,
      received: JSON.stringify(key),
      ...(match !== undefined && { suggestion: `did you mean ${JSON.stringify(match)}?` }),
    });
  }
  return issues;
}

import type { ConfigIssue } from "../issues/config-issue.js";
import { formatJsonPath, type PathSegment } from "../issues/json-path.js";

export type Env = Readonly<Record<string, string | undefined>>;

// `$$` is a literal dollar; `${NAME}` and `$NAME` are variables; any other `$` is kept as written.
const reference = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/** Replaces `$VAR` / `${VAR}` in one string; every unset variable is reported by name. */
export function interpolateString(text: string, env: Env): { value: string; missing: readonly string[] } {
  const missing: string[] = [];
  const value = text.replace(reference, (match, braced: string | undefined, bare: string | undefined) => {
    const name = braced ?? bare;
    if (name === undefined) return "$";
    const resolved = env[name];
    if (resolved === undefined) {
      missing.push(name);
      return match;
    }
    return resolved;
  });
  return { value, missing };
}

/**
 * Interpolates every string value of a parsed JSON tree (object keys are left alone: they are
 * names, not settings) and rejects `__proto__` keys. Returns a new tree; the input is not modified.
 */
export function interpolateEnv(root: unknown, env: Env): { value: unknown; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const walk = (node: unknown, path: PathSegment[]): unknown => {
    if (typeof node === "string") {
      const { value, missing } = interpolateString(node, env);
      for (const name of missing) {
        issues.push({
          path: formatJsonPath(path),
          message: `environment variable ${name} is not set`,
          suggestion: `export ${name} before starting CCR, or write the value directly (use $$ for a literal $)`,
        });
      }
      return value;
    }
    if (Array.isArray(node)) return node.map((item, index) => walk(item, [...path, index]));
    if (typeof node === "object" && node !== null) {
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(node)) {
        // Every later step copies objects by assignment, where this key would replace the prototype.
        if (key === "__proto__") {
          issues.push({ path: formatJsonPath([...path, key]), message: "is not allowed as a key" });
          continue;
        }
        out[key] = walk(child, [...path, key]);
      }
      return out;
    }
    return node;
  };
  return { value: walk(root, []), issues };
}

import { parseJsonc } from "./parse-jsonc.js";
import type { LoadProviders, ProviderPackages } from "./provider-packages.js";

/**
 * The `"provider"` references of a config file's provider entries, as written (trimmed), each once. A file
 * that does not parse has none: loading it reports the syntax error.
 */
export function providerRefsOf(text: string): string[] {
  const { value, issues } = parseJsonc(text);
  if (issues.length > 0 || typeof value !== "object" || value === null) return [];
  const file = value as Record<string, unknown>;
  const list = "Providers" in file ? file.Providers : file.providers;
  if (!Array.isArray(list)) return [];
  const refs = new Set<string>();
  for (const entry of list) {
    const ref = (entry as { provider?: unknown } | null)?.provider;
    if (typeof ref === "string" && ref.trim() !== "") refs.add(ref.trim());
  }
  return [...refs];
}

/** Asks `load` for the packages the file names; a loader that throws fails every reference with its message. */
export async function loadProviderPackages(
  text: string,
  configPath: string,
  load: LoadProviders | undefined,
): Promise<ProviderPackages> {
  const refs = providerRefsOf(text);
  if (refs.length === 0 || load === undefined) return {};
  try {
    return await load(refs, configPath);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { providerLoadFailures: Object.fromEntries(refs.map((ref) => [ref, { reason }])) };
  }
}

export type PackageKind = "library" | "app" | "tooling";

/** One row of the table "Who may import whom" in docs/architecture.md. */
export interface PackageRule {
  /** A package name, or a prefix ending in `*` (`@ccr/provider-*`). */
  readonly pattern: string;
  readonly kind: PackageKind;
  /** The workspace packages it may import or depend on, as names or `*` prefixes. */
  readonly mayImport: readonly string[];
}

const HEADING = "## Who may import whom";
const KINDS: readonly string[] = ["library", "app", "tooling"];

/**
 * The rows of the "Who may import whom" table: `| \`package\` | kind | \`a\`, \`b\` (or —) | why |`.
 * Throws when the section or a row cannot be read, so an edit that breaks the table fails the suite.
 */
export function parseArchitectureRules(markdown: string): PackageRule[] {
  const start = markdown.indexOf(HEADING);
  if (start < 0) throw new Error(`docs/architecture.md has no "${HEADING}" section`);
  const section = markdown.slice(start + HEADING.length).split(/\n## /)[0]!;
  const rows = section.split("\n").filter((line) => line.startsWith("| `"));
  if (rows.length === 0) throw new Error(`the "${HEADING}" section has no table rows`);
  return rows.map((row) => {
    const [name, kind, allowed] = row
      .split("|")
      .slice(1, -1)
      .map((cell) => cell.trim());
    const pattern = /^`([^`]+)`$/.exec(name ?? "")?.[1];
    if (pattern === undefined || kind === undefined || !KINDS.includes(kind) || allowed === undefined) {
      throw new Error(`cannot read the row: ${row}`);
    }
    const mayImport = [...allowed.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
    return { pattern, kind: kind as PackageKind, mayImport };
  });
}

export function matchesPattern(pattern: string, name: string): boolean {
  return pattern.endsWith("*") ? name.startsWith(pattern.slice(0, -1)) : pattern === name;
}

/** The row for a package: its own name before a `*` pattern. */
export function ruleFor(rules: readonly PackageRule[], name: string): PackageRule | undefined {
  return (
    rules.find((rule) => rule.pattern === name) ?? rules.find((rule) => matchesPattern(rule.pattern, name))
  );
}

/** What `ccr start` prints once it listens, after the config summary. */
export interface UsageHintsInput {
  /** How to run this CLI in the user's shell: `ccr`, or `node /abs/path/cli.js`. */
  readonly cli: string;
  /** `--port N` when bare client commands would not find this proxy (another runs, or PORT differs). */
  readonly portFlag?: string;
}

/** The commands to use the proxy, spelled so that they run as printed. */
export function usageHints({ cli, portFlag }: UsageHintsInput): string {
  const target = portFlag ? ` ${portFlag}` : "";
  const lines = [
    "",
    "Use it:",
    `  ${cli} code${target}                    run Claude Code through this proxy`,
    `  eval "$(${cli} activate${target})"      then run claude in this shell`,
    `  ${cli} dashboard${target}               live view of the tiers`,
    `  ${cli} status${target}                  the same, once`,
  ];
  if (cli !== "ccr")
    lines.push("  (ccr is not on your PATH: bash scripts/install-cli.sh in a clone puts it there)");
  return `${alignColumns(lines).join("\n")}\n`;
}

/** Aligns the descriptions after a run of 2+ spaces into one column. */
export function alignColumns(lines: string[]): string[] {
  const split = lines.map((line) => /^(\s+\S.*?\S)\s{2,}(\S.*)$/.exec(line));
  const width = Math.max(...split.map((match) => match?.[1]?.length ?? 0));
  return lines.map((line, index) => {
    const match = split[index];
    return match ? `${match[1]!.padEnd(width)}   ${match[2]}` : line;
  });
}

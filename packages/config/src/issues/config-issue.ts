/** One problem (or warning) found in a config file. */
export interface ConfigIssue {
  /** JSON path of the offending value, like `Router.default` or `Providers[1].api_base_url`; empty for the whole file. */
  readonly path: string;
  readonly message: string;
  readonly expected?: string;
  readonly received?: string;
  /** What the user most likely meant or should do, e.g. `did you mean "deepseek"?`. */
  readonly suggestion?: string;
}

/** One line per issue: `Router.default: unknown provider "deepsek" (expected ..., found ...); did you mean "deepseek"?`. */
export function formatIssue(issue: ConfigIssue): string {
  let line = issue.path === "" ? issue.message : `${issue.path}: ${issue.message}`;
  const details: string[] = [];
  // "must be an integer" already says what is expected: do not say it twice.
  if (issue.expected !== undefined && !issue.message.includes(issue.expected))
    details.push(`expected ${issue.expected}`);
  if (issue.received !== undefined) details.push(`found ${issue.received}`);
  if (details.length > 0) line += ` (${details.join("; ")})`;
  if (issue.suggestion !== undefined) line += `; ${issue.suggestion}`;
  return line;
}

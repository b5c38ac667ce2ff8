import type { ConfigIssue } from "./config-issue.js";

/** Where the normalization steps put what they find: errors fail the load, warnings are returned with it. */
export interface IssueLog {
  readonly errors: ConfigIssue[];
  readonly warnings: ConfigIssue[];
}

import * as v from "valibot";
import type { RequestIssue } from "../../errors/request-validation-error.js";
import { messageBlockSchemas } from "./request-schema.js";
import { toRequestIssue } from "./to-request-issue.js";

/** Enough to fix several problems in one go, few enough to read. */
const MAX_ISSUES = 20;

const FIRST_ISSUE: v.Config<v.BaseIssue<unknown>> = { abortEarly: true };

/**
 * The problems of a body the schema refused, found part by part: each
 * top-level field, each entry of a list field (each block of a message) and
 * each tool reports its first problem, up to MAX_ISSUES in all. Each check
 * stops at its first problem, so a 100,000-entry array of garbage yields
 * MAX_ISSUES issues, not 100,000 of them.
 */
export function collectRequestIssues(
  body: unknown,
  schema: v.ObjectSchema<v.ObjectEntries, undefined>,
): RequestIssue[] {
  if (typeof body !== "object" || body === null || Array.isArray(body))
    return [{ path: "", message: "Input should be a valid dictionary (a JSON object)" }];
  const record = body as Record<string, unknown>;
  const issues: RequestIssue[] = [];
  for (const [key, fieldSchema] of Object.entries(schema.entries)) {
    const value = record[key];
    const itemSchema = arrayItemSchema(fieldSchema);
    if (itemSchema !== undefined && Array.isArray(value) && value.length > 0) {
      for (let index = 0; index < value.length && issues.length < MAX_ISSUES; index++) {
        const path = `${key}.${index}`;
        if (key === "messages") addMessageIssues(itemSchema, value[index], path, issues);
        else addFirstIssue(itemSchema, value[index], path, issues);
      }
    } else addFirstIssue(fieldSchema, value, key, issues);
    if (issues.length >= MAX_ISSUES) break;
  }
  // A rule only the whole object checks (none today): still say what it is.
  if (issues.length === 0) addFirstIssue(schema, body, "", issues);
  return issues;
}

/** A message's own fields, then each of its blocks (so three bad blocks are three issues). */
function addMessageIssues(
  schema: v.GenericSchema,
  message: unknown,
  path: string,
  issues: RequestIssue[],
): void {
  const fields = (typeof message === "object" && message !== null ? message : {}) as Record<string, unknown>;
  const { role, content } = fields;
  const blockSchema =
    role === "user" || role === "assistant" || role === "system" ? messageBlockSchemas[role] : undefined;
  if (blockSchema === undefined || !Array.isArray(content)) {
    addFirstIssue(schema, message, path, issues);
    return;
  }
  addFirstIssue(schema, { ...fields, content: [] }, path, issues);
  for (let index = 0; index < content.length && issues.length < MAX_ISSUES; index++)
    addFirstIssue(blockSchema, content[index], `${path}.content.${index}`, issues);
}

function addFirstIssue(schema: v.GenericSchema, value: unknown, path: string, issues: RequestIssue[]): void {
  const result = v.safeParse(schema, value, FIRST_ISSUE);
  const issue = result.issues?.[0];
  if (issue !== undefined) issues.push(toRequestIssue(issue, path));
}

/** The item schema of a list field (`messages`, `tools`, `stop_sequences`...), possibly optional or piped. */
function arrayItemSchema(schema: v.GenericSchema): v.GenericSchema | undefined {
  let current = schema as v.GenericSchema & {
    wrapped?: v.GenericSchema;
    pipe?: v.GenericSchema[];
    item?: v.GenericSchema;
  };
  if (current.type === "optional" && current.wrapped) current = current.wrapped;
  if (current.pipe) current = current.pipe[0] as typeof current;
  return current.type === "array" ? current.item : undefined;
}

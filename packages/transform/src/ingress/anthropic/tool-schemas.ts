import * as v from "valibot";
import { cacheControlSchema, nonEmptyString, taggedUnion } from "./common-schemas.js";

/** A tool the client runs: `input_schema` is a JSON schema of an object (its inside is the client's). */
export const customToolSchema = v.object({
  type: v.nullish(v.literal("custom")),
  name: nonEmptyString,
  description: v.optional(v.string()),
  input_schema: v.object({ type: v.literal("object") }),
  cache_control: cacheControlSchema,
  defer_loading: v.optional(v.boolean()),
  strict: v.optional(v.boolean()),
});

/**
 * A tool Anthropic runs, named by a versioned `type` (`web_search_20250305`,
 * `bash_20250124`, `text_editor_20250728`, `computer_20250124`...). New
 * versions appear often and CCR only forwards them (an OpenAI tier cannot
 * run them), so any type is accepted. A `name` is required, as the routing
 * reads it: the nameless beta toolsets (`computer_toolset_*`, `mcp_toolset`)
 * are refused for now.
 */
export const hostedToolSchema = v.object({
  type: nonEmptyString,
  name: nonEmptyString,
  cache_control: cacheControlSchema,
  defer_loading: v.optional(v.boolean()),
});

/** A tool with no `type` (or `custom`) is the client's own; any other `type` names a hosted tool. */
export const toolSchema = v.lazy((input) => {
  const type = typeof input === "object" && input !== null ? (input as { type?: unknown }).type : undefined;
  return type === undefined || type === null || type === "custom" ? customToolSchema : hostedToolSchema;
});

export const toolChoiceSchema = taggedUnion("type", [
  v.object({ type: v.literal("auto"), disable_parallel_tool_use: v.optional(v.boolean()) }),
  v.object({ type: v.literal("any"), disable_parallel_tool_use: v.optional(v.boolean()) }),
  v.object({
    type: v.literal("tool"),
    name: nonEmptyString,
    disable_parallel_tool_use: v.optional(v.boolean()),
  }),
  v.object({ type: v.literal("none") }),
]);

import * as v from "valibot";
import {
  cacheControlSchema,
  jsonObjectSchema,
  nonEmptyString,
  stringOrList,
  typedObjectSchema,
} from "./common-schemas.js";
import { textBlockSchema } from "./content-block-schemas.js";

/**
 * Blocks of work Anthropic runs on its side: hosted tool calls and their
 * results, remote MCP calls, container uploads, server compaction. CCR only
 * forwards them (or renders them as text for an OpenAI tier), so their
 * inner `content` is checked for its outline (typed objects), not field by field.
 */

export const serverToolUseBlockSchema = v.object({
  type: v.literal("server_tool_use"),
  id: nonEmptyString,
  name: nonEmptyString,
  input: jsonObjectSchema,
  cache_control: cacheControlSchema,
});

export const SERVER_TOOL_RESULT_TYPES = [
  "web_search_tool_result",
  "web_fetch_tool_result",
  "code_execution_tool_result",
  "bash_code_execution_tool_result",
  "text_editor_code_execution_tool_result",
  "tool_search_tool_result",
] as const;

export function serverToolResultBlockSchema(type: (typeof SERVER_TOOL_RESULT_TYPES)[number]) {
  return v.object({
    type: v.literal(type),
    tool_use_id: nonEmptyString,
    content: v.lazy((input) => (Array.isArray(input) ? v.array(typedObjectSchema) : typedObjectSchema)),
    cache_control: cacheControlSchema,
  });
}

export const mcpToolUseBlockSchema = v.object({
  type: v.literal("mcp_tool_use"),
  id: nonEmptyString,
  name: nonEmptyString,
  server_name: nonEmptyString,
  input: jsonObjectSchema,
  cache_control: cacheControlSchema,
});

export const mcpToolResultBlockSchema = v.object({
  type: v.literal("mcp_tool_result"),
  tool_use_id: nonEmptyString,
  content: v.optional(stringOrList(textBlockSchema, "a list of text blocks")),
  is_error: v.optional(v.boolean()),
  cache_control: cacheControlSchema,
});

export const containerUploadBlockSchema = v.object({
  type: v.literal("container_upload"),
  file_id: nonEmptyString,
  cache_control: cacheControlSchema,
});

export const compactionBlockSchema = v.object({
  type: v.literal("compaction"),
  content: v.nullish(v.string()),
  cache_control: cacheControlSchema,
});

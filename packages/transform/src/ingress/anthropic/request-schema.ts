import * as v from "valibot";
import { blockSchema } from "./block-schema-dispatch.js";
import {
  cacheControlSchema,
  jsonObjectSchema,
  nonEmptyString,
  stringOrList,
  taggedUnion,
  typedObjectSchema,
} from "./common-schemas.js";
import { toolChoiceSchema, toolSchema } from "./tool-schemas.js";

/**
 * The Anthropic Messages request (POST /v1/messages), field by field as the
 * API documents it, and its count_tokens variant. Cross-field rules (tool
 * pairing, unique names) are checked after it, on typed data.
 */

/** One content block of a message, by the message's role. */
export const messageBlockSchemas = {
  user: blockSchema("user"),
  assistant: blockSchema("assistant"),
  system: blockSchema("system"),
};

function contentSchema(role: keyof typeof messageBlockSchemas) {
  return stringOrList(messageBlockSchemas[role], "a list of content blocks");
}

/**
 * `system` messages in `messages` are not in Anthropic's first API version
 * but are in the current one, and Claude Code sends them mid-conversation.
 */
export const messageSchema = taggedUnion("role", [
  v.object({ role: v.literal("user"), content: contentSchema("user") }),
  v.object({ role: v.literal("assistant"), content: contentSchema("assistant") }),
  v.object({ role: v.literal("system"), content: contentSchema("system") }),
]);

const thinkingDisplaySchema = v.nullish(v.picklist(["summarized", "omitted"]));

/**
 * `budget_tokens` below `max_tokens` is not checked: the interleaved-thinking
 * beta (a header, which this body-only check does not see) lifts that rule,
 * and Anthropic answers a free 400 when it applies.
 */
export const thinkingSchema = taggedUnion("type", [
  v.object({
    type: v.literal("enabled"),
    budget_tokens: v.pipe(v.number(), v.integer(), v.minValue(1024)),
    display: thinkingDisplaySchema,
  }),
  v.object({ type: v.literal("disabled") }),
  v.object({ type: v.literal("adaptive"), display: thinkingDisplaySchema }),
  v.object({ type: v.literal("between_tools") }),
]);

const unitInterval = v.pipe(v.number(), v.minValue(0), v.maxValue(1));

/** The fields both /v1/messages and /v1/messages/count_tokens take. */
const sharedEntries = {
  model: nonEmptyString,
  messages: v.pipe(v.array(messageSchema), v.nonEmpty()),
  system: v.optional(stringOrList(blockSchema("system"), "a list of text blocks")),
  tools: v.optional(v.array(toolSchema)),
  tool_choice: v.optional(toolChoiceSchema),
  thinking: v.optional(thinkingSchema),
  output_config: v.optional(
    v.object({
      effort: v.optional(v.picklist(["low", "medium", "high", "xhigh", "max"])),
      format: v.nullish(v.object({ type: v.literal("json_schema"), schema: jsonObjectSchema })),
    }),
  ),
  context_management: v.nullish(v.object({ edits: v.optional(v.array(typedObjectSchema)) })),
  mcp_servers: v.optional(
    v.array(v.object({ type: v.literal("url"), url: nonEmptyString, name: nonEmptyString })),
  ),
  cache_control: cacheControlSchema,
  speed: v.nullish(v.picklist(["standard", "fast"])),
};

/** What a Messages request takes beyond what count_tokens does: generation and placement. */
const generationEntries = {
  max_tokens: v.pipe(v.number(), v.integer(), v.minValue(0)),
  stream: v.optional(v.boolean()),
  stop_sequences: v.optional(v.array(v.string())),
  temperature: v.optional(unitInterval),
  top_p: v.optional(unitInterval),
  top_k: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  metadata: v.optional(v.object({ user_id: v.nullish(v.string()) })),
  service_tier: v.optional(v.picklist(["auto", "standard_only"])),
  container: v.nullish(
    v.union(
      [
        v.string(),
        v.object({
          id: v.nullish(v.string()),
          skills: v.nullish(v.array(v.object({ skill_id: nonEmptyString, type: v.string() }))),
        }),
      ],
      "Input should be a valid string or a container object",
    ),
  ),
  inference_geo: v.nullish(v.string()),
  diagnostics: v.nullish(v.object({ previous_message_id: v.nullish(v.string()) })),
};

export const messagesRequestSchema = v.object({ ...sharedEntries, ...generationEntries });

export const countTokensRequestSchema = v.object(sharedEntries);

/** The top-level fields each variant knows; any other is reported as unknown. */
export const MESSAGES_REQUEST_FIELDS: ReadonlySet<string> = new Set(
  Object.keys(messagesRequestSchema.entries),
);
export const COUNT_TOKENS_REQUEST_FIELDS: ReadonlySet<string> = new Set(
  Object.keys(countTokensRequestSchema.entries),
);

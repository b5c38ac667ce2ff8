import * as v from "valibot";
import {
  cacheControlSchema,
  jsonObjectSchema,
  nonEmptyString,
  stringOrList,
  taggedUnion,
  typedObjectSchema,
} from "./common-schemas.js";

/**
 * The blocks of a conversation, as the Anthropic Messages API documents
 * them (request side). Where a block may appear is decided by the dispatch
 * (block-schema-dispatch.ts), not here.
 */

export const textBlockSchema = v.object({
  type: v.literal("text"),
  text: v.string(),
  cache_control: cacheControlSchema,
  citations: v.nullish(v.array(typedObjectSchema)),
});

const urlSourceSchema = v.object({ type: v.literal("url"), url: nonEmptyString });
const fileSourceSchema = v.object({ type: v.literal("file"), file_id: nonEmptyString });

export const imageBlockSchema = v.object({
  type: v.literal("image"),
  source: taggedUnion("type", [
    v.object({
      type: v.literal("base64"),
      media_type: v.picklist(["image/jpeg", "image/png", "image/gif", "image/webp"]),
      data: v.string(),
    }),
    urlSourceSchema,
    fileSourceSchema,
  ]),
  cache_control: cacheControlSchema,
});

const citationsConfigSchema = v.nullish(v.object({ enabled: v.optional(v.boolean()) }));

export const documentBlockSchema = v.object({
  type: v.literal("document"),
  source: taggedUnion("type", [
    v.object({ type: v.literal("base64"), media_type: v.literal("application/pdf"), data: v.string() }),
    v.object({ type: v.literal("text"), media_type: v.literal("text/plain"), data: v.string() }),
    v.object({
      type: v.literal("content"),
      content: stringOrList(
        taggedUnion("type", [textBlockSchema, imageBlockSchema]),
        "a list of text and image blocks",
      ),
    }),
    urlSourceSchema,
    fileSourceSchema,
  ]),
  title: v.nullish(v.string()),
  context: v.nullish(v.string()),
  citations: citationsConfigSchema,
  cache_control: cacheControlSchema,
});

export const searchResultBlockSchema = v.object({
  type: v.literal("search_result"),
  source: v.string(),
  title: v.string(),
  content: v.array(textBlockSchema),
  citations: citationsConfigSchema,
  cache_control: cacheControlSchema,
});

/** `signature` is optional: thinking produced by an OpenAI-compatible tier comes back without one. */
export const thinkingBlockSchema = v.object({
  type: v.literal("thinking"),
  thinking: v.string(),
  signature: v.optional(v.string()),
});

export const redactedThinkingBlockSchema = v.object({
  type: v.literal("redacted_thinking"),
  data: v.string(),
});

export const toolUseBlockSchema = v.object({
  type: v.literal("tool_use"),
  id: nonEmptyString,
  name: nonEmptyString,
  input: jsonObjectSchema,
  cache_control: cacheControlSchema,
});

export const toolReferenceBlockSchema = v.object({
  type: v.literal("tool_reference"),
  tool_name: nonEmptyString,
  cache_control: cacheControlSchema,
});

/** `content` items go through the dispatch for tool-result content, which the caller supplies. */
export function toolResultBlockSchema<TContent extends v.GenericSchema>(contentItem: TContent) {
  return v.object({
    type: v.literal("tool_result"),
    tool_use_id: nonEmptyString,
    content: v.optional(stringOrList(contentItem, "a list of content blocks")),
    is_error: v.optional(v.boolean()),
    cache_control: cacheControlSchema,
  });
}

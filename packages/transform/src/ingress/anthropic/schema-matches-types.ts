import type * as v from "valibot";
import type {
  AnthropicCompactionBlock,
  AnthropicContainerUploadBlock,
  AnthropicCountTokensRequest,
  AnthropicDocumentBlock,
  AnthropicImageBlock,
  AnthropicMcpToolResultBlock,
  AnthropicMcpToolUseBlock,
  AnthropicMessagesRequest,
  AnthropicRedactedThinkingBlock,
  AnthropicSearchResultBlock,
  AnthropicServerToolResultBlock,
  AnthropicServerToolUseBlock,
  AnthropicTextBlock,
  AnthropicThinkingBlock,
  AnthropicThinkingConfig,
  AnthropicToolChoice,
  AnthropicToolReferenceBlock,
  AnthropicToolResultBlock,
  AnthropicToolUseBlock,
} from "../../types/anthropic.js";
import type * as blocks from "./content-block-schemas.js";
import type { toolResultBlockSchema } from "./content-block-schemas.js";
import type { countTokensRequestSchema, messagesRequestSchema, thinkingSchema } from "./request-schema.js";
import type * as server from "./server-block-schemas.js";
import type { customToolSchema, hostedToolSchema, toolChoiceSchema } from "./tool-schemas.js";

/**
 * The request types (types/anthropic.ts) are the one owner of the shapes;
 * the schema is checked against them here, at compile time: whatever the
 * schema accepts must be a value of the type the rest of CCR reads, so the
 * decoder's cast is sound. A field added to the schema but not the type (or
 * typed differently) fails `pnpm typecheck`. Content arrays are left out of
 * the whole-request check: they hold blocks of unknown types by design.
 */
type Accepts<TSchema extends v.GenericSchema, TType> = [v.InferOutput<TSchema>] extends [TType]
  ? true
  : false;
type Expect<T extends true> = T;
/** The schema's fields but content, each as the type declares it (the types' index signatures make Omit useless). */
type FieldsMatch<TSchema extends v.GenericSchema, TType> = [
  Omit<v.InferOutput<TSchema>, "messages" | "system">,
] extends [Pick<TType, Exclude<keyof v.InferOutput<TSchema>, "messages" | "system">>]
  ? true
  : false;

export type SchemaMatchesTypes = [
  Expect<Accepts<typeof blocks.textBlockSchema, AnthropicTextBlock>>,
  Expect<Accepts<typeof blocks.imageBlockSchema, AnthropicImageBlock>>,
  Expect<Accepts<typeof blocks.documentBlockSchema, AnthropicDocumentBlock>>,
  Expect<Accepts<typeof blocks.searchResultBlockSchema, AnthropicSearchResultBlock>>,
  Expect<Accepts<typeof blocks.thinkingBlockSchema, AnthropicThinkingBlock>>,
  Expect<Accepts<typeof blocks.redactedThinkingBlockSchema, AnthropicRedactedThinkingBlock>>,
  Expect<Accepts<typeof blocks.toolUseBlockSchema, AnthropicToolUseBlock>>,
  Expect<Accepts<typeof blocks.toolReferenceBlockSchema, AnthropicToolReferenceBlock>>,
  Expect<
    Accepts<ReturnType<typeof toolResultBlockSchema<typeof blocks.textBlockSchema>>, AnthropicToolResultBlock>
  >,
  Expect<Accepts<typeof server.serverToolUseBlockSchema, AnthropicServerToolUseBlock>>,
  Expect<Accepts<ReturnType<typeof server.serverToolResultBlockSchema>, AnthropicServerToolResultBlock>>,
  Expect<Accepts<typeof server.mcpToolUseBlockSchema, AnthropicMcpToolUseBlock>>,
  Expect<Accepts<typeof server.mcpToolResultBlockSchema, AnthropicMcpToolResultBlock>>,
  Expect<Accepts<typeof server.containerUploadBlockSchema, AnthropicContainerUploadBlock>>,
  Expect<Accepts<typeof server.compactionBlockSchema, AnthropicCompactionBlock>>,
  Expect<Accepts<typeof customToolSchema, NonNullable<AnthropicMessagesRequest["tools"]>[number]>>,
  Expect<Accepts<typeof hostedToolSchema, NonNullable<AnthropicMessagesRequest["tools"]>[number]>>,
  Expect<Accepts<typeof toolChoiceSchema, AnthropicToolChoice>>,
  Expect<Accepts<typeof thinkingSchema, AnthropicThinkingConfig>>,
  Expect<FieldsMatch<typeof messagesRequestSchema, AnthropicMessagesRequest>>,
  Expect<FieldsMatch<typeof countTokensRequestSchema, AnthropicCountTokensRequest>>,
];

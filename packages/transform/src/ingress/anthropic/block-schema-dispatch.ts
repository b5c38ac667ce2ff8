import * as v from "valibot";
import {
  documentBlockSchema,
  imageBlockSchema,
  redactedThinkingBlockSchema,
  searchResultBlockSchema,
  textBlockSchema,
  thinkingBlockSchema,
  toolReferenceBlockSchema,
  toolResultBlockSchema,
  toolUseBlockSchema,
} from "./content-block-schemas.js";
import {
  compactionBlockSchema,
  containerUploadBlockSchema,
  mcpToolResultBlockSchema,
  mcpToolUseBlockSchema,
  SERVER_TOOL_RESULT_TYPES,
  serverToolResultBlockSchema,
  serverToolUseBlockSchema,
} from "./server-block-schemas.js";

/** Where a content block sits; each place allows its own known types. */
export type BlockPosition = "user" | "assistant" | "system" | "tool_result";

/**
 * One content block, validated by the schema of its `type` (one map lookup,
 * not a try-every-option union):
 * - a known type allowed at this position: that type's schema;
 * - a known type not allowed here (tool_use in a user turn): rejected, saying where it belongs;
 * - a string type CCR does not know (a newer client's): accepted as it is,
 *   and the decoder reports it (forward compatibility);
 * - no type, or a type that is not a string: rejected.
 */
export function blockSchema(position: BlockPosition): v.GenericSchema {
  return v.lazy((input) => {
    const type = typeof input === "object" && input !== null ? (input as { type?: unknown }).type : undefined;
    if (typeof type !== "string") return typedBlockSchema;
    return (
      SCHEMAS_BY_POSITION[position].get(type) ??
      (KNOWN_BLOCK_TYPES.has(type) ? misplaced(type, position) : typedBlockSchema)
    );
  });
}

/** Every block type this schema knows, in any position. */
export function isKnownBlockType(type: string): boolean {
  return KNOWN_BLOCK_TYPES.has(type);
}

const typedBlockSchema = v.object({ type: v.string() });

const toolResultContentSchemas = new Map<string, v.GenericSchema>([
  ["text", textBlockSchema],
  ["image", imageBlockSchema],
  ["document", documentBlockSchema],
  ["search_result", searchResultBlockSchema],
  ["tool_reference", toolReferenceBlockSchema],
]);

const toolResultSchema = toolResultBlockSchema(blockSchema("tool_result"));

const conversationSchemas: [string, v.GenericSchema][] = [
  ["text", textBlockSchema],
  ["image", imageBlockSchema],
  ["document", documentBlockSchema],
  ["search_result", searchResultBlockSchema],
  ["thinking", thinkingBlockSchema],
  ["redacted_thinking", redactedThinkingBlockSchema],
  ["server_tool_use", serverToolUseBlockSchema],
  ...SERVER_TOOL_RESULT_TYPES.map((type): [string, v.GenericSchema] => [
    type,
    serverToolResultBlockSchema(type),
  ]),
  ["mcp_tool_use", mcpToolUseBlockSchema],
  ["mcp_tool_result", mcpToolResultBlockSchema],
  ["container_upload", containerUploadBlockSchema],
  ["compaction", compactionBlockSchema],
];

const SCHEMAS_BY_POSITION: Record<BlockPosition, Map<string, v.GenericSchema>> = {
  user: new Map([...conversationSchemas, ["tool_result", toolResultSchema]]),
  assistant: new Map([...conversationSchemas, ["tool_use", toolUseBlockSchema]]),
  system: new Map([["text", textBlockSchema]]),
  tool_result: toolResultContentSchemas,
};

const KNOWN_BLOCK_TYPES: ReadonlySet<string> = new Set([
  ...conversationSchemas.map(([type]) => type),
  "tool_use",
  "tool_result",
  "tool_reference",
]);

const MISPLACED_MESSAGE: Record<BlockPosition, (type: string) => string> = {
  user: (type) =>
    type === "tool_reference"
      ? "tool_reference blocks are only valid in a tool_result's content"
      : `${type} blocks are only valid in assistant messages`,
  assistant: (type) =>
    type === "tool_reference"
      ? "tool_reference blocks are only valid in a tool_result's content"
      : `${type} blocks are only valid in user messages`,
  system: (type) => `${type} blocks are not valid in a system prompt, which takes text blocks only`,
  tool_result: (type) => `${type} blocks are not valid in a tool_result's content`,
};

const misplacedSchemas = new Map<string, v.GenericSchema>();

function misplaced(type: string, position: BlockPosition): v.GenericSchema {
  const key = `${position}:${type}`;
  let schema = misplacedSchemas.get(key);
  if (schema === undefined) {
    const message = MISPLACED_MESSAGE[position](type);
    schema = v.object({ type: v.custom(() => false, message) });
    misplacedSchemas.set(key, schema);
  }
  return schema;
}

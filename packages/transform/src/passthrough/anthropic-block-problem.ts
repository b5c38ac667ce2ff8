import { jsonKind } from "../errors/malformed-answer-error.js";
import { isRecord } from "../transformer/transformer-options.js";

/**
 * Why a content block of an Anthropic answer (in a message, or as a stream's `content_block_start`) cannot
 * reach the client as it is, naming the path; undefined when it can. A block needs a string `type`; the
 * blocks a client reads the content of need it as that type has it: `text` and `thinking` their string,
 * `tool_use` and `server_tool_use` a non-empty id and name and an `input` object (Claude Code runs the call
 * by them). Blocks of other types, known or newer than CCR, pass as they are.
 */
export function anthropicBlockProblem(block: unknown, path: string): string | undefined {
  if (!isRecord(block)) return `${path}: expected an object, got ${jsonKind(block)}`;
  switch (block.type) {
    case "text":
      return stringProblem(block.text, `${path}.text`);
    case "thinking":
      return stringProblem(block.thinking, `${path}.thinking`);
    case "tool_use":
    case "server_tool_use":
      return (
        nameProblem(block.id, `${path}.id`) ??
        nameProblem(block.name, `${path}.name`) ??
        (isRecord(block.input)
          ? undefined
          : `${path}.input: expected an object, got ${jsonKind(block.input)}`)
      );
    default:
      return typeof block.type === "string"
        ? undefined
        : `${path}.type: expected a string, got ${jsonKind(block.type)}`;
  }
}

function stringProblem(value: unknown, path: string): string | undefined {
  return typeof value === "string" ? undefined : `${path}: expected a string, got ${jsonKind(value)}`;
}

function nameProblem(value: unknown, path: string): string | undefined {
  return typeof value === "string" && value !== ""
    ? undefined
    : `${path}: expected a non-empty string, got ${value === "" ? "an empty one" : jsonKind(value)}`;
}

/** Each delta type a client reads, with the field it reads and the block types it may go to. */
const DELTAS: Readonly<
  Record<string, { field: string; kind: "string" | "object"; blocks: readonly string[] }>
> = {
  text_delta: { field: "text", kind: "string", blocks: ["text"] },
  citations_delta: { field: "citation", kind: "object", blocks: ["text"] },
  input_json_delta: {
    field: "partial_json",
    kind: "string",
    blocks: ["tool_use", "server_tool_use", "mcp_tool_use"],
  },
  thinking_delta: { field: "thinking", kind: "string", blocks: ["thinking"] },
  signature_delta: { field: "signature", kind: "string", blocks: ["thinking"] },
};

/** Block types whose deltas are known: any other block (a newer type) may take any delta. */
const BLOCKS_WITH_KNOWN_DELTAS = new Set([
  "text",
  "thinking",
  "redacted_thinking",
  "tool_use",
  "server_tool_use",
]);

/**
 * Why a `content_block_delta`'s delta cannot go to the client, for a block of `blockType`: a client adds a
 * delta's text to its block by the delta's type, and drops one that does not fit the block (the SDK
 * silently, losing the text). A delta of a type CCR does not know passes.
 */
export function anthropicDeltaProblem(delta: unknown, blockType: string, path: string): string | undefined {
  if (!isRecord(delta)) return `${path}: expected an object, got ${jsonKind(delta)}`;
  const type = delta.type;
  if (typeof type !== "string") return `${path}.type: expected a string, got ${jsonKind(type)}`;
  const known = Object.hasOwn(DELTAS, type) ? DELTAS[type] : undefined;
  if (known === undefined) return undefined;
  const value = delta[known.field];
  if (known.kind === "string" ? typeof value !== "string" : !isRecord(value))
    return `${path}.${known.field}: expected ${known.kind === "string" ? "a string" : "an object"}, got ${jsonKind(value)}`;
  if (BLOCKS_WITH_KNOWN_DELTAS.has(blockType) && !known.blocks.includes(blockType))
    return `${path}: a ${type} for a ${blockType} block`;
  return undefined;
}

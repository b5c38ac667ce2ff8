import * as v from "valibot";

/**
 * A Responses API request as Codex CLI and the `openai` SDK send it, checked to the leaves: every input item,
 * content part and tool. Fields CCR does not use (`include`, `prompt_cache_key`, `client_metadata`, `store`...)
 * are accepted and ignored; item and tool types CCR cannot serve are the decoder's to refuse or drop.
 */

const string = (what: string) => v.string(`${what} must be a string`);
const nonEmptyString = (what: string) => v.pipe(string(what), v.nonEmpty(`${what} must not be empty`));

const inputText = v.looseObject({ type: v.literal("input_text"), text: string("text") });
const outputText = v.looseObject({ type: v.literal("output_text"), text: string("text") });
const refusal = v.looseObject({ type: v.literal("refusal"), refusal: string("refusal") });
const inputImage = v.looseObject({
  type: v.literal("input_image"),
  image_url: v.nullish(string("image_url")),
  file_id: v.nullish(string("file_id")),
  detail: v.optional(string("detail")),
});
const inputFile = v.looseObject({
  type: v.literal("input_file"),
  file_data: v.optional(string("file_data")),
  file_id: v.nullish(string("file_id")),
  file_url: v.optional(string("file_url")),
  filename: v.optional(string("filename")),
});

const contentPart = v.variant(
  "type",
  [inputText, inputImage, inputFile, outputText, refusal],
  'each content part needs a type: "input_text", "input_image", "input_file", "output_text" or "refusal"',
);

const message = v.looseObject({
  role: v.picklist(
    ["user", "assistant", "system", "developer"],
    'role must be "user", "assistant", "system" or "developer"',
  ),
  content: v.union(
    [v.string(), v.array(contentPart)],
    "content must be a string or an array of content parts",
  ),
});

const toolOutput = v.union(
  [
    v.string(),
    v.array(
      v.variant(
        "type",
        [inputText, inputImage, inputFile],
        'each output part needs a type: "input_text", "input_image" or "input_file"',
      ),
    ),
  ],
  "output must be a string or an array of input_text / input_image parts",
);

const functionCall = v.looseObject({
  type: v.literal("function_call"),
  call_id: nonEmptyString("call_id"),
  name: nonEmptyString("name"),
  namespace: v.nullish(string("namespace")),
  arguments: string("arguments"),
});

const functionCallOutput = v.looseObject({
  type: v.literal("function_call_output"),
  call_id: nonEmptyString("call_id"),
  output: toolOutput,
});

const customToolCall = v.looseObject({
  type: v.literal("custom_tool_call"),
  call_id: nonEmptyString("call_id"),
  name: nonEmptyString("name"),
  namespace: v.nullish(string("namespace")),
  input: string("input"),
});

const customToolCallOutput = v.looseObject({
  type: v.literal("custom_tool_call_output"),
  call_id: nonEmptyString("call_id"),
  output: toolOutput,
});

/**
 * Items that record what a hosted tool or OpenAI's own state did (reasoning CCR cannot decrypt, web searches,
 * compaction summaries): they carry nothing another provider can use, so they are accepted and left out.
 */
export const DROPPED_ITEM_TYPES = [
  "reasoning",
  "compaction",
  "web_search_call",
  "file_search_call",
  "image_generation_call",
  "code_interpreter_call",
  "computer_call",
  "computer_call_output",
  "local_shell_call",
  "local_shell_call_output",
  "mcp_list_tools",
  "mcp_call",
  "mcp_approval_request",
  "mcp_approval_response",
  "tool_search_call",
  "tool_search_output",
] as const;

const droppedItem = v.looseObject({ type: v.picklist(DROPPED_ITEM_TYPES) });

/** A message may leave out its `type`; it is the only item that may. */
const withMessageType = v.transform((item: unknown) =>
  typeof item === "object" && item !== null && !("type" in item) && "role" in item
    ? { ...item, type: "message" }
    : item,
);

const inputItem = v.pipe(
  v.unknown(),
  withMessageType,
  v.variant(
    "type",
    [
      v.looseObject({ ...message.entries, type: v.literal("message") }),
      functionCall,
      functionCallOutput,
      customToolCall,
      customToolCallOutput,
      droppedItem,
    ],
    'item type must be "message", "function_call", "function_call_output", "custom_tool_call" or "custom_tool_call_output" (stored items and item_reference are not available: CCR keeps no responses; send the whole conversation)',
  ),
);

const parameters = v.nullish(v.record(v.string(), v.unknown(), "parameters must be a JSON schema object"));

const functionTool = v.looseObject({
  type: v.literal("function"),
  name: nonEmptyString("name"),
  description: v.nullish(string("description")),
  parameters,
  strict: v.nullish(v.boolean("strict must be a boolean")),
});

const customTool = v.looseObject({
  type: v.literal("custom"),
  name: nonEmptyString("name"),
  description: v.optional(string("description")),
  format: v.optional(
    v.variant(
      "type",
      [
        v.looseObject({ type: v.literal("text") }),
        v.looseObject({
          type: v.literal("grammar"),
          syntax: string("syntax"),
          definition: string("definition"),
        }),
      ],
      'format.type must be "text" or "grammar"',
    ),
  ),
});

const namespaceTool = v.looseObject({
  type: v.literal("namespace"),
  name: nonEmptyString("name"),
  description: v.optional(string("description")),
  tools: v.array(
    v.variant("type", [functionTool, customTool], 'namespace tools are of type "function" or "custom"'),
    "tools must be an array",
  ),
});

/**
 * A tool of any type: function, custom and namespace tools are checked in full with
 * {@link responsesToolSchema} by the decoder; hosted tools (web_search, file_search...) only have their type
 * read, to be dropped.
 */
const tool = v.looseObject({ type: string("type") }, "each tool must be an object with a type");

export const responsesToolSchema = v.variant(
  "type",
  [functionTool, customTool, namespaceTool],
  'tool type must be "function", "custom" or "namespace"',
);

const toolChoice = v.union(
  [v.picklist(["auto", "none", "required"]), v.looseObject({ type: string("tool_choice.type") })],
  'tool_choice must be "auto", "none", "required" or an object with a type',
);

const numberIn = (what: string, min: number, max: number) =>
  v.pipe(
    v.number(`${what} must be a number`),
    v.minValue(min, `${what} must be between ${min} and ${max}`),
    v.maxValue(max, `${what} must be between ${min} and ${max}`),
  );

export const responsesRequestSchema = v.looseObject({
  model: nonEmptyString("model"),
  input: v.union([v.string(), v.array(inputItem)], "input must be a string or an array of items"),
  instructions: v.nullish(string("instructions")),
  tools: v.nullish(v.array(tool, "tools must be an array")),
  tool_choice: v.nullish(toolChoice),
  parallel_tool_calls: v.nullish(v.boolean("parallel_tool_calls must be a boolean")),
  max_output_tokens: v.nullish(
    v.pipe(
      v.number("max_output_tokens must be a number"),
      v.integer("max_output_tokens must be an integer"),
      v.minValue(1, "max_output_tokens must be at least 1"),
    ),
  ),
  temperature: v.nullish(numberIn("temperature", 0, 2)),
  top_p: v.nullish(numberIn("top_p", 0, 1)),
  stream: v.nullish(v.boolean("stream must be a boolean")),
  reasoning: v.nullish(
    v.looseObject({
      effort: v.nullish(
        v.picklist(
          ["none", "minimal", "low", "medium", "high", "xhigh"],
          'reasoning.effort must be "none", "minimal", "low", "medium", "high" or "xhigh"',
        ),
      ),
      summary: v.nullish(string("reasoning.summary")),
    }),
  ),
  text: v.nullish(
    v.looseObject({
      format: v.optional(v.looseObject({ type: string("text.format.type") })),
    }),
  ),
  previous_response_id: v.nullish(string("previous_response_id")),
  background: v.nullish(v.boolean("background must be a boolean")),
  user: v.optional(string("user")),
  safety_identifier: v.optional(string("safety_identifier")),
});

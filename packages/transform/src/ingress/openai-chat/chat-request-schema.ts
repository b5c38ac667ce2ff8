import * as v from "valibot";

/**
 * A Chat Completions request, checked to the leaves before anything else happens: every message, part, tool
 * call and tool. Fields CCR does not read stay (loose objects), so an OpenAI-compatible upstream still gets
 * them; a value of the wrong type anywhere is a 400 naming it.
 */

const nonEmptyString = (what: string) =>
  v.pipe(v.string(`${what} must be a string`), v.nonEmpty(`${what} must not be empty`));

const textPart = v.looseObject({
  type: v.literal("text"),
  text: v.string("text must be a string"),
});

const imagePart = v.looseObject({
  type: v.literal("image_url"),
  image_url: v.looseObject(
    {
      url: nonEmptyString("image_url.url"),
      detail: v.optional(v.picklist(["auto", "low", "high"], 'detail must be "auto", "low" or "high"')),
    },
    "image_url must be an object with a url",
  ),
});

const audioPart = v.looseObject({
  type: v.literal("input_audio"),
  input_audio: v.looseObject({ data: v.string(), format: v.string() }),
});

const filePart = v.looseObject({
  type: v.literal("file"),
  file: v.looseObject({
    file_data: v.optional(v.string("file_data must be a string")),
    file_id: v.optional(v.string("file_id must be a string")),
    filename: v.optional(v.string("filename must be a string")),
  }),
});

const refusalPart = v.looseObject({
  type: v.literal("refusal"),
  refusal: v.string("refusal must be a string"),
});

const partType = (types: string) => `each content part needs a type (${types})`;

const userPart = v.variant(
  "type",
  [textPart, imagePart, audioPart, filePart],
  partType('"text", "image_url", "input_audio" or "file"'),
);

const textContent = v.union(
  [v.string(), v.array(v.variant("type", [textPart], partType('"text"')))],
  "content must be a string or an array of text parts",
);

const toolCall = v.looseObject({
  id: nonEmptyString("id"),
  type: v.literal("function", 'tool call type must be "function"'),
  function: v.looseObject({
    name: nonEmptyString("function.name"),
    arguments: v.string("function.arguments must be a string of JSON"),
  }),
});

const name = v.optional(v.string("name must be a string"));

const systemMessage = v.looseObject({
  role: v.picklist(["system", "developer"]),
  content: textContent,
  name,
});

const userMessage = v.looseObject({
  role: v.literal("user"),
  content: v.union([v.string(), v.array(userPart)], "content must be a string or an array of content parts"),
  name,
});

const assistantMessage = v.looseObject({
  role: v.literal("assistant"),
  content: v.nullish(
    v.union(
      [v.string(), v.array(v.variant("type", [textPart, refusalPart], partType('"text" or "refusal"')))],
      "content must be a string, null or an array of text parts",
    ),
  ),
  tool_calls: v.optional(v.array(toolCall, "tool_calls must be an array")),
  reasoning_content: v.nullish(v.string("reasoning_content must be a string")),
  refusal: v.nullish(v.string("refusal must be a string")),
  name,
});

const toolMessage = v.looseObject({
  role: v.literal("tool"),
  tool_call_id: nonEmptyString("tool_call_id"),
  content: textContent,
});

const message = v.variant(
  "role",
  [systemMessage, userMessage, assistantMessage, toolMessage],
  'each message needs a role: "system", "developer", "user", "assistant" or "tool"',
);

/** OpenAI's own rule for function names; Anthropic's is the same with a longer limit. */
const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

const functionTool = v.looseObject({
  type: v.literal("function"),
  function: v.looseObject({
    name: v.pipe(
      v.string("function.name must be a string"),
      v.regex(TOOL_NAME, "function names are 1 to 64 letters, digits, underscores or dashes"),
    ),
    description: v.optional(v.string("description must be a string")),
    parameters: v.optional(v.record(v.string(), v.unknown(), "parameters must be a JSON schema object")),
    strict: v.nullish(v.boolean("strict must be a boolean")),
  }),
});

const toolChoice = v.union(
  [
    v.picklist(["auto", "none", "required"]),
    v.looseObject({
      type: v.literal("function"),
      function: v.looseObject({ name: nonEmptyString("tool_choice.function.name") }),
    }),
  ],
  'tool_choice must be "auto", "none", "required" or {"type": "function", "function": {"name": ...}}',
);

const responseFormat = v.variant(
  "type",
  [
    v.looseObject({ type: v.literal("text") }),
    v.looseObject({ type: v.literal("json_object") }),
    v.looseObject({
      type: v.literal("json_schema"),
      json_schema: v.looseObject({
        name: nonEmptyString("json_schema.name"),
        description: v.optional(v.string("description must be a string")),
        schema: v.optional(v.record(v.string(), v.unknown(), "schema must be a JSON schema object")),
        strict: v.nullish(v.boolean("strict must be a boolean")),
      }),
    }),
  ],
  'response_format.type must be "text", "json_object" or "json_schema"',
);

const positiveInteger = (what: string) =>
  v.pipe(
    v.number(`${what} must be a number`),
    v.integer(`${what} must be an integer`),
    v.minValue(1, `${what} must be at least 1`),
  );

const numberIn = (what: string, min: number, max: number) =>
  v.pipe(
    v.number(`${what} must be a number`),
    v.minValue(min, `${what} must be between ${min} and ${max}`),
    v.maxValue(max, `${what} must be between ${min} and ${max}`),
  );

export const chatRequestSchema = v.looseObject({
  model: nonEmptyString("model"),
  messages: v.pipe(
    v.array(message, "messages must be an array"),
    v.minLength(1, "messages must contain at least one message"),
  ),
  max_tokens: v.nullish(positiveInteger("max_tokens")),
  max_completion_tokens: v.nullish(positiveInteger("max_completion_tokens")),
  temperature: v.nullish(numberIn("temperature", 0, 2)),
  top_p: v.nullish(numberIn("top_p", 0, 1)),
  stop: v.nullish(
    v.union(
      [v.string(), v.pipe(v.array(v.string()), v.maxLength(4, "stop takes at most 4 sequences"))],
      "stop must be a string or an array of strings",
    ),
  ),
  stream: v.nullish(v.boolean("stream must be a boolean")),
  stream_options: v.nullish(
    v.looseObject({ include_usage: v.optional(v.boolean("include_usage must be a boolean")) }),
  ),
  tools: v.optional(v.array(functionTool, 'tools must be an array of {"type": "function", ...} tools')),
  tool_choice: v.optional(toolChoice),
  parallel_tool_calls: v.nullish(v.boolean("parallel_tool_calls must be a boolean")),
  response_format: v.optional(responseFormat),
  reasoning_effort: v.nullish(
    v.picklist(
      ["none", "minimal", "low", "medium", "high", "xhigh"],
      'reasoning_effort must be "none", "minimal", "low", "medium", "high" or "xhigh"',
    ),
  ),
  user: v.optional(v.string("user must be a string")),
  seed: v.nullish(v.pipe(v.number("seed must be a number"), v.integer("seed must be an integer"))),
  n: v.nullish(
    v.pipe(
      v.number("n must be a number"),
      v.value(1, "n must be 1: CCR answers with one choice (send several requests for several answers)"),
    ),
  ),
});

export type ChatRequestInput = v.InferOutput<typeof chatRequestSchema>;

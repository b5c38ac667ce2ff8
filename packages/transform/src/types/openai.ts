/**
 * OpenAI Chat Completions shapes, including the extras OpenAI-compatible
 * providers add (DeepSeek/Kimi `reasoning_content`, OpenRouter `reasoning`).
 * Object types stay open so transformers can add provider parameters.
 */

export type OpenAITextPart = { type: "text"; text: string };

export type OpenAIImagePart = {
  type: "image_url";
  image_url: { url: string; detail?: "auto" | "low" | "high" };
};

export type OpenAIContentPart = OpenAITextPart | OpenAIImagePart | { type: string; [key: string]: unknown };

export type OpenAIToolCall = {
  id: string;
  type: "function";
  function: { name: string; arguments: string };
};

export type OpenAISystemMessage = {
  role: "system" | "developer";
  content: string | OpenAITextPart[];
  name?: string;
};

export type OpenAIUserMessage = {
  role: "user";
  content: string | OpenAIContentPart[];
  name?: string;
};

export type OpenAIAssistantMessage = {
  role: "assistant";
  content: string | OpenAITextPart[] | null;
  tool_calls?: OpenAIToolCall[];
  refusal?: string | null;
  /** DeepSeek, Kimi and others want the previous turns' reasoning sent back. */
  reasoning_content?: string | null;
  reasoning?: string | null;
  name?: string;
  [key: string]: unknown;
};

export type OpenAIToolMessage = {
  role: "tool";
  tool_call_id: string;
  content: string | OpenAITextPart[];
};

export type OpenAIChatMessage =
  | OpenAISystemMessage
  | OpenAIUserMessage
  | OpenAIAssistantMessage
  | OpenAIToolMessage;

export type OpenAIFunctionTool = {
  type: "function";
  function: {
    name: string;
    description?: string;
    parameters?: Record<string, unknown>;
    strict?: boolean;
  };
};

export type OpenAITool = OpenAIFunctionTool | { type: string; [key: string]: unknown };

export type OpenAIToolChoice =
  | "auto"
  | "none"
  | "required"
  | { type: "function"; function: { name: string } };

export type OpenAIReasoningEffort = "none" | "minimal" | "low" | "medium" | "high" | "xhigh";

/** Structured output: `json_object`, or `json_schema` with the schema the answer must match. */
export type OpenAIResponseFormat =
  | { type: "text" }
  | { type: "json_object" }
  | {
      type: "json_schema";
      json_schema: {
        name: string;
        description?: string;
        schema?: Record<string, unknown>;
        strict?: boolean | null;
      };
    };

export type OpenAIChatRequest = {
  model: string;
  messages: OpenAIChatMessage[];
  max_tokens?: number;
  max_completion_tokens?: number;
  temperature?: number;
  top_p?: number;
  stop?: string | string[];
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  tools?: OpenAITool[];
  tool_choice?: OpenAIToolChoice;
  parallel_tool_calls?: boolean;
  user?: string;
  reasoning_effort?: OpenAIReasoningEffort;
  response_format?: OpenAIResponseFormat;
  seed?: number;
  n?: number;
  /** OpenRouter's unified reasoning parameter. */
  reasoning?: { effort?: string; max_tokens?: number; enabled?: boolean; exclude?: boolean };
  [key: string]: unknown;
};

export type OpenAIUsage = {
  prompt_tokens?: number;
  completion_tokens?: number;
  total_tokens?: number;
  prompt_tokens_details?: { cached_tokens?: number | null; [key: string]: unknown } | null;
  completion_tokens_details?: { reasoning_tokens?: number | null; [key: string]: unknown } | null;
  /** DeepSeek reports cache hits here instead of prompt_tokens_details. */
  prompt_cache_hit_tokens?: number;
  prompt_cache_miss_tokens?: number;
  [key: string]: unknown;
};

export type OpenAIFinishReason =
  | "stop"
  | "length"
  | "tool_calls"
  | "function_call"
  | "content_filter"
  | (string & {});

export type OpenAIResponseMessage = {
  role?: "assistant";
  content?: string | null;
  tool_calls?: OpenAIToolCall[] | null;
  refusal?: string | null;
  reasoning_content?: string | null;
  reasoning?: string | null;
  [key: string]: unknown;
};

export type OpenAIChatResponse = {
  id?: string;
  object?: string;
  created?: number;
  model?: string;
  choices?: Array<{
    index?: number;
    message?: OpenAIResponseMessage;
    finish_reason?: OpenAIFinishReason | null;
    [key: string]: unknown;
  }>;
  usage?: OpenAIUsage | null;
  error?: unknown;
  [key: string]: unknown;
};

export type OpenAIToolCallDelta = {
  index?: number;
  id?: string | null;
  type?: "function";
  function?: { name?: string | null; arguments?: string | null };
};

export type OpenAIChunkDelta = {
  role?: "assistant" | null;
  content?: string | null;
  tool_calls?: OpenAIToolCallDelta[] | null;
  refusal?: string | null;
  reasoning_content?: string | null;
  reasoning?: string | null;
  [key: string]: unknown;
};

export type OpenAIChatChunk = {
  id?: string;
  object?: string;
  created?: number;
  model?: string;
  choices?: Array<{
    index?: number;
    delta?: OpenAIChunkDelta;
    finish_reason?: OpenAIFinishReason | null;
    [key: string]: unknown;
  }>;
  usage?: OpenAIUsage | null;
  error?: unknown;
  [key: string]: unknown;
};

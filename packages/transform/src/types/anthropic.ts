/**
 * Anthropic Messages API shapes, as far as CCR reads or writes them.
 * Every object type stays open to unknown fields (the API grows faster than
 * this file), so the request side passes them through and the translators
 * pick only what they understand.
 */

export type AnthropicCacheControl = { type: "ephemeral"; ttl?: string };

export type AnthropicTextBlock = {
  type: "text";
  text: string;
  cache_control?: AnthropicCacheControl | null;
  citations?: unknown[] | null;
};

export type AnthropicImageSource =
  | { type: "base64"; media_type: string; data: string }
  | { type: "url"; url: string }
  | { type: "file"; file_id: string };

export type AnthropicImageBlock = {
  type: "image";
  source: AnthropicImageSource;
  cache_control?: AnthropicCacheControl | null;
};

export type AnthropicDocumentSource =
  | { type: "base64"; media_type: string; data: string }
  | { type: "text"; media_type?: string; data: string }
  | { type: "url"; url: string }
  | { type: "content"; content: string | AnthropicContentBlock[] }
  | { type: "file"; file_id: string };

export type AnthropicDocumentBlock = {
  type: "document";
  source: AnthropicDocumentSource;
  title?: string | null;
  context?: string | null;
  citations?: { enabled?: boolean } | null;
  cache_control?: AnthropicCacheControl | null;
};

export type AnthropicToolUseBlock = {
  type: "tool_use";
  id: string;
  name: string;
  input: unknown;
  cache_control?: AnthropicCacheControl | null;
};

/** What Claude Code's ToolSearch returns: a deferred tool (`defer_loading`) the model may now call. */
export type AnthropicToolReferenceBlock = { type: "tool_reference"; tool_name: string };

export type AnthropicToolResultContent =
  | AnthropicTextBlock
  | AnthropicImageBlock
  | AnthropicDocumentBlock
  | AnthropicToolReferenceBlock;

export type AnthropicToolResultBlock = {
  type: "tool_result";
  tool_use_id: string;
  content?: string | AnthropicToolResultContent[];
  is_error?: boolean;
  cache_control?: AnthropicCacheControl | null;
};

export type AnthropicThinkingBlock = {
  type: "thinking";
  thinking: string;
  /** Optional on the way out: non-Anthropic providers have no signature to give. */
  signature?: string;
};

export type AnthropicRedactedThinkingBlock = {
  type: "redacted_thinking";
  data: string;
};

/** Server (hosted) tool blocks: web search, code execution, MCP... Kept loose on purpose. */
export type AnthropicServerToolUseBlock = {
  type: "server_tool_use";
  id: string;
  name: string;
  input: unknown;
  [key: string]: unknown;
};

export type AnthropicServerToolResultBlock = {
  type:
    | "web_search_tool_result"
    | "web_fetch_tool_result"
    | "code_execution_tool_result"
    | "bash_code_execution_tool_result"
    | "text_editor_code_execution_tool_result"
    | "mcp_tool_use"
    | "mcp_tool_result"
    | "container_upload"
    | "search_result";
  [key: string]: unknown;
};

export type AnthropicContentBlock =
  | AnthropicTextBlock
  | AnthropicImageBlock
  | AnthropicDocumentBlock
  | AnthropicToolUseBlock
  | AnthropicToolResultBlock
  | AnthropicThinkingBlock
  | AnthropicRedactedThinkingBlock
  | AnthropicServerToolUseBlock
  | AnthropicServerToolResultBlock;

export type AnthropicRole = "user" | "assistant";

export type AnthropicMessageParam = {
  /** "system" is not in the public API, but current Claude Code sends it mid-conversation. */
  role: AnthropicRole | "system";
  content: string | AnthropicContentBlock[];
};

export type AnthropicCustomTool = {
  type?: "custom";
  name: string;
  description?: string;
  input_schema: Record<string, unknown>;
  cache_control?: AnthropicCacheControl | null;
  /** Hidden from the model until a `tool_reference` (a ToolSearch result) names it. */
  defer_loading?: boolean;
};

/** Hosted tools such as `web_search_20250305`, `bash_20250124`, `text_editor_20250728`. */
export type AnthropicServerTool = {
  type: string;
  name: string;
  [key: string]: unknown;
};

export type AnthropicTool = AnthropicCustomTool | AnthropicServerTool;

export type AnthropicToolChoice =
  | { type: "auto"; disable_parallel_tool_use?: boolean }
  | { type: "any"; disable_parallel_tool_use?: boolean }
  | { type: "tool"; name: string; disable_parallel_tool_use?: boolean }
  | { type: "none" };

export type AnthropicThinkingConfig =
  | { type: "enabled"; budget_tokens: number }
  | { type: "disabled" }
  | { type: "adaptive" };

export type AnthropicEffort = "low" | "medium" | "high" | "max";

export type AnthropicMessagesRequest = {
  model: string;
  max_tokens: number;
  messages: AnthropicMessageParam[];
  system?: string | AnthropicTextBlock[];
  tools?: AnthropicTool[];
  tool_choice?: AnthropicToolChoice;
  stop_sequences?: string[];
  temperature?: number;
  top_p?: number;
  top_k?: number;
  stream?: boolean;
  metadata?: { user_id?: string | null; [key: string]: unknown };
  thinking?: AnthropicThinkingConfig;
  output_config?: { effort?: AnthropicEffort; [key: string]: unknown };
  context_management?: unknown;
  service_tier?: string;
  container?: unknown;
  mcp_servers?: unknown[];
  [key: string]: unknown;
};

export type AnthropicStopReason =
  | "end_turn"
  | "max_tokens"
  | "stop_sequence"
  | "tool_use"
  | "pause_turn"
  | "refusal"
  | "model_context_window_exceeded";

export type AnthropicUsage = {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens?: number | null;
  cache_read_input_tokens?: number | null;
  server_tool_use?: { web_search_requests?: number; [key: string]: unknown } | null;
  service_tier?: string | null;
};

/** The response body of POST /v1/messages. */
export type AnthropicMessage = {
  id: string;
  type: "message";
  role: "assistant";
  model: string;
  content: AnthropicContentBlock[];
  stop_reason: AnthropicStopReason | null;
  stop_sequence: string | null;
  usage: AnthropicUsage;
  container?: unknown;
};

export type AnthropicErrorType =
  | "invalid_request_error"
  | "authentication_error"
  | "billing_error"
  | "permission_error"
  | "not_found_error"
  | "request_too_large"
  | "rate_limit_error"
  | "timeout_error"
  | "api_error"
  | "overloaded_error";

export type AnthropicErrorBody = {
  type: "error";
  error: { type: AnthropicErrorType; message: string };
  request_id?: string;
};

/** A content block as it appears in `content_block_start` (text and thinking start empty). */
export type AnthropicStreamContentBlock =
  | { type: "text"; text: string }
  | { type: "thinking"; thinking: string; signature?: string }
  | { type: "redacted_thinking"; data: string }
  | { type: "tool_use"; id: string; name: string; input: Record<string, never> }
  | AnthropicServerToolUseBlock
  | AnthropicServerToolResultBlock;

export type AnthropicContentDelta =
  | { type: "text_delta"; text: string }
  | { type: "input_json_delta"; partial_json: string }
  | { type: "thinking_delta"; thinking: string }
  | { type: "signature_delta"; signature: string }
  | { type: "citations_delta"; citation: unknown };

export type AnthropicMessageStartEvent = {
  type: "message_start";
  message: AnthropicMessage;
};

export type AnthropicContentBlockStartEvent = {
  type: "content_block_start";
  index: number;
  content_block: AnthropicStreamContentBlock;
};

export type AnthropicContentBlockDeltaEvent = {
  type: "content_block_delta";
  index: number;
  delta: AnthropicContentDelta;
};

export type AnthropicContentBlockStopEvent = { type: "content_block_stop"; index: number };

export type AnthropicMessageDeltaEvent = {
  type: "message_delta";
  delta: { stop_reason: AnthropicStopReason | null; stop_sequence: string | null };
  usage: Partial<AnthropicUsage> & { output_tokens: number };
};

export type AnthropicMessageStopEvent = { type: "message_stop" };

export type AnthropicPingEvent = { type: "ping" };

export type AnthropicErrorEvent = AnthropicErrorBody;

/** Every event of an Anthropic Messages SSE stream; `type` is also the SSE `event:` name. */
export type AnthropicStreamEvent =
  | AnthropicMessageStartEvent
  | AnthropicContentBlockStartEvent
  | AnthropicContentBlockDeltaEvent
  | AnthropicContentBlockStopEvent
  | AnthropicMessageDeltaEvent
  | AnthropicMessageStopEvent
  | AnthropicPingEvent
  | AnthropicErrorEvent;

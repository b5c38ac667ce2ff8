/**
 * Anthropic Messages API shapes, as far as CCR reads or writes them.
 * Every object type stays open to unknown fields (the API grows faster than
 * this file), so the request side passes them through and the translators
 * pick only what they understand.
 */

export type AnthropicCacheControl = { type: "ephemeral"; ttl?: "5m" | "1h" };

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
  | { type: "content"; content: string | (AnthropicTextBlock | AnthropicImageBlock)[] }
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
export type AnthropicToolReferenceBlock = {
  type: "tool_reference";
  tool_name: string;
  cache_control?: AnthropicCacheControl | null;
};

/** Search results a client hands the model (in a user turn or a tool result), citable like documents. */
export type AnthropicSearchResultBlock = {
  type: "search_result";
  source: string;
  title: string;
  content: AnthropicTextBlock[];
  citations?: { enabled?: boolean } | null;
  cache_control?: AnthropicCacheControl | null;
};

export type AnthropicToolResultContent =
  | AnthropicTextBlock
  | AnthropicImageBlock
  | AnthropicDocumentBlock
  | AnthropicSearchResultBlock
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

/** Server (hosted) tool blocks: web search, code execution... Kept loose on purpose. */
export type AnthropicServerToolUseBlock = {
  type: "server_tool_use";
  id: string;
  name: string;
  input: unknown;
  [key: string]: unknown;
};

/** The `type` of every hosted tool's result block; `content` is the tool's own shape. */
export type AnthropicServerToolResultType =
  | "web_search_tool_result"
  | "web_fetch_tool_result"
  | "code_execution_tool_result"
  | "bash_code_execution_tool_result"
  | "text_editor_code_execution_tool_result"
  | "tool_search_tool_result";

export type AnthropicServerToolResultBlock = {
  type: AnthropicServerToolResultType;
  tool_use_id?: string;
  content?: unknown;
  [key: string]: unknown;
};

/** A call to a tool of a remote MCP server Anthropic connected (`mcp_servers`), and its result. */
export type AnthropicMcpToolUseBlock = {
  type: "mcp_tool_use";
  id: string;
  name: string;
  server_name: string;
  input: unknown;
  [key: string]: unknown;
};

export type AnthropicMcpToolResultBlock = {
  type: "mcp_tool_result";
  tool_use_id: string;
  content?: string | AnthropicTextBlock[];
  is_error?: boolean;
  [key: string]: unknown;
};

/** A file uploaded to the code-execution container. */
export type AnthropicContainerUploadBlock = {
  type: "container_upload";
  file_id: string;
  [key: string]: unknown;
};

/** What server-side compaction (`context_management` `compact_*`) left of the earlier conversation. */
export type AnthropicCompactionBlock = {
  type: "compaction";
  content?: string | null;
  [key: string]: unknown;
};

/**
 * A block whose `type` CCR does not know (from a client newer than CCR).
 * Not part of `AnthropicContentBlock`, whose members stay discriminated by
 * `type`: a validated request can still hold such blocks in any content
 * array (`decodeAnthropicRequest` reports them), so code reading content
 * handles them in its `default` branch.
 */
export type AnthropicUnknownBlock = { type: string; [key: string]: unknown };

export type AnthropicContentBlock =
  | AnthropicTextBlock
  | AnthropicImageBlock
  | AnthropicDocumentBlock
  | AnthropicToolUseBlock
  | AnthropicToolResultBlock
  | AnthropicThinkingBlock
  | AnthropicRedactedThinkingBlock
  | AnthropicServerToolUseBlock
  | AnthropicServerToolResultBlock
  | AnthropicSearchResultBlock
  | AnthropicMcpToolUseBlock
  | AnthropicMcpToolResultBlock
  | AnthropicContainerUploadBlock
  | AnthropicCompactionBlock;

export type AnthropicRole = "user" | "assistant";

export type AnthropicMessageParam = {
  /** Mid-conversation system messages (text only): current Claude Code sends them. */
  role: AnthropicRole | "system";
  content: string | AnthropicContentBlock[];
};

export type AnthropicCustomTool = {
  type?: "custom" | null;
  name: string;
  description?: string;
  /** A JSON schema whose `type` is "object". */
  input_schema: Record<string, unknown>;
  cache_control?: AnthropicCacheControl | null;
  /** Hidden from the model until a `tool_reference` (a ToolSearch result) names it. */
  defer_loading?: boolean;
  strict?: boolean;
  [key: string]: unknown;
};

/**
 * Hosted tools, named by a versioned `type`: `web_search_20250305`,
 * `bash_20250124`, `text_editor_20250728`, `computer_20250124`...
 */
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

export type AnthropicThinkingDisplay = "summarized" | "omitted";

export type AnthropicThinkingConfig =
  | { type: "enabled"; budget_tokens: number; display?: AnthropicThinkingDisplay | null }
  | { type: "disabled" }
  | { type: "adaptive"; display?: AnthropicThinkingDisplay | null }
  | { type: "between_tools" };

export type AnthropicEffort = "low" | "medium" | "high" | "xhigh" | "max";

/**
 * The fields of a Messages request that shape the prompt, which is also the
 * whole body of POST /v1/messages/count_tokens.
 */
export type AnthropicCountTokensRequest = {
  model: string;
  messages: AnthropicMessageParam[];
  system?: string | AnthropicTextBlock[];
  tools?: AnthropicTool[];
  tool_choice?: AnthropicToolChoice;
  thinking?: AnthropicThinkingConfig;
  output_config?: {
    effort?: AnthropicEffort;
    format?: { type: "json_schema"; schema: Record<string, unknown> } | null;
    [key: string]: unknown;
  };
  context_management?: { edits?: { type: string; [key: string]: unknown }[]; [key: string]: unknown } | null;
  mcp_servers?: { type: "url"; url: string; name: string; [key: string]: unknown }[];
  /** Top-level cache breakpoint: Anthropic marks the last cacheable block. */
  cache_control?: AnthropicCacheControl | null;
  speed?: "standard" | "fast" | null;
  [key: string]: unknown;
};

/** The body of POST /v1/messages. */
export type AnthropicMessagesRequest = AnthropicCountTokensRequest & {
  max_tokens: number;
  stop_sequences?: string[];
  temperature?: number;
  top_p?: number;
  top_k?: number;
  stream?: boolean;
  metadata?: { user_id?: string | null; [key: string]: unknown };
  service_tier?: "auto" | "standard_only";
  container?: string | { id?: string | null; skills?: unknown[] | null; [key: string]: unknown } | null;
  inference_geo?: string | null;
  diagnostics?: { previous_message_id?: string | null; [key: string]: unknown } | null;
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
  | AnthropicServerToolResultBlock
  | AnthropicMcpToolUseBlock
  | AnthropicMcpToolResultBlock
  | AnthropicContainerUploadBlock
  | AnthropicCompactionBlock;

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

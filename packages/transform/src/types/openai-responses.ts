/**
 * OpenAI Responses API shapes, as far as CCR reads (the request Codex CLI and the `openai` SDK send) or writes
 * them (the response object and its stream events). Object types stay open: the API grows faster than this
 * file, and unknown request fields are accepted and ignored.
 */

export type ResponsesInputText = { type: "input_text"; text: string };
export type ResponsesInputImage = {
  type: "input_image";
  image_url?: string | null;
  file_id?: string | null;
  detail?: "auto" | "low" | "high" | "original";
};
export type ResponsesInputFile = {
  type: "input_file";
  file_data?: string;
  file_id?: string | null;
  file_url?: string;
  filename?: string;
};
export type ResponsesOutputText = { type: "output_text"; text: string; annotations?: unknown[] };
export type ResponsesRefusal = { type: "refusal"; refusal: string };

export type ResponsesContentPart =
  | ResponsesInputText
  | ResponsesInputImage
  | ResponsesInputFile
  | ResponsesOutputText
  | ResponsesRefusal;

export type ResponsesMessageItem = {
  type?: "message";
  id?: string;
  role: "user" | "assistant" | "system" | "developer";
  content: string | ResponsesContentPart[];
  status?: string;
  [key: string]: unknown;
};

export type ResponsesFunctionCallItem = {
  type: "function_call";
  id?: string;
  call_id: string;
  name: string;
  namespace?: string;
  arguments: string;
  status?: string;
  [key: string]: unknown;
};

/** A tool's result: text, or parts (text and images) for tools that return pictures. */
export type ResponsesToolOutput =
  | string
  | Array<ResponsesInputText | ResponsesInputImage | ResponsesInputFile>;

export type ResponsesFunctionCallOutputItem = {
  type: "function_call_output";
  id?: string;
  call_id: string;
  output: ResponsesToolOutput;
  [key: string]: unknown;
};

export type ResponsesCustomToolCallItem = {
  type: "custom_tool_call";
  id?: string;
  call_id: string;
  name: string;
  namespace?: string;
  input: string;
  [key: string]: unknown;
};

export type ResponsesCustomToolCallOutputItem = {
  type: "custom_tool_call_output";
  id?: string;
  call_id: string;
  output: ResponsesToolOutput;
  [key: string]: unknown;
};

export type ResponsesReasoningItem = {
  type: "reasoning";
  id?: string;
  summary?: Array<{ type: "summary_text"; text: string }>;
  content?: Array<{ type: "reasoning_text"; text: string }> | null;
  encrypted_content?: string | null;
  [key: string]: unknown;
};

export type ResponsesInputItem =
  | ResponsesMessageItem
  | ResponsesFunctionCallItem
  | ResponsesFunctionCallOutputItem
  | ResponsesCustomToolCallItem
  | ResponsesCustomToolCallOutputItem
  | ResponsesReasoningItem
  | { type: string; [key: string]: unknown };

export type ResponsesFunctionTool = {
  type: "function";
  name: string;
  description?: string | null;
  parameters?: Record<string, unknown> | null;
  strict?: boolean | null;
};

/** A free-form tool (`apply_patch`): its input is one string, optionally in a grammar. */
export type ResponsesCustomTool = {
  type: "custom";
  name: string;
  description?: string;
  format?: { type: "text" } | { type: "grammar"; syntax: string; definition: string };
};

/** A named group of function and custom tools; the model calls them with `namespace` set. */
export type ResponsesNamespaceTool = {
  type: "namespace";
  name: string;
  description?: string;
  tools: Array<ResponsesFunctionTool | ResponsesCustomTool>;
};

export type ResponsesTool =
  | ResponsesFunctionTool
  | ResponsesCustomTool
  | ResponsesNamespaceTool
  | { type: string; [key: string]: unknown };

export type ResponsesToolChoice =
  | "auto"
  | "none"
  | "required"
  | { type: "function" | "custom"; name: string; namespace?: string }
  | { type: "allowed_tools"; mode: "auto" | "required"; tools: unknown[] }
  | { type: string; [key: string]: unknown };

export type ResponsesReasoningEffort = "none" | "minimal" | "low" | "medium" | "high" | "xhigh";

export type ResponsesRequest = {
  model: string;
  input: string | ResponsesInputItem[];
  instructions?: string | null;
  tools?: ResponsesTool[];
  tool_choice?: ResponsesToolChoice;
  parallel_tool_calls?: boolean | null;
  max_output_tokens?: number | null;
  temperature?: number | null;
  top_p?: number | null;
  stream?: boolean | null;
  reasoning?: { effort?: ResponsesReasoningEffort | null; summary?: string | null } | null;
  text?: { format?: { type: string; [key: string]: unknown }; verbosity?: string | null } | null;
  store?: boolean | null;
  previous_response_id?: string | null;
  user?: string;
  safety_identifier?: string;
  [key: string]: unknown;
};

// --- what CCR writes back ---

export type ResponsesOutputMessage = {
  id: string;
  type: "message";
  status: "in_progress" | "completed" | "incomplete";
  role: "assistant";
  content: Array<ResponsesOutputText | ResponsesRefusal>;
};

export type ResponsesOutputItem =
  | ResponsesOutputMessage
  | (ResponsesFunctionCallItem & { id: string; status: string })
  | (ResponsesCustomToolCallItem & { id: string })
  | (ResponsesReasoningItem & { id: string; summary: Array<{ type: "summary_text"; text: string }> });

export type ResponsesUsage = {
  input_tokens: number;
  input_tokens_details: { cached_tokens: number };
  output_tokens: number;
  output_tokens_details: { reasoning_tokens: number };
  total_tokens: number;
};

export type ResponsesStatus = "in_progress" | "completed" | "incomplete" | "failed";

/** The `response` object: the non-streamed answer, and the snapshot in `response.*` lifecycle events. */
export type ResponsesResponse = {
  id: string;
  object: "response";
  created_at: number;
  status: ResponsesStatus;
  model: string;
  output: ResponsesOutputItem[];
  usage: ResponsesUsage | null;
  error: { code: string; message: string } | null;
  incomplete_details: { reason: string } | null;
  [key: string]: unknown;
};

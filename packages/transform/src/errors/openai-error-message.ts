import { baseRespStatus, failedBaseResp } from "./base-resp-status.js";

/**
 * Whether an upstream JSON answer (a response body or one stream chunk) is
 * an error rather than an answer: an `error` field, a failed MiniMax
 * `base_resp`, or, with no `choices` at all, a message and nothing else an
 * answer would carry (`{message, code}` as some gateways send).
 */
export function isOpenAIErrorBody(body: unknown): boolean {
  if (Array.isArray(body)) return body.length > 0 && openAIErrorMessage(body) !== undefined;
  if (!isRecord(body)) return false;
  if (body.error != null || failedBaseResp(body)) return true;
  return body.choices === undefined && body.usage == null && openAIErrorMessage(body) !== undefined;
}

/**
 * The human-readable message inside an upstream error body, whatever its
 * dialect: OpenAI `{error: {message}}`, `{error: "..."}`, Anthropic
 * `{type: "error", error: {...}}`, Gemini's one-element array, FastAPI
 * `{detail}`, `{errors: [{message}]}`, MiniMax `{base_resp: {status_msg}}`,
 * or a bare `{message}`. OpenRouter's
 * generic "Provider returned error" gets the provider's raw text appended,
 * since that is the part a user can act on.
 */
export function openAIErrorMessage(body: unknown): string | undefined {
  if (typeof body === "string") {
    const text = body.trim();
    return text === "" ? undefined : text;
  }
  if (Array.isArray(body)) return body.length > 0 ? openAIErrorMessage(body[0]) : undefined;
  if (!isRecord(body)) return undefined;

  const error = body.error;
  if (typeof error === "string" && error.trim() !== "") return error.trim();
  if (isRecord(error)) {
    const message = stringField(error, "message") ?? openAIErrorMessage(error.error);
    const raw = isRecord(error.metadata) ? rawText(error.metadata.raw) : undefined;
    if (message && raw && !message.includes(raw)) return `${message}: ${raw}`;
    if (message ?? raw) return message ?? raw;
  }
  const message =
    stringField(body, "message") ?? stringField(body, "detail") ?? stringField(body, "error_description");
  if (message) return message;
  if (Array.isArray(body.errors)) return openAIErrorMessage(body.errors[0]);
  if (Array.isArray(body.detail)) return openAIErrorMessage(body.detail[0]);
  const baseResp = failedBaseResp(body);
  if (baseResp) return baseResp.message ?? `status_code ${baseResp.code}`;
  return undefined;
}

/**
 * The HTTP status an error body claims for itself (OpenRouter and others put
 * it in `error.code` or `error.status` of a 200 response), if any.
 */
export function openAIErrorStatus(body: unknown): number | undefined {
  if (Array.isArray(body)) return openAIErrorStatus(body[0]);
  if (!isRecord(body)) return undefined;
  const baseResp = failedBaseResp(body);
  if (baseResp) return baseRespStatus(baseResp.code);
  const error = isRecord(body.error) ? body.error : body;
  for (const key of ["status", "code", "status_code"]) {
    const value = error[key];
    const status = typeof value === "string" && /^\d{3}$/.test(value) ? Number(value) : value;
    if (typeof status === "number" && Number.isInteger(status) && status >= 400 && status <= 599)
      return status;
  }
  const type = stringField(error, "type") ?? stringField(error, "code");
  if (type && /rate.?limit|quota|too.?many/i.test(type)) return 429;
  if (type && /overload/i.test(type)) return 529;
  return undefined;
}

function rawText(raw: unknown): string | undefined {
  if (typeof raw === "string") {
    const trimmed = raw.trim();
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      try {
        return openAIErrorMessage(JSON.parse(trimmed)) ?? trimmed;
      } catch {
        return trimmed;
      }
    }
    return trimmed === "" ? undefined : trimmed;
  }
  return openAIErrorMessage(raw);
}

function stringField(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

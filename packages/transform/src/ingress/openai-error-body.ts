/** OpenAI's error body, which both OpenAI ingresses answer with. */
export type OpenAIErrorBody = {
  error: { message: string; type: string; param: string | null; code: string | null };
};

/**
 * An error in OpenAI's shape, `{error: {message, type, param, code}}`: the `type` and `code` OpenAI gives for
 * the status (SDKs and Codex read them: `rate_limit_exceeded` is retried, `context_length_exceeded` is not),
 * and `param` naming the request field at fault when there is one.
 */
export function openAIErrorBody(status: number, message: string, param?: string): OpenAIErrorBody {
  return {
    error: { message, type: openAIErrorType(status), param: param ?? null, code: openAIErrorCode(status) },
  };
}

/** OpenAI's `type` for an HTTP status. */
export function openAIErrorType(status: number): string {
  if (status === 429) return "rate_limit_error";
  if (status === 401) return "authentication_error";
  if (status === 403) return "permission_error";
  if (status === 404) return "not_found_error";
  if (status >= 500) return "server_error";
  return "invalid_request_error";
}

function openAIErrorCode(status: number): string | null {
  switch (status) {
    case 401:
      return "invalid_api_key";
    case 413:
      return "request_too_large";
    case 429:
      return "rate_limit_exceeded";
    case 499:
      return "client_closed_request";
    case 503:
    case 529:
      return "server_overloaded";
    default:
      return null;
  }
}

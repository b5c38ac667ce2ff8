/**
 * MiniMax reports failures inside HTTP 200 as `base_resp: {status_code,
 * status_msg}`, with 0 meaning success. Its codes → the HTTP status they
 * stand for, so the router retries, cascades or gives up as it would on a
 * real status: rate and connection limits, bad keys, no balance, bad input,
 * timeouts; anything else is the server's fault.
 */
export function baseRespStatus(code: number): number {
  switch (code) {
    case 1002: // requests per minute
    case 1039: // tokens per minute
    case 1041: // connections
      return 429;
    case 1004:
    case 2049:
      return 401;
    case 1008:
      return 402;
    case 1001:
      return 408;
    case 1026: // sensitive input
    case 1027: // sensitive output
    case 1042:
    case 2013:
      return 400;
    default:
      return 500;
  }
}

/** The failed `base_resp` of a body, if it has one. */
export function failedBaseResp(
  body: Record<string, unknown>,
): { code: number; message?: string } | undefined {
  const baseResp = body.base_resp;
  if (typeof baseResp !== "object" || baseResp === null) return undefined;
  const { status_code: code, status_msg: message } = baseResp as Record<string, unknown>;
  if (typeof code !== "number" || code === 0) return undefined;
  return typeof message === "string" && message.trim() !== "" ? { code, message: message.trim() } : { code };
}

import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { HttpError } from "./http-error.js";

const digest = (value: string): Buffer => createHash("sha256").update(value).digest();

/**
 * Checks the configured APIKEY, sent as `x-api-key` or `Authorization: Bearer`: the 401 to answer, or
 * undefined when the request may go on (or no key is configured). Comparing fixed-size hashes keeps the
 * comparison constant-time whatever the length of the guess. The expected key is read per request so a hot
 * reload that changes APIKEY applies at once; its hash is cached.
 */
export function apiKeyCheck(
  expectedKey: () => string | undefined,
): (headers: IncomingHttpHeaders) => HttpError | undefined {
  let cachedKey: string | undefined;
  let cachedDigest: Buffer | undefined;
  return (headers) => {
    const expected = expectedKey();
    if (expected === undefined) return undefined;
    if (expected !== cachedKey) {
      cachedKey = expected;
      cachedDigest = digest(expected);
    }
    const key = headers["x-api-key"];
    const provided = (Array.isArray(key) ? key[0] : key) ?? bearerToken(headers.authorization);
    if (provided !== undefined && timingSafeEqual(digest(provided), cachedDigest!)) return undefined;
    return new HttpError(
      401,
      provided === undefined
        ? "missing API key: send the APIKEY of the CCR config as x-api-key or Authorization: Bearer"
        : "invalid API key: it does not match the APIKEY of the CCR config",
    );
  };
}

function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(.+)$/i.exec(header);
  return match ? match[1] : undefined;
}

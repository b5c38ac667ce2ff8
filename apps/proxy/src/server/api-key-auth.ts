import { createHash, timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { requestHeader } from "./node-bindings.js";

const digest = (value: string): Buffer => createHash("sha256").update(value).digest();

/**
 * Requires the configured APIKEY as `x-api-key` or `Authorization: Bearer`. Comparing fixed-size
 * hashes keeps the comparison constant-time whatever the length of the guess. The expected key is
 * read per request so a hot reload that changes APIKEY applies at once; its hash is cached.
 */
export function apiKeyAuth(expectedKey: () => string | undefined): MiddlewareHandler {
  let cachedKey: string | undefined;
  let cachedDigest: Buffer | undefined;
  return async (c, next) => {
    const expected = expectedKey();
    if (expected === undefined || c.req.path === "/health") return next();
    if (expected !== cachedKey) {
      cachedKey = expected;
      cachedDigest = digest(expected);
    }
    const provided = requestHeader(c, "x-api-key") ?? bearerToken(requestHeader(c, "authorization"));
    if (provided === undefined || !timingSafeEqual(digest(provided), cachedDigest!)) {
      throw new HTTPException(401, {
        message:
          provided === undefined
            ? "missing API key: send the APIKEY of the CCR config as x-api-key or Authorization: Bearer"
            : "invalid API key: it does not match the APIKEY of the CCR config",
      });
    }
    return next();
  };
}

function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(.+)$/i.exec(header);
  return match ? match[1] : undefined;
}

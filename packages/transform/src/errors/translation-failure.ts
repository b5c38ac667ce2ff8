import { UpstreamResponseError } from "./upstream-response-error.js";

/**
 * What a stream translation ends with when something throws inside it (an oversized event, a transformer's
 * hook): an upstream failure of the answer as it is, anything else as a 502 saying translation failed.
 */
export function translationFailure(error: unknown): UpstreamResponseError {
  return UpstreamResponseError.isInstance(error)
    ? error
    : new UpstreamResponseError({
        status: 502,
        message: `stream translation failed: ${error instanceof Error ? error.message : String(error)}`,
        cause: error,
      });
}

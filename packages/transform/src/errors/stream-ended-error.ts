import { UpstreamResponseError } from "./upstream-response-error.js";

/** An upstream stream that stopped before its reply was complete: cut in the middle, or before any event. */
export function streamEndedError(started: boolean): UpstreamResponseError {
  return new UpstreamResponseError({
    status: 502,
    message: started ? "upstream stream ended unexpectedly" : "upstream stream ended before sending any data",
  });
}

import { randomBytes } from "node:crypto";

// A random prefix per process plus a counter: unique across restarts, and no crypto call per request.
const prefix = `req_${randomBytes(6).toString("hex")}`;
let counter = 0;

export function createRequestId(): string {
  counter += 1;
  return `${prefix}${counter.toString(36).padStart(6, "0")}`;
}

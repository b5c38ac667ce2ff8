import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import * as v from "valibot";
import { describeIssues } from "./messages-request-schema.js";
import { requestHeader } from "./node-bindings.js";
import { readBodyText } from "./read-body-text.js";

/**
 * Reads and validates a JSON request body, turning every client mistake into a 4xx the caller can
 * act on (the error handler renders it in Anthropic's error shape).
 */
export async function readJsonBody<TSchema extends v.GenericSchema>(
  c: Context,
  schema: TSchema,
  maxBytes: number,
): Promise<v.InferOutput<TSchema>> {
  const contentType = requestHeader(c, "content-type");
  if (!contentType?.toLowerCase().startsWith("application/json")) {
    throw new HTTPException(415, {
      message: `content-type must be application/json (got ${contentType ?? "none"})`,
    });
  }
  const text = await readBodyText(c, maxBytes);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new HTTPException(400, { message: "request body is not valid JSON" });
  }
  const result = v.safeParse(schema, body);
  if (!result.success) {
    throw new HTTPException(400, { message: describeIssues(result.issues) });
  }
  return result.output;
}

import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import * as v from "valibot";
import { describeIssues } from "./messages-request-schema.js";

/**
 * Reads and validates a JSON request body, turning every client mistake into a 4xx the caller can
 * act on (the error handler renders it in Anthropic's error shape).
 */
export async function readJsonBody<TSchema extends v.GenericSchema>(
  c: Context,
  schema: TSchema,
): Promise<v.InferOutput<TSchema>> {
  const contentType = c.req.header("content-type");
  if (!contentType?.toLowerCase().startsWith("application/json")) {
    throw new HTTPException(415, {
      message: `content-type must be application/json (got ${contentType ?? "none"})`,
    });
  }
  let body: unknown;
  try {
    body = await c.req.json();
  } catch (error) {
    if (error instanceof HTTPException) throw error;
    throw new HTTPException(400, { message: "request body is not valid JSON" });
  }
  const result = v.safeParse(schema, body);
  if (!result.success) {
    throw new HTTPException(400, { message: describeIssues(result.issues) });
  }
  return result.output;
}

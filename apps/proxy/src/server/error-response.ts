import { toAnthropicErrorBody } from "@ccr/transform";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** Any error that carries an HTTP status (e.g. the router's unknown-preset error) keeps it. */
function statusOf(error: unknown): number {
  if (error instanceof HTTPException) return error.status;
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" && status >= 400 && status <= 599 ? status : 500;
}

/** Every failure leaves the proxy in Anthropic's error shape, which Claude Code knows how to show and retry. */
export function errorResponse(c: Context, error: unknown): Response {
  const status = statusOf(error);
  const message =
    error instanceof HTTPException && error.status === 413 && !error.message
      ? "request body is too large"
      : error instanceof Error && error.message
        ? error.message
        : "internal error";
  return c.json(toAnthropicErrorBody(status, message), status as ContentfulStatusCode);
}

import type { HandleOptions, Router, RouterResponse } from "@ccr/router";

/**
 * What the HTTP layer needs from a router. `@ccr/router`'s router satisfies it; tests of the routes
 * pass a small scripted one.
 */
export type ProxyRouter = Pick<Router, "handle" | "estimateInputTokens">;

/** Aborting `signal` (the client went away) must abort the upstream request. */
export type RouterHandleOptions = HandleOptions;

export type { RouterResponse };

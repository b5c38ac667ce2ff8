import type { Router } from "@ccr/router";

/**
 * What the HTTP layer needs from a router. `@ccr/router`'s router satisfies it; tests of the routes pass a
 * small scripted one.
 */
export type ProxyRouter = Pick<Router, "serve" | "estimateInputTokens">;

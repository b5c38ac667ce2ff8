import type { CcrConfig } from "@ccr/config";
import { type AnthropicMessagesRequest, anthropicIngress } from "@ccr/transform";
import { abortableSleep } from "./cascade/abortable-sleep.js";
import type { ServeResult } from "./cascade/cascade.js";
import { runCascade } from "./cascade/cascade.js";
import { createTranslatorCache } from "./cascade/translator-cache.js";
import { describeError } from "./describe-error.js";
import { describeKeys } from "./keys/describe-keys.js";
import { KeySelector } from "./keys/key-selector.js";
import { serveAsResponse } from "./output/web-response.js";
import { customRouterConfig, customRouterRequest } from "./routing/custom-router-view.js";
import { estimateInputTokens } from "./routing/estimate-input-tokens.js";
import { resolveTarget } from "./routing/resolve-target.js";
import {
  applyCustomRoute,
  isOverridable,
  type RouteDecision,
  routeRequest,
} from "./routing/route-request.js";
import { uniqueTiers } from "./routing/unique-tiers.js";
import { describeHealth } from "./state/circuit-breaker.js";
import type { KeyHealth } from "./state/key-health.js";
import { liftCredentialCooldownsOnReload } from "./state/lift-credential-cooldowns.js";
import { MemoryTierStateStore } from "./state/memory-tier-state-store.js";
import type { TierHealth } from "./state/tier-health.js";
import type { HandleOptions, Router, RouterOptions, ServeOptions } from "./types.js";
import { fetchTransport } from "./upstream/fetch-transport.js";

/**
 * The router: routing plus the tier cascade, usable without the server. Give it a config and a
 * `fetch`; `handle` returns the client's response (a message, an Anthropic SSE stream, or an
 * Anthropic error body) and never throws for upstream failures.
 */
export function createRouter(options: RouterOptions): Router {
  const getConfig = typeof options.config === "function" ? options.config : () => options.config as CcrConfig;
  const now = options.now ?? Date.now;
  const store = options.store ?? new MemoryTierStateStore({ now });
  const deps = {
    transport: options.transport ?? fetchTransport(options.fetch),
    store,
    observer: options.observer,
    logger: options.logger,
    now,
    random: options.random ?? Math.random,
    sleep: options.sleep ?? abortableSleep,
    translatorFor: createTranslatorCache(options.registry),
    keySelector: new KeySelector(),
  };

  async function decide(
    config: CcrConfig,
    request: AnthropicMessagesRequest,
    handleOptions: HandleOptions,
    requestId: string,
  ): Promise<RouteDecision> {
    const decision = routeRequest(config, request, { preset: handleOptions.preset });
    if (!options.customRouter || !isOverridable(decision)) return decision;
    let target: string | null | undefined;
    const view = customRouterRequest(decision.request, {
      tokenCount: decision.estimatedInputTokens,
      requestId,
      logger: options.logger,
    });
    try {
      target = await options.customRouter(view, customRouterConfig(config), {
        scenario: decision.builtinScenario,
        estimatedInputTokens: decision.estimatedInputTokens,
        requestId,
        preset: handleOptions.preset,
      });
    } catch (error) {
      options.logger?.error(
        { requestId, err: describeError(error) },
        `the custom router threw (${describeError(error)}); using the built-in routing`,
      );
      return decision;
    }
    // As in claude-code-router, what the router left in `req.body` is what goes upstream.
    const edited = { ...decision, request: view.body };
    if (target === null || target === undefined) return edited;
    const tier = typeof target === "string" ? resolveTarget(config, target) : undefined;
    if (!tier) {
      options.logger?.warn(
        { requestId, target: String(target) },
        `the custom router chose "${String(target)}", which is not a configured "provider,model"; using the built-in routing`,
      );
      return edited;
    }
    return applyCustomRoute(config, edited, tier);
  }

  const afterReload = liftCredentialCooldownsOnReload({ store, now, logger: options.logger });

  async function serve(request: AnthropicMessagesRequest, serveOptions: ServeOptions): Promise<ServeResult> {
    const startedAt = now();
    const config = getConfig();
    await afterReload(config);
    const requestId = serveOptions.requestId ?? crypto.randomUUID();
    const decision = await decide(config, request, serveOptions, requestId);
    const ingress = serveOptions.ingress ?? anthropicIngress;
    options.observer?.requestStart({
      requestId,
      scenario: decision.scenario,
      protocol: ingress.protocol,
      stream: decision.request.stream === true,
      estimatedInputTokens: decision.estimatedInputTokens,
      chain: decision.chain.map((tier) => ({ tier: tier.id, provider: tier.provider, model: tier.model })),
    });
    const logger = options.logger;
    if (logger && logger.isLevelEnabled?.("debug") !== false) {
      logger.debug(
        { requestId, scenario: decision.scenario, chain: decision.chain.map((tier) => tier.id) },
        `routing to ${decision.chain[0]?.id ?? "no tier"} (${decision.scenario})`,
      );
    }
    return runCascade(deps, {
      config,
      decision,
      requestId,
      startedAt,
      ingress,
      sink: serveOptions.sink,
      signal: serveOptions.signal,
      clientHeaders: serveOptions.clientHeaders,
    });
  }

  return {
    serve,

    handle(request, handleOptions = {}) {
      return serveAsResponse(
        (sink, signal) => serve(request, { ...handleOptions, sink, signal }),
        handleOptions.signal,
      );
    },

    route(request, routeOptions) {
      return routeRequest(getConfig(), request, routeOptions);
    },

    async tierStates(): Promise<TierHealth[]> {
      const config = getConfig();
      const tiers = uniqueTiers(config);
      const records = await store.getMany(tiers.map((tier) => tier.id));
      const at = now();
      return Promise.all(
        tiers.map(async (tier, index) => {
          const health = describeHealth(tier, records[index], at);
          const pool = config.providers[tier.provider]?.keyPool;
          return pool ? withKeys(health, await describeKeys(store, pool, at)) : health;
        }),
      );
    },

    estimateInputTokens,
  };
}

/** A tier none of whose keys is usable is skipped like a cooling one, and shown so, until the first is back. */
function withKeys(health: TierHealth, keys: readonly KeyHealth[]): TierHealth {
  if (health.state !== "healthy" || keys.some((key) => key.state === "ready")) return { ...health, keys };
  const until = Math.min(...keys.map((key) => key.until ?? Number.POSITIVE_INFINITY));
  return { ...health, state: "cooling", ...(Number.isFinite(until) && { until }), keys };
}

import type { CcrConfig } from "@ccr/config";
import type { AnthropicMessagesRequest } from "@ccr/transform";
import { abortableSleep } from "./abortable-sleep.js";
import { runCascade } from "./cascade.js";
import { describeHealth } from "./circuit-breaker.js";
import { customRouterConfig, customRouterRequest } from "./custom-router-view.js";
import { describeError } from "./describe-error.js";
import { estimateInputTokens } from "./estimate-input-tokens.js";
import { liftCredentialCooldownsOnReload } from "./lift-credential-cooldowns.js";
import { MemoryTierStateStore } from "./memory-tier-state-store.js";
import { resolveTarget } from "./resolve-target.js";
import { applyCustomRoute, isOverridable, type RouteDecision, routeRequest } from "./route-request.js";
import type { TierHealth } from "./tier-health.js";
import { createTranslatorCache } from "./translator-cache.js";
import type { HandleOptions, Router, RouterOptions } from "./types.js";
import { uniqueTiers } from "./unique-tiers.js";

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
    fetch: options.fetch ?? globalThis.fetch,
    store,
    metrics: options.metrics,
    logger: options.logger,
    now,
    random: options.random ?? Math.random,
    sleep: options.sleep ?? abortableSleep,
    translatorFor: createTranslatorCache(options.registry),
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

  return {
    async handle(request, handleOptions = {}) {
      const startedAt = now();
      const config = getConfig();
      await afterReload(config);
      const requestId = handleOptions.requestId ?? crypto.randomUUID();
      const decision = await decide(config, request, handleOptions, requestId);
      options.metrics?.requestStart({
        requestId,
        scenario: decision.scenario,
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
        signal: handleOptions.signal,
        clientHeaders: handleOptions.clientHeaders,
      });
    },

    route(request, routeOptions) {
      return routeRequest(getConfig(), request, routeOptions);
    },

    async tierStates(): Promise<TierHealth[]> {
      const tiers = uniqueTiers(getConfig());
      const records = await store.getMany(tiers.map((tier) => tier.id));
      const at = now();
      return tiers.map((tier, index) => describeHealth(tier, records[index], at));
    },

    estimateInputTokens,
  };
}

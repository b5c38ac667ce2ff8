import { type CcrConfig, type ChainTier, chainFor, type Scenario, type TierRef } from "@ccr/config";
import type { AnthropicMessagesRequest } from "@ccr/transform";
import { UnknownPresetError } from "../errors.js";
import { classifyScenario } from "./classify-scenario.js";
import { estimateInputTokens } from "./estimate-input-tokens.js";
import { resolveTarget } from "./resolve-target.js";
import { extractSubagentTag } from "./subagent-tag.js";

/** What picked the first tier: a built-in scenario, or one of the routes that override it. */
export type RouteScenario = Scenario | "explicit" | "subagent" | "custom" | "preset";

export interface RouteDecision {
  /** Reported to metrics and logs. */
  readonly scenario: RouteScenario;
  /** The built-in scenario of the request; its fallbacks follow a first tier chosen any other way. */
  readonly builtinScenario: Scenario;
  readonly chain: readonly ChainTier[];
  /** The request to send: subagent tag removed, preset overrides applied. */
  readonly request: AnthropicMessagesRequest;
  readonly estimatedInputTokens: number;
}

export interface RouteOptions {
  /** `POST /preset/{name}/v1/messages`: apply `Presets[name]`. */
  readonly preset?: string;
}

/**
 * Picks the tier chain of a request. Order, first match wins:
 * explicit `"provider,model"` model → subagent tag → (custom router, applied by the caller with
 * {@link applyCustomRoute}) → preset route → built-in scenario (see {@link classifyScenario}).
 * Pure: no I/O, no clock.
 */
export function routeRequest(
  config: CcrConfig,
  original: AnthropicMessagesRequest,
  options: RouteOptions = {},
): RouteDecision {
  let request = original;
  const preset = options.preset === undefined ? undefined : config.presets[options.preset];
  if (options.preset !== undefined && preset === undefined) {
    throw new UnknownPresetError(options.preset, Object.keys(config.presets));
  }
  if (preset) request = { ...request, ...preset.overrides } as AnthropicMessagesRequest;

  const tag = extractSubagentTag(request);
  if (tag) request = tag.request;

  const estimatedInputTokens = estimateInputTokens(request);
  const builtinScenario = classifyScenario(request, config.router, estimatedInputTokens);
  const decide = (scenario: RouteScenario, first: TierRef): RouteDecision => ({
    scenario,
    builtinScenario,
    chain: chainFor(config, first, builtinScenario),
    request,
    estimatedInputTokens,
  });

  const explicit = typeof request.model === "string" ? explicitTier(config, request.model) : undefined;
  if (explicit) return decide("explicit", explicit);
  const subagent = tag ? resolveTarget(config, tag.target) : undefined;
  if (subagent) return decide("subagent", subagent);
  if (preset?.route) return decide("preset", preset.route);
  return {
    scenario: builtinScenario,
    builtinScenario,
    chain: config.chains[builtinScenario],
    request,
    estimatedInputTokens,
  };
}

/** True when a custom router may still override the decision (nothing explicit chose the tier). */
export function isOverridable(decision: RouteDecision): boolean {
  return decision.scenario !== "explicit" && decision.scenario !== "subagent";
}

/** The decision with a custom router's tier first, followed by the built-in scenario's fallbacks. */
export function applyCustomRoute(config: CcrConfig, decision: RouteDecision, first: TierRef): RouteDecision {
  return { ...decision, scenario: "custom", chain: chainFor(config, first, decision.builtinScenario) };
}

function explicitTier(config: CcrConfig, model: string): TierRef | undefined {
  return model.includes(",") ? resolveTarget(config, model) : undefined;
}

import type { CcrConfig, TransformerSpec } from "@ccr/config";
import type { AnthropicMessagesRequest } from "@ccr/transform";
import { describeError } from "../describe-error.js";
import type { CustomRouterConfig, CustomRouterLog, CustomRouterRequest, RouterLogger } from "../types.js";

/**
 * The request as a custom router sees it: the Anthropic fields at the top level (CCR's contract) and, for
 * routers written for claude-code-router, `.body` (a copy the router may edit: what it leaves there is what
 * goes upstream), `.tokenCount`, `.sessionId` (from `metadata.user_id`) and a pino-style `.log`.
 */
export function customRouterRequest(
  request: AnthropicMessagesRequest,
  facts: { tokenCount: number; requestId: string; logger?: RouterLogger },
): CustomRouterRequest {
  const body = { ...request };
  const sessionId = sessionIdOf(request);
  return {
    ...request,
    body,
    tokenCount: facts.tokenCount,
    ...(sessionId !== undefined && { sessionId }),
    log: pinoStyleLog(facts.requestId, facts.logger),
  };
}

const views = new WeakMap<CcrConfig, CustomRouterConfig>();

/**
 * The config as a custom router sees it: the normalized config plus `Router` and `Providers` in the file's
 * shape (`config.Router.default` is a `"provider,model"` string), which claude-code-router's routers read.
 * Built once per config.
 */
export function customRouterConfig(config: CcrConfig): CustomRouterConfig {
  let view = views.get(config);
  if (view === undefined) {
    const { router } = config;
    const Router: Record<string, unknown> = { longContextThreshold: router.longContextThreshold };
    for (const scenario of ["default", "background", "think", "longContext", "webSearch", "image"] as const) {
      const tier = router[scenario];
      if (tier !== undefined) Router[scenario] = tier.id;
    }
    if (router.tiers !== undefined) Router.tiers = router.tiers.map((tier) => tier.id);
    const Providers = Object.values(config.providers).map((provider) => {
      const transformer: Record<string, unknown> = { use: provider.transformers.map(writtenSpec) };
      for (const [model, specs] of Object.entries(provider.modelTransformers))
        transformer[model] = { use: specs.map(writtenSpec) };
      return {
        name: provider.name,
        api_base_url: provider.baseUrl,
        ...(provider.apiKey !== undefined && { api_key: provider.apiKey }),
        models: [...provider.models],
        transformer,
      };
    });
    view = { ...config, Router, Providers };
    views.set(config, view);
  }
  return view;
}

function writtenSpec(spec: TransformerSpec): string | [string, Readonly<Record<string, unknown>>] {
  return spec.options === undefined ? spec.name : [spec.name, spec.options];
}

/** claude-code-router's rule: Claude Code's `metadata.user_id` ends in `_session_<id>`. */
function sessionIdOf(request: AnthropicMessagesRequest): string | undefined {
  const userId = request.metadata?.user_id;
  if (typeof userId !== "string") return undefined;
  const at = userId.indexOf("_session_");
  return at < 0 ? undefined : userId.slice(at + "_session_".length);
}

/** pino's call styles, `log.info("text")` and `log.info({...}, "text")`, onto the router's logger. */
function pinoStyleLog(requestId: string, logger: RouterLogger | undefined): CustomRouterLog {
  const at =
    (level: "debug" | "info" | "warn" | "error") =>
    (first?: unknown, second?: unknown): void => {
      if (logger === undefined) return;
      if (first instanceof Error) {
        logger[level](
          { requestId, err: describeError(first) },
          typeof second === "string" ? second : first.message,
        );
      } else if (typeof first === "object" && first !== null) {
        logger[level]({ requestId, ...first }, typeof second === "string" ? second : undefined);
      } else {
        logger[level]({ requestId }, String(first));
      }
    };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

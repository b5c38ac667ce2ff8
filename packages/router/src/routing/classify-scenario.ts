import type { RouterConfig, Scenario } from "@ccr/config";
import type { AnthropicMessagesRequest } from "@ccr/transform";
import { requestHasImages } from "../request-has-images.js";

/** Claude Code's small/fast model (`claude-3-5-haiku-...`, `claude-haiku-4-5`): background work. */
const HAIKU = /^claude-.*haiku/i;

/**
 * The built-in scenario of a request, first match wins; a scenario counts only when `Router` names a
 * model for it:
 * 1. longContext — estimated input tokens above `longContextThreshold` (a hard limit: a smaller
 *    context window would reject the request whatever else it asks for);
 * 2. background — a `claude-*haiku*` model;
 * 3. webSearch — a tool whose type or name starts with `web_search`;
 * 4. think — `thinking: {type: "enabled"}` only (Claude Code sends `adaptive` + `output_config.effort`
 *    on every request, so those alone must not select it);
 * 5. image — an image block anywhere in the messages (later turns still carry it);
 * 6. default.
 */
export function classifyScenario(
  request: AnthropicMessagesRequest,
  router: RouterConfig,
  estimatedInputTokens: number,
): Scenario {
  if (router.longContext && estimatedInputTokens > router.longContextThreshold) return "longContext";
  if (router.background && typeof request.model === "string" && HAIKU.test(request.model))
    return "background";
  if (router.webSearch && hasWebSearchTool(request)) return "webSearch";
  if (router.think && request.thinking?.type === "enabled") return "think";
  if (router.image && requestHasImages(request)) return "image";
  return "default";
}

function hasWebSearchTool(request: AnthropicMessagesRequest): boolean {
  return (
    request.tools?.some(
      (tool) =>
        (typeof tool.type === "string" && tool.type.startsWith("web_search")) ||
        tool.name?.startsWith("web_search") === true,
    ) ?? false
  );
}

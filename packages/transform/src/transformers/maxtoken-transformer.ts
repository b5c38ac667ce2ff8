import type { TransformerFactory } from "../transformer/transformer.js";
import { TransformerConfigError } from "../transformer/transformer-config-error.js";
import { positiveIntegerOption } from "../transformer/transformer-options.js";

/**
 * Caps `max_tokens` at `options.max_tokens`: a limit the user sets, for any
 * model (one without metadata, or one to keep shorter). It is not model
 * metadata: the router already clamps to the model's own max output when its
 * provider package lists the model, and this cap applies on top. Applied to
 * the Anthropic request, so it works for both protocols and whichever field
 * the translation picks.
 */
export const maxtokenTransformer: TransformerFactory = (options) => {
  const limit = positiveIntegerOption("maxtoken", options, "max_tokens");
  if (limit === undefined) {
    throw new TransformerConfigError(
      "maxtoken",
      'needs the option "max_tokens", e.g. ["maxtoken", {"max_tokens": 16384}]',
    );
  }
  return {
    name: "maxtoken",
    anthropicRequest(request) {
      return request.max_tokens > limit ? { ...request, max_tokens: limit } : request;
    },
  };
};

import type { TransformerFactory } from "../transformer/transformer.js";
import { booleanOption } from "../transformer/transformer-options.js";

/**
 * Streaming requests ask for `stream_options: {include_usage: true}`, or
 * usage never arrives. The translation does that already; this transformer
 * re-asserts it after other transformers, or with `{"include_usage": false}`
 * removes `stream_options` for servers that reject the field.
 */
export const streamoptionsTransformer: TransformerFactory = (options) => {
  const includeUsage = booleanOption("streamoptions", options, "include_usage") ?? true;
  return {
    name: "streamoptions",
    openaiRequest(body) {
      if (!includeUsage) {
        const { stream_options: _removed, ...rest } = body;
        return rest;
      }
      if (!body.stream) return body;
      return { ...body, stream_options: { ...body.stream_options, include_usage: true } };
    },
  };
};

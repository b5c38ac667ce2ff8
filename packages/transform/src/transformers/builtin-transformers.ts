import type { TransformerFactory } from "../transformer/transformer.js";
import { anthropicTransformer } from "./anthropic-transformer.js";
import { cleancacheTransformer } from "./cleancache-transformer.js";
import { customparamsTransformer } from "./customparams-transformer.js";
import { enhancetoolTransformer } from "./enhancetool-transformer.js";
import { extrathinktagTransformer } from "./extrathinktag-transformer.js";
import { maxcompletiontokensTransformer } from "./maxcompletiontokens-transformer.js";
import { maxtokenTransformer } from "./maxtoken-transformer.js";
import { openaiTransformer } from "./openai-transformer.js";
import { openrouterTransformer } from "./openrouter-transformer.js";
import { reasoningTransformer } from "./reasoning-transformer.js";
import { samplingTransformer } from "./sampling-transformer.js";
import { signedthinkingTransformer } from "./signedthinking-transformer.js";
import { streamoptionsTransformer } from "./streamoptions-transformer.js";
import { tooluseTransformer } from "./tooluse-transformer.js";

/**
 * Every built-in transformer by the name users write in `transformer.use`: the generic ones. A provider's
 * own quirks (`deepseek`, `groq`, `gemini`, `moonshot`...) live in its provider package, which provides them.
 */
export const builtinTransformers: Readonly<Record<string, TransformerFactory>> = {
  anthropic: anthropicTransformer,
  cleancache: cleancacheTransformer,
  customparams: customparamsTransformer,
  enhancetool: enhancetoolTransformer,
  extrathinktag: extrathinktagTransformer,
  maxcompletiontokens: maxcompletiontokensTransformer,
  maxtoken: maxtokenTransformer,
  openai: openaiTransformer,
  openrouter: openrouterTransformer,
  reasoning: reasoningTransformer,
  sampling: samplingTransformer,
  signedthinking: signedthinkingTransformer,
  streamoptions: streamoptionsTransformer,
  tooluse: tooluseTransformer,
};

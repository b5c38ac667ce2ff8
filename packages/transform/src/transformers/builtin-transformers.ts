import type { TransformerFactory } from "../transformer/transformer.js";
import { anthropicTransformer } from "./anthropic-transformer.js";
import { cleancacheTransformer } from "./cleancache-transformer.js";
import { customparamsTransformer } from "./customparams-transformer.js";
import { deepseekTransformer } from "./deepseek-transformer.js";
import { enhancetoolTransformer } from "./enhancetool-transformer.js";
import { extrathinktagTransformer } from "./extrathinktag-transformer.js";
import { geminiTransformer } from "./gemini-transformer.js";
import { groqTransformer } from "./groq-transformer.js";
import { maxcompletiontokensTransformer } from "./maxcompletiontokens-transformer.js";
import { maxtokenTransformer } from "./maxtoken-transformer.js";
import { moonshotTransformer } from "./moonshot-transformer.js";
import { openaiTransformer } from "./openai-transformer.js";
import { openrouterTransformer } from "./openrouter-transformer.js";
import { reasoningTransformer } from "./reasoning-transformer.js";
import { samplingTransformer } from "./sampling-transformer.js";
import { signedthinkingTransformer } from "./signedthinking-transformer.js";
import { streamoptionsTransformer } from "./streamoptions-transformer.js";
import { tooluseTransformer } from "./tooluse-transformer.js";

/** Every built-in transformer by the name users write in `transformer.use`. */
export const builtinTransformers: Readonly<Record<string, TransformerFactory>> = {
  anthropic: anthropicTransformer,
  cleancache: cleancacheTransformer,
  customparams: customparamsTransformer,
  deepseek: deepseekTransformer,
  enhancetool: enhancetoolTransformer,
  extrathinktag: extrathinktagTransformer,
  gemini: geminiTransformer,
  groq: groqTransformer,
  kimi: moonshotTransformer,
  maxcompletiontokens: maxcompletiontokensTransformer,
  maxtoken: maxtokenTransformer,
  moonshot: moonshotTransformer,
  openai: openaiTransformer,
  openrouter: openrouterTransformer,
  reasoning: reasoningTransformer,
  sampling: samplingTransformer,
  signedthinking: signedthinkingTransformer,
  streamoptions: streamoptionsTransformer,
  tooluse: tooluseTransformer,
};

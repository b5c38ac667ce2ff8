import type { TransformerFactory } from "../transformer/transformer.js";

/**
 * A marker, not a change: claude-code-router writes `anthropic` to mean "the
 * upstream speaks Anthropic", Rust CCR lists it on OpenAI-compatible
 * providers to mean "the client speaks Anthropic". The provider's protocol
 * decides the wire format, so either config keeps working unchanged.
 */
export const anthropicTransformer: TransformerFactory = () => ({ name: "anthropic" });

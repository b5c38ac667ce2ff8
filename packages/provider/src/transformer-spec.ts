/**
 * A transformer by registry name, with its options: the same shape as an entry of `transformer.use`.
 * Owned by `@ccr/transform` (its registry builds transformers from it); the spec re-exports it.
 */
export type { TransformerSpec } from "@ccr/transform";

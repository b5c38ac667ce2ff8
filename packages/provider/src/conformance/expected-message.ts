/**
 * What a translated response must contain, worked out from the provider's own recorded output
 * without going through the translator, so the two can be compared.
 */
export interface ExpectedMessage {
  /** All text the model produced, concatenated. */
  text: string;
  /** All reasoning the model produced, concatenated; empty when there was none. */
  thinking: string;
  toolCalls: { name: string; input: unknown }[];
  /** Undefined when the provider reported no usage (some local servers). */
  usage?: { promptTokens: number; cachedTokens: number; outputTokens: number };
  /** The stop reason the upstream's finish reason means. */
  stopReason: string;
}

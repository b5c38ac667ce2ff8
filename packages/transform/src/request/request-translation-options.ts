export interface RequestTranslationOptions {
  /** The upstream's name for the model; defaults to the requested model. */
  model?: string;
  /** Which field carries the output limit; OpenAI's reasoning models accept only `max_completion_tokens`. Default `max_tokens`. */
  maxTokensField?: "max_tokens" | "max_completion_tokens";
  /** Assistant thinking blocks: dropped (default) or sent back as `reasoning_content` (DeepSeek, Kimi want them). */
  reasoning?: "drop" | "reasoning_content";
  /** Map the thinking budget, or adaptive thinking with `output_config.effort`, to `reasoning_effort`. Default false. */
  reasoningEffort?: boolean;
}

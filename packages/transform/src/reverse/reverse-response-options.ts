export interface ReverseResponseOptions {
  /** The model name to report (e.g. the one the OpenAI client asked for). Default: the Anthropic answer's. */
  model?: string;
  /** Unix seconds for `created`. Default: now. */
  created?: number;
}

/** What a model can take and do; the router uses it to keep requests away from models that cannot serve them. */
export interface ModelCapabilities {
  /** Function calling. Claude Code cannot work without it, so a model without tools is only a background tier. */
  readonly tools: boolean;
  /** Image input. Requests carrying images are only routed to models with vision. */
  readonly vision: boolean;
  /** The model produces reasoning (thinking) the translation can surface as thinking blocks. */
  readonly reasoning: boolean;
}

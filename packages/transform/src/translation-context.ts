/**
 * What the response and stream side must remember about the request it
 * answers. A plain object so it can be logged, cloned or rebuilt by a
 * transformer; cheap to create since it exists once per upstream attempt.
 */
export type TranslationContext = {
  /** The model Claude Code asked for; responses echo it so the client sees its own name. */
  requestedModel: string;
  /** Tool names shortened to fit the upstream's 64-character limit → the original names. */
  toolNames: Record<string, string>;
  /** Hosted tools (web_search_20250305...) removed from the request because the upstream cannot run them. */
  droppedTools: string[];
  /** Whether the client asked for a stream. */
  stream: boolean;
};

export function createTranslationContext(
  requestedModel: string,
  init?: Partial<Omit<TranslationContext, "requestedModel">>,
): TranslationContext {
  return {
    requestedModel,
    toolNames: init?.toolNames ?? {},
    droppedTools: init?.droppedTools ?? [],
    stream: init?.stream ?? false,
  };
}

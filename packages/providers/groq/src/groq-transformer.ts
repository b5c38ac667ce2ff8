import {
  isRecord,
  mapToolParameters,
  type OpenAIChatMessage,
  type OpenAIChatRequest,
  type TransformerFactory,
} from "@ccr/provider";

/** Request fields Groq answers 400 to (console.groq.com/docs/openai). */
const UNSUPPORTED_FIELDS = ["logprobs", "top_logprobs", "logit_bias"] as const;

/**
 * Groq: no `$schema` in tool parameters, no `cache_control` left on content
 * parts, none of the request fields it rejects, no `name` on messages, `n`
 * only when it is 1.
 */
export const groqTransformer: TransformerFactory = () => ({
  name: "groq",
  openaiRequest(body) {
    const next: OpenAIChatRequest = { ...body, messages: body.messages.map(cleanMessage) };
    for (const field of UNSUPPORTED_FIELDS) delete next[field];
    if (next.n !== undefined && next.n !== 1) delete next.n;
    if (body.tools) next.tools = mapToolParameters(body.tools, withoutSchemaKey);
    return next;
  },
});

function cleanMessage(message: OpenAIChatMessage): OpenAIChatMessage {
  const { name: _name, ...rest } = message as OpenAIChatMessage & { name?: string };
  const content = rest.content;
  if (!Array.isArray(content)) return rest as OpenAIChatMessage;
  return {
    ...rest,
    content: content.map((part) => {
      if (!isRecord(part) || !("cache_control" in part)) return part;
      const { cache_control: _cache, ...kept } = part;
      return kept;
    }),
  } as OpenAIChatMessage;
}

function withoutSchemaKey(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSchemaKey);
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (key !== "$schema") out[key] = withoutSchemaKey(child);
  }
  return out;
}

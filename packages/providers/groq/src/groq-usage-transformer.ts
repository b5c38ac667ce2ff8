import type { OpenAIChatChunk, TransformerFactory } from "@ccr/provider";

type GroqChunk = OpenAIChatChunk & { x_groq?: { usage?: OpenAIChatChunk["usage"] } };

/**
 * Groq reports a stream's usage in `x_groq.usage` on its last chunk rather than in `usage`;
 * this lifts it to where the translation reads it, so Claude Code and the metrics see real counts.
 */
export const groqUsageTransformer: TransformerFactory = () => ({
  name: "groq-usage",
  openaiChunks() {
    return (chunk: GroqChunk) => {
      const usage = chunk.x_groq?.usage;
      return usage && !chunk.usage ? { ...chunk, usage } : chunk;
    };
  },
});

import { TranslationError } from "../errors/translation-error.js";
import type { AnthropicContentBlock, AnthropicMessageParam } from "../types/anthropic.js";

/**
 * A conversation of an OpenAI client being written in canonical form, turn by turn, with the rules Anthropic
 * Messages (the canonical form) sets and OpenAI's protocols do not: instructions before the first turn go to
 * `system`, later ones become user text; consecutive turns of one role merge (tool results arrive as their
 * own messages, a user message may follow them); in a user turn the tool results come first; empty turns
 * are left out.
 */
export class CanonicalConversation {
  readonly #system: string[] = [];
  readonly #messages: AnthropicMessageParam[] = [];

  /** A system or developer instruction: part of `system` before the conversation starts, user text after. */
  instruction(text: string): void {
    if (text === "") return;
    if (this.#messages.length === 0) this.#system.push(text);
    else this.add("user", [{ type: "text", text }]);
  }

  add(role: "user" | "assistant", blocks: AnthropicContentBlock[]): void {
    if (blocks.length === 0) return;
    const previous = this.#messages[this.#messages.length - 1];
    if (previous?.role !== role) {
      this.#messages.push({ role, content: role === "user" ? resultsFirst(blocks) : blocks });
      return;
    }
    const merged = [...(previous.content as AnthropicContentBlock[]), ...blocks];
    previous.content = role === "user" ? resultsFirst(merged) : merged;
  }

  /** `system` text, or undefined when there was none. */
  system(extra?: string): string | undefined {
    const parts = extra ? [...this.#system, extra] : this.#system;
    return parts.length > 0 ? parts.join("\n\n") : undefined;
  }

  /**
   * The turns; a turn of one plain text block is written as a string, as clients write it.
   * @throws TranslationError when nothing but instructions was sent: there is nothing to answer.
   */
  messages(path: string): AnthropicMessageParam[] {
    if (this.#messages.length === 0)
      throw new TranslationError("needs at least one user message with content", { path });
    for (const message of this.#messages) {
      const blocks = message.content as AnthropicContentBlock[];
      const only = blocks[0];
      if (blocks.length === 1 && only?.type === "text" && Object.keys(only).length === 2)
        message.content = only.text;
    }
    return this.#messages;
  }
}

/** Anthropic wants a user turn's tool results before anything else in it. */
function resultsFirst(blocks: AnthropicContentBlock[]): AnthropicContentBlock[] {
  let seenOther = false;
  for (const block of blocks) {
    if (block.type !== "tool_result") seenOther = true;
    else if (seenOther) {
      return [
        ...blocks.filter((each) => each.type === "tool_result"),
        ...blocks.filter((each) => each.type !== "tool_result"),
      ];
    }
  }
  return blocks;
}

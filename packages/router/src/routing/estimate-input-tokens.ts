import type { AnthropicMessagesRequest } from "@ccr/transform";

/** Anthropic bills an image at about (width × height) / 750 tokens, at most ~1600 after resizing. */
const IMAGE_TOKENS = 1600;
/** English text and JSON average close to four characters per token across current tokenizers. */
const CHARS_PER_TOKEN = 4;

/** CJK scripts, kana, hangul and fullwidth forms (and emoji halves) start here: about a token per character. */
const WIDE_CHAR = 0x2e80;
/** Long strings are sampled at this many evenly spaced places to find their share of wide characters. */
const SAMPLES = 64;

/**
 * A cheap estimate of a request's input tokens: characters / 4 over the system prompt, message text,
 * thinking, tool inputs and results and tool schemas (a CJK character counting as four: tokenizers give it
 * about a token), plus a flat cost per image. No tokenizer: this runs on every request to pick the
 * longContext tier, and for `count_tokens`.
 */
export function estimateInputTokens(request: AnthropicMessagesRequest): number {
  const counter = { chars: 0, images: 0 };
  countContent(request.system, counter);
  for (const message of request.messages) countContent(message.content, counter);
  if (request.tools) for (const tool of request.tools) counter.chars += countValue(tool);
  return Math.ceil(counter.chars / CHARS_PER_TOKEN) + counter.images * IMAGE_TOKENS;
}

interface Counter {
  chars: number;
  images: number;
}

function countContent(content: unknown, counter: Counter): void {
  if (typeof content === "string") {
    counter.chars += weightedLength(content);
    return;
  }
  if (!Array.isArray(content)) return;
  for (const block of content as Record<string, unknown>[]) {
    switch (block.type) {
      case "text":
        counter.chars += weightedLength(block.text);
        break;
      case "thinking":
        counter.chars += weightedLength(block.thinking);
        break;
      case "tool_use":
      case "server_tool_use":
        counter.chars += countValue(block.input) + ((block.name as string | undefined)?.length ?? 0);
        break;
      case "tool_result":
        countContent(block.content, counter);
        break;
      case "image":
        counter.images += 1;
        break;
      case "document":
        countDocument(block.source as Record<string, unknown> | undefined, counter);
        break;
      default:
        counter.chars += countValue(block);
    }
  }
}

function countDocument(source: Record<string, unknown> | undefined, counter: Counter): void {
  if (!source) return;
  if (source.type === "content") countContent(source.content, counter);
  // Base64 PDFs: decoded bytes are a fair upper bound on the text they hold.
  else if (typeof source.data === "string")
    counter.chars += source.type === "base64" ? (source.data.length * 3) / 4 : source.data.length;
}

/** Characters of a JSON-like value as serialized, without building the string. */
function countValue(value: unknown): number {
  if (typeof value === "string") return weightedLength(value) + 2;
  if (typeof value !== "object" || value === null) return 4;
  let chars = 2;
  if (Array.isArray(value)) {
    for (const item of value) chars += countValue(item) + 1;
    return chars;
  }
  for (const key in value) chars += key.length + 4 + countValue((value as Record<string, unknown>)[key]);
  return chars;
}

/**
 * Length in "four per token" characters: a wide (CJK) character counts as four. Short strings are scanned,
 * long ones sampled, so an 80 KB request still costs microseconds.
 */
function weightedLength(text: unknown): number {
  if (typeof text !== "string") return 0;
  const length = text.length;
  let wide = 0;
  if (length <= SAMPLES) {
    for (let i = 0; i < length; i++) if (text.charCodeAt(i) >= WIDE_CHAR) wide++;
    return length + wide * (CHARS_PER_TOKEN - 1);
  }
  const step = length / SAMPLES;
  for (let i = 0; i < SAMPLES; i++) if (text.charCodeAt(Math.floor(i * step)) >= WIDE_CHAR) wide++;
  return length + Math.round((wide / SAMPLES) * length) * (CHARS_PER_TOKEN - 1);
}

// The streams the fake upstream writes, known to the load generator that checks what arrives.

/** Words of the short burst stream (each word is one chunk). */
export const STREAM_WORDS = 40;
/** Words of the long burst stream: a real token stream is many chunks of a few characters. */
export const LONG_STREAM_WORDS = 150;
/** Words of the paced stream, one chunk every PACE_MS as a model generating tokens writes them. */
export const PACED_WORDS = 100;
export const PACE_MS = 20;
/** Frames besides the words: the role chunk, the finish chunk, the usage chunk and [DONE]. */
export const FRAMES_BESIDES_WORDS = 4;

/** Whether a relayed stream (OpenAI or Anthropic SSE) carries every word in order and its proper end. */
export function streamIntact(text, words) {
  let at = 0;
  for (let i = 0; i < words; i++) {
    at = text.indexOf(`word${i} `, at);
    if (at < 0) return false;
  }
  return text.includes("data: [DONE]") || text.includes("event: message_stop");
}

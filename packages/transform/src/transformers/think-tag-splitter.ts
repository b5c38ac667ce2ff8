const OPEN = "<think>";
const CLOSE = "</think>";

export type ThinkSegment = { kind: "reasoning" | "content"; text: string };

/**
 * Splits streamed text into reasoning (inside `<think>...</think>`) and
 * content, whatever way the tags are cut between pieces: a trailing piece
 * that could be the start of a tag is held until the next piece decides.
 * The newlines a model writes right after `</think>` are dropped.
 */
export function createThinkTagSplitter(): {
  /** True when `text` would come out unchanged as content: the common case, worth skipping the split for. */
  passesThrough(text: string): boolean;
  push(text: string): ThinkSegment[];
  flush(): ThinkSegment[];
} {
  let inside = false;
  let held = "";
  let afterClose = false;

  const emit = (segments: ThinkSegment[], text: string) => {
    let value = text;
    if (!inside && afterClose) {
      value = value.replace(/^\s+/, "");
      if (value === "") return;
      afterClose = false;
    }
    if (value === "") return;
    const kind = inside ? "reasoning" : "content";
    const last = segments[segments.length - 1];
    if (last?.kind === kind) last.text += value;
    else segments.push({ kind, text: value });
  };

  return {
    passesThrough(text) {
      return !inside && !afterClose && held === "" && !text.includes("<");
    },
    push(text) {
      const segments: ThinkSegment[] = [];
      let buffer = held + text;
      held = "";
      for (;;) {
        const tag = inside ? CLOSE : OPEN;
        const at = buffer.indexOf(tag);
        if (at === -1) break;
        emit(segments, buffer.slice(0, at));
        buffer = buffer.slice(at + tag.length);
        afterClose = inside;
        inside = !inside;
      }
      const keep = partialTagLength(buffer, inside ? CLOSE : OPEN);
      emit(segments, buffer.slice(0, buffer.length - keep));
      held = buffer.slice(buffer.length - keep);
      return segments;
    },
    flush() {
      const segments: ThinkSegment[] = [];
      emit(segments, held);
      held = "";
      return segments;
    },
  };
}

/** Length of the longest end of `text` that is a proper beginning of `tag`. */
function partialTagLength(text: string, tag: string): number {
  for (let length = Math.min(tag.length - 1, text.length); length > 0; length--) {
    if (text.endsWith(tag.slice(0, length))) return length;
  }
  return 0;
}

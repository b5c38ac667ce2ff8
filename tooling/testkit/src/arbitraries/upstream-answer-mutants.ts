import fc from "fast-check";
import type { SseFrame } from "../behaviour.js";
import { encodeSseFrame } from "../sse-encode.js";
import { allPaths, deleteAt, dotPath, getAt, type JsonPath, setAt } from "./json-paths.js";
import {
  type GeneratedUpstreamAnswer,
  type UpstreamProtocol,
  upstreamAnswerArbitrary,
} from "./upstream-answer.js";

/** A streamed upstream answer damaged in one way, as the bytes a client of that upstream would read. */
export type UpstreamStreamMutant = {
  protocol: UpstreamProtocol;
  bytes: Uint8Array;
  /** What was done, for the report of a failing case: `delete frame 3 choices.0.delta`. */
  mutation: string;
};

/** A whole upstream answer damaged in one way, parsed as a client would parse it. */
export type UpstreamBodyMutant = { protocol: UpstreamProtocol; body: unknown; mutation: string };

export const UPSTREAM_STREAM_MUTATIONS = [
  "delete-field",
  "change-type",
  "cut",
  "inject-frame",
  "garbage-bytes",
  "huge-number",
  "lone-surrogate",
  "drop-frame",
  "duplicate-frame",
  "swap-frames",
] as const;

export type UpstreamStreamMutation = (typeof UPSTREAM_STREAM_MUTATIONS)[number];

type Choice = { kind: UpstreamStreamMutation; pick: number; variant: number; garbage: Uint8Array };

/** Written in place of HUGE_PLACEHOLDER: a number JSON.stringify cannot write (it parses as Infinity). */
const HUGE_PLACEHOLDER = "__huge_number_placeholder__";
const HUGE_VALUES = ["1e400", "-1e400", "1e308", "18446744073709551616", "-1", "0.5", "1e-400"];

const encoder = new TextEncoder();

/**
 * Frames a broken upstream or a proxy in front of it puts in a stream: not JSON, JSON that is no event,
 * an early end, an error in the middle, keep-alives, events of the other protocol, events out of place.
 */
const INJECTED: SseFrame[] = [
  { data: "{not json" },
  { data: "[DONE]" },
  { data: 42 },
  { data: null },
  { data: [] },
  { data: "" },
  { data: { error: { message: "injected failure", code: 500 } } },
  { event: "error", data: { type: "error", error: { type: "overloaded_error", message: "Overloaded" } } },
  { event: "ping", data: { type: "ping" } },
  { data: { id: "x", choices: [{ index: 0, delta: { content: "INJECTED" }, finish_reason: null }] } },
  { data: { id: "x", choices: [{ index: 0, delta: {}, finish_reason: "stop" }] } },
  {
    data: {
      id: "x",
      choices: [{ index: 0, delta: { tool_calls: [{ index: 5, function: { arguments: "}" } }] } }],
    },
  },
  { event: "message_start", data: { type: "message_start", message: { id: "m2", content: [], usage: {} } } },
  {
    event: "content_block_delta",
    data: { type: "content_block_delta", index: 7, delta: { type: "text_delta", text: "x" } },
  },
  { event: "content_block_stop", data: { type: "content_block_stop", index: 0 } },
  { event: "message_stop", data: { type: "message_stop" } },
  { event: "hologram", data: { type: "hologram", payload: "newer" } },
];

/** Valid answers of `protocol` as streams, each damaged by one mutation of `kinds` at a random place. */
export function upstreamStreamMutantArbitrary(
  protocol: UpstreamProtocol,
  kinds: readonly UpstreamStreamMutation[] = UPSTREAM_STREAM_MUTATIONS,
): fc.Arbitrary<UpstreamStreamMutant> {
  return fc
    .record({
      answer: upstreamAnswerArbitrary(protocol),
      kind: fc.constantFrom(...kinds),
      pick: fc.nat(),
      variant: fc.nat(),
      garbage: fc.uint8Array({ minLength: 1, maxLength: 12 }),
    })
    .map(({ answer, ...choice }) => mutateStream(answer, choice));
}

function mutateStream(
  answer: GeneratedUpstreamAnswer,
  { kind, pick, variant, garbage }: Choice,
): UpstreamStreamMutant {
  const frames = structuredClone(answer.frames);
  const at = (count: number) => pick % count;
  const text = (list: SseFrame[]) => list.map(encodeSseFrame).join("");
  const done = (mutation: string, bytes: Uint8Array = encoder.encode(text(frames))) => ({
    protocol: answer.protocol,
    bytes,
    mutation,
  });
  const objectFrames = frames.flatMap((frame, index) =>
    typeof frame.data === "object" && frame.data !== null ? [index] : [],
  );
  const pathsIn = (index: number, keep: (value: unknown) => boolean) =>
    allPaths(frames[index]?.data).filter((path) => keep(getAt(frames[index]?.data, path)));

  switch (kind) {
    case "delete-field":
    case "change-type":
    case "huge-number":
    case "lone-surrogate": {
      const wanted = {
        "delete-field": () => true,
        "change-type": () => true,
        "huge-number": (value: unknown) => typeof value === "number",
        "lone-surrogate": (value: unknown) => typeof value === "string",
      }[kind];
      const candidates = objectFrames.flatMap((index) =>
        pathsIn(index, wanted).map((path) => ({ index, path })),
      );
      if (candidates.length === 0) return done(`${kind}: no place to apply it`);
      const { index, path } = candidates[at(candidates.length)] as { index: number; path: JsonPath };
      const data = frames[index]?.data;
      const where = `frame ${index} ${dotPath(path)}`;
      if (kind === "delete-field") {
        deleteAt(data, path);
        return done(`delete ${where}`);
      }
      if (kind === "change-type") {
        const current = kindOf(getAt(data, path));
        const values = [42, -1, true, null, "MUTATED", [], {}, [null]].filter(
          (value) => kindOf(value) !== current,
        );
        const value = values[variant % values.length];
        setAt(data, path, value);
        return done(`set ${where} to ${JSON.stringify(value)}`);
      }
      if (kind === "lone-surrogate") {
        const surrogate = ["\uD800", "\uDFFF", "\uDBFF\uDBFF"][variant % 3] as string;
        setAt(data, path, `${String(getAt(data, path))}${surrogate}`);
        return done(`lone surrogate in ${where}`);
      }
      const huge = HUGE_VALUES[variant % HUGE_VALUES.length] as string;
      setAt(data, path, HUGE_PLACEHOLDER);
      return done(`${where} = ${huge}`, encoder.encode(text(frames).replace(`"${HUGE_PLACEHOLDER}"`, huge)));
    }
    case "cut": {
      const bytes = encoder.encode(text(frames));
      const length = pick % bytes.length;
      return done(`cut after byte ${length} of ${bytes.length}`, bytes.slice(0, length));
    }
    case "garbage-bytes": {
      const bytes = encoder.encode(text(frames));
      const offset = pick % (bytes.length + 1);
      const out = new Uint8Array(bytes.length + garbage.length);
      out.set(bytes.subarray(0, offset));
      out.set(garbage, offset);
      out.set(bytes.subarray(offset), offset + garbage.length);
      return done(`bytes [${[...garbage].join(",")}] at byte ${offset}`, out);
    }
    case "inject-frame": {
      const frame = INJECTED[variant % INJECTED.length] as SseFrame;
      const position = pick % (frames.length + 1);
      frames.splice(position, 0, frame);
      return done(`inject ${JSON.stringify(frame).slice(0, 120)} at frame ${position}`);
    }
    case "drop-frame": {
      const index = at(frames.length);
      frames.splice(index, 1);
      return done(`drop frame ${index}`);
    }
    case "duplicate-frame": {
      const index = at(frames.length);
      frames.splice(index, 0, structuredClone(frames[index] as SseFrame));
      return done(`duplicate frame ${index}`);
    }
    case "swap-frames": {
      const index = at(Math.max(1, frames.length - 1));
      const [first, second] = [frames[index], frames[index + 1]];
      if (first === undefined || second === undefined) return done("swap: fewer than two frames");
      frames[index] = second;
      frames[index + 1] = first;
      return done(`swap frames ${index} and ${index + 1}`);
    }
  }
}

/** Valid whole answers of `protocol`, each damaged by one field-level mutation at a random place. */
export function upstreamBodyMutantArbitrary(protocol: UpstreamProtocol): fc.Arbitrary<UpstreamBodyMutant> {
  return fc
    .record({
      answer: upstreamAnswerArbitrary(protocol),
      kind: fc.constantFrom("delete-field", "change-type", "huge-number", "lone-surrogate", "prototype-key"),
      pick: fc.nat(),
      variant: fc.nat(),
    })
    .map(({ answer, kind, pick, variant }) => {
      const body = structuredClone(answer.body) as Record<string, unknown>;
      const paths = allPaths(body);
      const choose = (list: JsonPath[]) => list[pick % Math.max(1, list.length)];
      const mutant = (mutation: string, parsed: unknown = body) => ({ protocol, body: parsed, mutation });
      switch (kind) {
        case "delete-field": {
          const path = choose(paths);
          if (path === undefined) return mutant("no field to delete");
          deleteAt(body, path);
          return mutant(`delete ${dotPath(path)}`);
        }
        case "change-type": {
          const path = choose(paths);
          if (path === undefined) return mutant("no field to change");
          const current = kindOf(getAt(body, path));
          const values = [42, -1, true, null, "MUTATED", [], {}, [null]].filter(
            (value) => kindOf(value) !== current,
          );
          const value = values[variant % values.length];
          setAt(body, path, value);
          return mutant(`set ${dotPath(path)} to ${JSON.stringify(value)}`);
        }
        case "huge-number": {
          const path = choose(paths.filter((candidate) => typeof getAt(body, candidate) === "number"));
          if (path === undefined) return mutant("no number");
          const huge = HUGE_VALUES[variant % HUGE_VALUES.length] as string;
          setAt(body, path, HUGE_PLACEHOLDER);
          return mutant(
            `${dotPath(path)} = ${huge}`,
            JSON.parse(JSON.stringify(body).replace(`"${HUGE_PLACEHOLDER}"`, huge)),
          );
        }
        case "lone-surrogate": {
          const path = choose(paths.filter((candidate) => typeof getAt(body, candidate) === "string"));
          if (path === undefined) return mutant("no string");
          setAt(body, path, `${String(getAt(body, path))}\uD800`);
          return mutant(`lone surrogate in ${dotPath(path)}`);
        }
        default: {
          const key = ["__proto__", "constructor", "prototype"][variant % 3] as string;
          setAt(body, [key], { polluted: true });
          return mutant(`${key} added`, JSON.parse(JSON.stringify(body)));
        }
      }
    });
}

function kindOf(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
}

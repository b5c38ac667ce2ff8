import fc from "fast-check";
import { anthropicRequestArbitrary, type GeneratedAnthropicRequest } from "./anthropic-request.js";
import { allPaths, deleteAt, dotPath, getAt, isObject, type JsonPath, setAt } from "./json-paths.js";

/** A request damaged in one way, as a client could send it (it went through JSON.stringify and JSON.parse). */
export type AnthropicRequestMutant = {
  request: Record<string, unknown>;
  /** The request as the JSON text a client sends (JSON.stringify overflows the stack on the deepest nesting). */
  text: string;
  /** What was done, for the report of a failing case: `delete messages.1.content.0.id`. */
  mutation: string;
  /**
   * A string the mutation added. Unless the request is refused, it must be
   * in the decoded request (what an Anthropic tier gets) and in its
   * OpenAI translation.
   */
  marker?: string;
};

export const MUTATION_KINDS = [
  "delete-field",
  "change-type",
  "unknown-block-type",
  "unknown-role",
  "empty-value",
  "huge-number",
  "deep-nesting",
  "prototype-key",
  "lone-surrogate",
  "duplicate-id",
  "orphan-tool-result",
] as const;

export type MutationKind = (typeof MUTATION_KINDS)[number];

type Mutation = { kind: MutationKind; pick: number; variant: number };
/** `deep` replaces DEEP_PLACEHOLDER in the JSON text: JSON.stringify would overflow the stack on it. */
type Applied = { mutation: string; marker?: string; deep?: string };

const DEEP_PLACEHOLDER = "__deep_nesting_placeholder__";

/** Valid requests from `base`, each damaged by one mutation of `kinds` at a random place. */
export function anthropicRequestMutantArbitrary(
  base: fc.Arbitrary<GeneratedAnthropicRequest> = anthropicRequestArbitrary(),
  kinds: readonly MutationKind[] = MUTATION_KINDS,
): fc.Arbitrary<AnthropicRequestMutant> {
  return fc
    .record({ generated: base, kind: fc.constantFrom(...kinds), pick: fc.nat(), variant: fc.nat() })
    .map(({ generated, ...mutation }) => {
      const request = JSON.parse(JSON.stringify(generated.request)) as Record<string, unknown>;
      const { deep, ...applied } = mutate(request, mutation) ?? {
        mutation: `${mutation.kind}: no place to apply it`,
      };
      let text = JSON.stringify(request);
      if (deep !== undefined) text = text.replace(JSON.stringify(DEEP_PLACEHOLDER), deep);
      return { request: JSON.parse(text), text, ...applied };
    });
}

function mutate(request: Record<string, unknown>, { kind, pick, variant }: Mutation): Applied | undefined {
  const marker = `MRKmutant${variant}Z`;
  const choose = (paths: JsonPath[]) => (paths.length === 0 ? undefined : paths[pick % paths.length]);
  const paths = allPaths(request);
  switch (kind) {
    case "delete-field": {
      const path = choose(paths.filter((candidate) => typeof candidate.at(-1) === "string"));
      if (path === undefined) return undefined;
      deleteAt(request, path);
      return { mutation: `delete ${dotPath(path)}` };
    }
    case "change-type": {
      const path = choose(paths);
      if (path === undefined) return undefined;
      const current = kindOf(getAt(request, path));
      const replacements = [42, 1.5, true, null, "MUTATED", [], {}].filter(
        (value) => kindOf(value) !== current,
      );
      const value = replacements[variant % replacements.length];
      setAt(request, path, value);
      return { mutation: `set ${dotPath(path)} to ${JSON.stringify(value)}` };
    }
    case "unknown-block-type": {
      const path = choose(blockPaths(request));
      if (path === undefined) return undefined;
      const block = getAt(request, path) as Record<string, unknown>;
      block.type = "hologram";
      block.payload = marker;
      return { mutation: `${dotPath(path)} becomes a "hologram" block`, marker };
    }
    case "unknown-role": {
      const path = choose(messagePaths(request));
      if (path === undefined) return undefined;
      const role = ["wizard", "tool", "Human", "developer", "", "System", null, 7][variant % 8];
      setAt(request, [...path, "role"], role);
      return { mutation: `${dotPath(path)}.role = ${JSON.stringify(role)}` };
    }
    case "empty-value": {
      const path = choose(
        paths.filter((candidate) => ["string", "array"].includes(kindOf(getAt(request, candidate)))),
      );
      if (path === undefined) return undefined;
      const empty = Array.isArray(getAt(request, path)) ? [] : "";
      setAt(request, path, empty);
      return { mutation: `empty ${dotPath(path)}` };
    }
    case "huge-number": {
      const path = choose(paths.filter((candidate) => typeof getAt(request, candidate) === "number"));
      if (path === undefined) return undefined;
      const value = [1e308, -1e308, 2 ** 53 + 2, -1, 1e-320, 4_294_967_296][variant % 6] as number;
      setAt(request, path, value);
      return { mutation: `${dotPath(path)} = ${value}` };
    }
    case "deep-nesting": {
      const path = choose(verbatimObjectPaths(request));
      if (path === undefined) return undefined;
      const levels = [20, 60, 130, 5000][variant % 4] as number;
      setAt(request, [...path, "deep"], DEEP_PLACEHOLDER);
      return {
        mutation: `${dotPath(path)}.deep nested ${levels} levels`,
        marker,
        deep: nestedJson(levels, marker),
      };
    }
    case "prototype-key": {
      const key = ["__proto__", "constructor", "prototype"][variant % 3] as string;
      const path = choose([[], ...verbatimObjectPaths(request)]);
      if (path === undefined) return undefined;
      setAt(request, [...path, key], { polluted: true, note: marker });
      // A top-level field unknown to the API is not sent to OpenAI-compatible tiers.
      return {
        mutation: `${dotPath(path) || "(body)"}.${key} added`,
        ...(path.length > 0 ? { marker } : {}),
      };
    }
    case "lone-surrogate": {
      const path = choose(translatedTextPaths(request));
      if (path === undefined) return undefined;
      const surrogate = variant % 2 === 0 ? "\uD800" : "\uDFFF";
      setAt(request, path, `${String(getAt(request, path))}${surrogate}${marker}${surrogate}`);
      return { mutation: `lone surrogate in ${dotPath(path)}`, marker };
    }
    case "duplicate-id": {
      const toolUses = blockPaths(request).filter(
        (path) => (getAt(request, path) as { type?: unknown }).type === "tool_use",
      );
      if (toolUses.length < 2) return undefined;
      const first = toolUses[pick % toolUses.length] as JsonPath;
      const second = toolUses[(pick + 1 + (variant % (toolUses.length - 1))) % toolUses.length] as JsonPath;
      setAt(request, [...second, "id"], (getAt(request, first) as { id: unknown }).id);
      return { mutation: `${dotPath(second)}.id copied from ${dotPath(first)}` };
    }
    case "orphan-tool-result": {
      const path = choose(
        messagePaths(request).filter(
          (candidate) => (getAt(request, candidate) as { role?: unknown }).role === "user",
        ),
      );
      if (path === undefined) return undefined;
      const message = getAt(request, path) as { content: unknown };
      const orphan = {
        type: "tool_result",
        tool_use_id: `toolu_gone_${variant}`,
        content: `orphan ${marker}`,
      };
      message.content = [
        orphan,
        ...(typeof message.content === "string"
          ? [{ type: "text", text: message.content }]
          : (message.content as unknown[])),
      ];
      return { mutation: `orphan tool_result at the start of ${dotPath(path)}`, marker };
    }
  }
}

function kindOf(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
}

function messagePaths(request: Record<string, unknown>): JsonPath[] {
  return Array.isArray(request.messages) ? request.messages.map((_, index) => ["messages", index]) : [];
}

/** Every content block: in `system`, in messages, and in tool results. */
function blockPaths(request: Record<string, unknown>): JsonPath[] {
  const paths: JsonPath[] = [];
  if (Array.isArray(request.system))
    for (let index = 0; index < request.system.length; index++) paths.push(["system", index]);
  for (const messagePath of messagePaths(request)) {
    const content = (getAt(request, messagePath) as { content?: unknown }).content;
    if (!Array.isArray(content)) continue;
    content.forEach((block, index) => {
      paths.push([...messagePath, "content", index]);
      if (isObject(block) && block.type === "tool_result" && Array.isArray(block.content))
        for (let part = 0; part < block.content.length; part++)
          paths.push([...messagePath, "content", index, "content", part]);
    });
  }
  return paths;
}

/** Objects a translation carries over whole: tool call inputs and the properties of tool schemas. */
function verbatimObjectPaths(request: Record<string, unknown>): JsonPath[] {
  const paths = blockPaths(request)
    .filter((path) => (getAt(request, path) as { type?: unknown }).type === "tool_use")
    .map((path) => [...path, "input"]);
  if (Array.isArray(request.tools))
    request.tools.forEach((tool, index) => {
      if (isObject(tool) && isObject(tool.input_schema) && isObject(tool.input_schema.properties))
        paths.push(["tools", index, "input_schema", "properties"]);
    });
  return paths;
}

/** Strings a translation sends on as text: text blocks, tool result strings, system strings. */
function translatedTextPaths(request: Record<string, unknown>): JsonPath[] {
  const paths: JsonPath[] = typeof request.system === "string" ? [["system"]] : [];
  for (const path of blockPaths(request)) {
    const block = getAt(request, path) as Record<string, unknown>;
    if (block.type === "text") paths.push([...path, "text"]);
    if (block.type === "tool_result" && typeof block.content === "string") paths.push([...path, "content"]);
  }
  for (const path of messagePaths(request))
    if (typeof (getAt(request, path) as { content?: unknown }).content === "string")
      paths.push([...path, "content"]);
  return paths;
}

/** Objects and arrays in turn, `levels` deep around `{"marker": ...}`, as JSON text. */
function nestedJson(levels: number, marker: string): string {
  let open = "";
  let close = "";
  for (let level = 1; level < levels; level++) {
    open += level % 2 === 0 ? '{"a":' : "[";
    close = (level % 2 === 0 ? "}" : "]") + close;
  }
  return `${open}${JSON.stringify({ marker })}${close}`;
}

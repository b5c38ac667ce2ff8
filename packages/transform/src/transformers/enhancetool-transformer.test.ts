import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chunk, deltas, runChunks, tierContext } from "../__fixtures__/tier-context.js";
import type { OpenAIChatResponse } from "../types/openai.js";
import { enhancetoolTransformer } from "./enhancetool-transformer.js";
import { repairToolArguments } from "./repair-tool-arguments.js";

describe("repairToolArguments", () => {
  it.each([
    ['{"a":1}', '{"a":1}'],
    ["", "{}"],
    ["{'path': 'a.ts', recursive: True,}", '{"path": "a.ts", "recursive": true}'],
    ['{"command":"ls", "description":"List', '{"command":"ls", "description":"List"}'],
    ['"{\\"a\\":1}"', '{"a":1}'],
    ["[1,2]", "{}"],
    ["not json at all (", "{}"],
  ])("%s → %s", (raw, repaired) => {
    expect(repairToolArguments(raw)).toBe(repaired);
  });

  it("always returns the text of a JSON object", () => {
    fc.assert(
      fc.property(fc.string(), (raw) => {
        const parsed: unknown = JSON.parse(repairToolArguments(raw));
        return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed);
      }),
    );
  });
});

describe("enhancetool", () => {
  const transformer = enhancetoolTransformer();

  it("repairs the arguments of every tool call in a response", async () => {
    const body: OpenAIChatResponse = {
      choices: [
        {
          message: {
            tool_calls: [
              { id: "c1", type: "function", function: { name: "Read", arguments: "{file_path: '/a.ts'}" } },
            ],
          },
          finish_reason: "tool_calls",
        },
      ],
    };
    const out = await transformer.openaiResponse?.(body, tierContext());
    expect(out?.choices?.[0]?.message?.tool_calls?.[0]?.function.arguments).toBe('{"file_path": "/a.ts"}');
  });

  it("holds streamed tool calls and sends them whole, repaired, before the finish", () => {
    const out = runChunks(transformer.openaiChunks!(tierContext()), [
      chunk({ role: "assistant", content: "Reading." }),
      chunk({
        tool_calls: [{ index: 0, id: "c1", type: "function", function: { name: "Read", arguments: "" } }],
      }),
      chunk({
        tool_calls: [
          { index: 1, id: "c2", type: "function", function: { name: "Bash", arguments: '{"command":' } },
        ],
      }),
      chunk({ tool_calls: [{ index: 0, function: { arguments: "{'file_path': '/a.ts'," } }] }),
      chunk({ tool_calls: [{ index: 1, function: { arguments: '"ls"}' } }] }),
      { ...chunk({ content: "" }, "tool_calls"), usage: { prompt_tokens: 10, completion_tokens: 5 } },
    ]);
    expect(deltas(out)).toEqual([
      { role: "assistant", content: "Reading." },
      {},
      {},
      {},
      {},
      {
        tool_calls: [
          {
            index: 0,
            id: "c1",
            type: "function",
            function: { name: "Read", arguments: '{"file_path": "/a.ts"}' },
          },
          { index: 1, id: "c2", type: "function", function: { name: "Bash", arguments: '{"command":"ls"}' } },
        ],
      },
      { finish_reason: "tool_calls" },
    ]);
    expect(out.at(-1)?.usage).toEqual({ prompt_tokens: 10, completion_tokens: 5 });
  });

  it("tells Gemini's index-less calls apart by id, and flushes on a usage-only chunk", () => {
    const out = runChunks(transformer.openaiChunks!(tierContext()), [
      chunk({
        tool_calls: [
          { id: "function-call-1", function: { name: "Bash", arguments: '{"command":"ls src"}' } },
        ],
      }),
      chunk({
        tool_calls: [
          { id: "function-call-2", function: { name: "Bash", arguments: '{"command":"ls test"}' } },
        ],
      }),
      { id: "x", choices: [], usage: { prompt_tokens: 1 } },
    ]);
    expect(deltas(out).slice(2)).toEqual([
      {
        tool_calls: [
          {
            index: 0,
            id: "function-call-1",
            type: "function",
            function: { name: "Bash", arguments: '{"command":"ls src"}' },
          },
          {
            index: 1,
            id: "function-call-2",
            type: "function",
            function: { name: "Bash", arguments: '{"command":"ls test"}' },
          },
        ],
      },
      { usage: { prompt_tokens: 1 } },
    ]);
  });
});

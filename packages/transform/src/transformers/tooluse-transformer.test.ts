import { describe, expect, it } from "vitest";
import { chunk, deltas, openAIBody, runChunks, tierContext } from "../__fixtures__/tier-context.js";
import type { OpenAIChatResponse } from "../types/openai.js";
import { EXIT_TOOL_NAME, tooluseTransformer } from "./tooluse-transformer.js";

const bash = { type: "function" as const, function: { name: "Bash", parameters: { type: "object" } } };

describe("tooluse", () => {
  const transformer = tooluseTransformer();

  it("requires a tool call, adds ExitTool and the reminder when tools are offered", async () => {
    const body = openAIBody({
      messages: [
        { role: "system", content: "You are Claude Code." },
        { role: "user", content: "hi" },
      ],
      tools: [bash],
    });
    const out = await transformer.openaiRequest?.(body, tierContext());
    expect(out?.tool_choice).toBe("required");
    expect(out?.tools?.map((tool) => (tool as typeof bash).function.name)).toEqual(["Bash", EXIT_TOOL_NAME]);
    expect(out?.messages[0]?.content).toMatch(
      /^You are Claude Code\.\n\n<system-reminder>Tool mode is active/,
    );
    expect(body.tools).toHaveLength(1);
  });

  it("keeps an explicit tool_choice and leaves tool-less requests alone", async () => {
    const none = await transformer.openaiRequest?.(
      openAIBody({ tools: [bash], tool_choice: "none" }),
      tierContext(),
    );
    expect(none?.tool_choice).toBe("none");
    expect(none?.messages[0]).toMatchObject({ role: "system" });
    const plain = openAIBody();
    expect(await transformer.openaiRequest?.(plain, tierContext())).toBe(plain);
  });

  it("turns an ExitTool call in a response into text and ends the turn", async () => {
    const body: OpenAIChatResponse = {
      choices: [
        {
          index: 0,
          message: {
            role: "assistant",
            content: null,
            tool_calls: [
              {
                id: "c1",
                type: "function",
                function: { name: EXIT_TOOL_NAME, arguments: '{"response":"Just text."}' },
              },
            ],
          },
          finish_reason: "tool_calls",
        },
      ],
    };
    const out = await transformer.openaiResponse?.(body, tierContext());
    expect(out?.choices?.[0]).toEqual({
      index: 0,
      message: { role: "assistant", content: "Just text." },
      finish_reason: "stop",
    });
  });

  it("turns a streamed ExitTool call into text, keeping other tool calls", () => {
    const hook = transformer.openaiChunks!(tierContext());
    const exitOnly = runChunks(hook, [
      chunk({
        role: "assistant",
        tool_calls: [
          { index: 0, id: "c1", type: "function", function: { name: EXIT_TOOL_NAME, arguments: "" } },
        ],
      }),
      chunk({ tool_calls: [{ index: 0, function: { arguments: '{"response":' } }] }),
      chunk({ tool_calls: [{ index: 0, function: { arguments: '"Héllo"}' } }] }),
      chunk({}, "tool_calls"),
    ]);
    expect(deltas(exitOnly)).toEqual([
      { role: "assistant" },
      {},
      {},
      { content: "Héllo" },
      { finish_reason: "stop" },
    ]);

    const mixed = runChunks(transformer.openaiChunks!(tierContext()), [
      chunk({ tool_calls: [{ index: 0, id: "c1", function: { name: "Bash", arguments: "{}" } }] }),
      chunk({
        tool_calls: [
          { index: 1, id: "c2", function: { name: EXIT_TOOL_NAME, arguments: '{"response":"x"}' } },
        ],
      }),
      chunk({}, "tool_calls"),
    ]);
    expect(deltas(mixed)).toEqual([
      { tool_calls: [{ index: 0, id: "c1", function: { name: "Bash", arguments: "{}" } }] },
      {},
      { content: "x" },
      { finish_reason: "tool_calls" },
    ]);
  });
});

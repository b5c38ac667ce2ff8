import { describe, expect, it } from "vitest";
import { openAIBody, tierContext } from "../__fixtures__/tier-context.js";
import { normalizeToolId } from "../tool-ids.js";
import { moonshotTransformer } from "./moonshot-transformer.js";

describe("moonshot", () => {
  it("restores Kimi's functions.Name:index ids in tool calls and their results", async () => {
    const kimiStyle = normalizeToolId("functions.Bash:0");
    const body = openAIBody({
      messages: [
        { role: "user", content: "run it" },
        {
          role: "assistant",
          content: null,
          tool_calls: [
            { id: kimiStyle, type: "function", function: { name: "Bash", arguments: "{}" } },
            { id: "call_x", type: "function", function: { name: "Read", arguments: "{}" } },
          ],
        },
        { role: "tool", tool_call_id: kimiStyle, content: "ok" },
        { role: "tool", tool_call_id: "call_x", content: "ok" },
      ],
    });
    const out = await moonshotTransformer().openaiRequest?.(body, tierContext());
    const assistant = out?.messages[1] as { tool_calls: { id: string }[] };
    expect(assistant.tool_calls.map((call) => call.id)).toEqual(["functions.Bash:0", "call_x"]);
    expect(out?.messages.slice(2).map((m) => (m as { tool_call_id: string }).tool_call_id)).toEqual([
      "functions.Bash:0",
      "call_x",
    ]);
  });

  it("leaves ids whose name part does not match the call alone", async () => {
    const body = openAIBody({
      messages: [
        {
          role: "assistant",
          content: null,
          tool_calls: [
            {
              id: normalizeToolId("functions.Read:1"),
              type: "function",
              function: { name: "Bash", arguments: "{}" },
            },
          ],
        },
      ],
    });
    expect(await moonshotTransformer().openaiRequest?.(body, tierContext())).toBe(body);
  });
});

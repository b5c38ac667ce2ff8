import { describe, expect, it } from "vitest";
import { openAIBody, tierContext } from "../__fixtures__/tier-context.js";
import { streamoptionsTransformer } from "./streamoptions-transformer.js";

describe("streamoptions", () => {
  it("ensures include_usage on streaming requests, keeping other stream options", async () => {
    const body = openAIBody({
      stream: true,
      stream_options: { include_usage: false, continuous_usage_stats: true } as never,
    });
    const out = await streamoptionsTransformer().openaiRequest?.(body, tierContext());
    expect(out?.stream_options).toEqual({ include_usage: true, continuous_usage_stats: true });
    const plain = openAIBody();
    expect(await streamoptionsTransformer().openaiRequest?.(plain, tierContext())).toBe(plain);
  });

  it("removes stream_options with include_usage: false", async () => {
    const out = await streamoptionsTransformer({ include_usage: false }).openaiRequest?.(
      openAIBody({ stream: true, stream_options: { include_usage: true } }),
      tierContext(),
    );
    expect(out).not.toHaveProperty("stream_options");
  });
});

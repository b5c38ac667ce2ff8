import {
  anthropicErrorFirstFrame,
  anthropicText,
  anthropicTextStream,
  type FakeAnthropic,
  type FakeOpenAI,
  type RunningProxy,
  rateLimited,
  startFakeAnthropic,
  startFakeOpenAI,
  startProxy,
} from "@ccr/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { cascadeConfig, parseSse, postMessages, streamedText, userRequest } from "./support.js";

// A chain mixing protocols: an OpenAI-compatible tier that is rate-limited, then an
// Anthropic-compatible one that gets the request in its own dialect and with its own auth.

let proxy: RunningProxy | undefined;
let openai: FakeOpenAI | undefined;
let anthropic: FakeAnthropic | undefined;
afterEach(async () => {
  await proxy?.stop();
  await openai?.close();
  await anthropic?.close();
  proxy = openai = anthropic = undefined;
});

describe("an Anthropic-compatible tier", () => {
  it("answers after an OpenAI tier is rate-limited, with its own key and the client's beta header", async () => {
    openai = await startFakeOpenAI(() => rateLimited(60));
    anthropic = await startFakeAnthropic([anthropicText("from anthropic")]);
    proxy = await startProxy({ config: cascadeConfig({ a: openai, b: anthropic }) });
    const response = await postMessages(proxy.url, userRequest(), {
      headers: { "anthropic-beta": "interleaved-thinking-2025-05-14" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-ccr-tier")).toBe("b,b-model");
    expect(JSON.stringify(await response.json())).toContain("from anthropic");
    const sent = anthropic.requests[0]!;
    expect(sent.url).toBe("/v1/messages");
    expect(sent.headers["x-api-key"]).toBe("key-b");
    expect(sent.headers["anthropic-version"]).toBeDefined();
    expect(sent.headers["anthropic-beta"]).toBe("interleaved-thinking-2025-05-14");
    expect(sent.body).toMatchObject({ model: "b-model", messages: [{ role: "user", content: "hello" }] });
    // The OpenAI tier never sees Anthropic's beta header.
    expect(openai.requests[0]!.headers["anthropic-beta"]).toBeUndefined();
  });

  it("streams, and cascades when its first event is an error", async () => {
    anthropic = await startFakeAnthropic([anthropicErrorFirstFrame(), anthropicTextStream(["Hi ", "there"])]);
    openai = await startFakeOpenAI([]);
    proxy = await startProxy({ config: cascadeConfig({ a: anthropic, b: openai }, { max_retries: 1 }) });
    const response = await postMessages(proxy.url, userRequest("hi", { stream: true }));
    const events = parseSse(await response.text());
    expect(response.headers.get("x-ccr-tier")).toBe("a,a-model");
    expect(streamedText(events)).toBe("Hi there");
    expect(events.at(-1)?.event).toBe("message_stop");
    expect(anthropic.requests).toHaveLength(2);
  });
});

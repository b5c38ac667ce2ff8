import { describe, expect, it } from "vitest";
import { openAIBody, tierContext } from "../__fixtures__/tier-context.js";
import type { OpenAIChatResponse } from "../types/openai.js";
import { adaptTransformerModule } from "./adapt-transformer-module.js";
import type { Transformer } from "./transformer.js";

async function readText(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("adaptTransformerModule", () => {
  it("takes a Transformer object or a factory, as default export or module itself", () => {
    const native: Transformer = { name: "mine", openaiRequest: (body) => body };
    expect(adaptTransformerModule({ default: native })).toBe(native);
    expect(adaptTransformerModule(native)).toBe(native);
    const factory = (options?: Record<string, unknown>): Transformer => ({
      name: `made-${String(options?.tag)}`,
      headers: () => ({}),
    });
    expect(adaptTransformerModule({ default: factory }, { tag: "x" }).name).toBe("made-x");
  });

  it("keeps the methods of a native-hook class named by a static TransformerName", async () => {
    class Native {
      static TransformerName = "native-class";
      constructor(private readonly options: { seed: number }) {}
      openaiRequest(body: object) {
        return { ...body, seed: this.options.seed };
      }
    }
    const transformer = adaptTransformerModule({ default: Native }, { seed: 9 });
    expect(transformer.name).toBe("native-class");
    expect(await transformer.openaiRequest?.(openAIBody(), tierContext())).toMatchObject({ seed: 9 });
  });

  it("adapts a claude-code-router class: transformRequestIn on the OpenAI body, with its options", async () => {
    class AddParams {
      name = "add-params";
      constructor(private readonly options: { value: number }) {}
      async transformRequestIn(request: Record<string, unknown>, provider: { name: string }) {
        request.custom = this.options.value;
        request.provider_name = provider.name;
        return request;
      }
    }
    const transformer = adaptTransformerModule(AddParams, { value: 3 });
    expect(transformer.name).toBe("add-params");
    const body = openAIBody();
    const out = await transformer.openaiRequest?.(body, tierContext({ provider: "siliconflow" }));
    expect(out).toMatchObject({ custom: 3, provider_name: "siliconflow" });
    expect(body).not.toHaveProperty("custom");
  });

  it("honours the { body, config: { headers } } result of transformRequestIn", async () => {
    const module = {
      default: class {
        static TransformerName = "with-headers";
        async transformRequestIn(request: object) {
          return { body: { ...request, x: 1 }, config: { headers: { "x-team": "a" } } };
        }
      },
    };
    const transformer = adaptTransformerModule(module);
    expect(transformer.name).toBe("with-headers");
    const context = tierContext();
    expect(await transformer.openaiRequest?.(openAIBody(), context)).toMatchObject({ x: 1 });
    expect(transformer.headers?.(context)).toEqual({ "x-team": "a" });
    expect(transformer.headers?.(tierContext())).toEqual({});
  });

  it("runs transformResponseOut on JSON answers and on streams, through a Response", async () => {
    function Shout(this: { name: string }) {
      this.name = "shout";
    }
    Shout.prototype.transformResponseOut = async (response: Response) => {
      if (response.headers.get("content-type")?.includes("application/json")) {
        const json = (await response.json()) as OpenAIChatResponse;
        const message = json.choices?.[0]?.message;
        if (message) message.content = String(message.content).toUpperCase();
        return new Response(JSON.stringify(json), { headers: response.headers });
      }
      const text = await response.text();
      return new Response(text.replaceAll("hello", "HELLO"), { headers: response.headers });
    };
    const transformer = adaptTransformerModule({ default: Shout });
    const out = await transformer.openaiResponse?.(
      { choices: [{ message: { role: "assistant", content: "hi" }, finish_reason: "stop" }] },
      tierContext(),
    );
    expect(out?.choices?.[0]?.message?.content).toBe("HI");
    const upstream = new Response('data: {"choices":[{"delta":{"content":"hello"}}]}\n\n').body!;
    const stream = transformer.openaiStream!(upstream, tierContext());
    expect(await readText(stream)).toBe('data: {"choices":[{"delta":{"content":"HELLO"}}]}\n\n');
  });

  it("refuses modules it cannot run faithfully, saying why", () => {
    expect(() =>
      adaptTransformerModule({
        default: { name: "x", endPoint: "/v1/chat", transformRequestIn: () => ({}) },
      }),
    ).toThrow(/transformer "x": defines "endPoint", which CCR does not support/);
    expect(() => adaptTransformerModule({ default: { transformRequestIn: () => ({}) } })).toThrow(
      /needs a "name"/,
    );
    expect(() => adaptTransformerModule({ default: { name: "empty" } })).toThrow(/has no hook CCR knows/);
    expect(() => adaptTransformerModule({ default: 42 })).toThrow(/must export/);
  });
});

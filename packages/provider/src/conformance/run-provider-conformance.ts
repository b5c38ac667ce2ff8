import Anthropic from "@anthropic-ai/sdk";
import {
  type AnthropicMessage,
  anthropicErrorType,
  builtinTransformers,
  openAIErrorMessage,
  toAnthropicErrorBody,
  translationStream,
  UpstreamResponseError,
} from "@ccr/transform";
import { describe, expect, it } from "vitest";
import { definitionProblems } from "../definition-problems.js";
import type { ProviderDefinition } from "../provider-definition.js";
import { resolveModelInfo } from "../resolve-model-info.js";
import { assertMatchesExpected } from "./assert-matches-expected.js";
import { chunksOf, chunksToSse, parseChunkLines, streamOf } from "./chunks-to-sse.js";
import { expectedFromAnthropicEvents, expectedFromAnthropicResponse } from "./expected-from-anthropic.js";
import { expectedFromOpenAIChunks, expectedFromOpenAIResponse } from "./expected-from-openai.js";
import { protocolUrlProblems } from "./protocol-url-problems.js";
import { providerRegistry, providerTranslator } from "./provider-translator.js";
import { fixtureFileNames, readFixture } from "./read-fixture.js";
import { CLIENT_MODEL, sampleRequest } from "./sample-request.js";

export interface ProviderConformanceOptions {
  /** The folder holding `<id>-text.json`, `<id>-text.chunks.txt`, `<id>-tool-call.chunks.txt`, `<id>-error.json`. */
  fixturesDir: string | URL;
  /** The model the fixtures are translated for; default: the model they name, if known, else the first model. */
  model?: string;
}

/** The recorded error fixture: the HTTP status and the body the provider sent with it. */
interface ErrorFixture {
  status: number;
  body: unknown;
}

function recordedModel(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const record = value as { model?: unknown; message?: { model?: unknown } };
  const model = record.model ?? record.message?.model;
  return typeof model === "string" ? model : undefined;
}

function toolNamesIn(chunks: readonly unknown[]): string[] {
  return [...JSON.stringify(chunks).matchAll(/"name":"([^"]+)"/g)].map((match) => match[1]!);
}

/** An Anthropic SDK client whose every request is answered by `respond`. */
function sdkClient(respond: () => Response): Anthropic {
  return new Anthropic({
    apiKey: "x",
    baseURL: "http://conformance.invalid",
    maxRetries: 0,
    fetch: async () => respond(),
  });
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

/**
 * Registers the vitest suite every provider package runs (`src/<id>-provider.test.ts`): the
 * definition is well-formed and its transformers exist, a Claude Code request translates for every
 * model, and the recorded fixtures (non-streaming text, streaming text, streaming tool call, an
 * error) translate end to end into what the Anthropic SDK reads as the same text, tool input and usage.
 */
export function runProviderConformance(def: ProviderDefinition, options: ProviderConformanceOptions): void {
  const files = fixtureFileNames(def.id);
  const registry = providerRegistry(def);

  function modelFor(recorded: string | undefined): string {
    if (options.model) return options.model;
    const known = recorded ? resolveModelInfo(def, recorded) : undefined;
    return known?.id ?? def.models[0]!.id;
  }

  function translatorFor(model: string) {
    return providerTranslator(def, model, registry);
  }

  async function translateStream(fixture: string): Promise<{ message: AnthropicMessage; chunks: unknown[] }> {
    const lines = parseChunkLines(await readFixture(options.fixturesDir, fixture));
    const chunks = chunksOf(lines);
    const model = modelFor(recordedModel(chunks[0]));
    const translator = translatorFor(model);
    const request = sampleRequest(toolNamesIn(chunks), true);
    const { context } = await translator.request(request);
    const translated = streamOf(chunksToSse(lines, def.protocol)).pipeThrough(
      translationStream(() => translator.stream(context)),
    );
    const client = sdkClient(
      () => new Response(translated, { headers: { "content-type": "text/event-stream" } }),
    );
    const message = await client.messages
      .stream({
        model: request.model,
        max_tokens: request.max_tokens,
        messages: [{ role: "user", content: "hi" }],
      })
      .finalMessage();
    return { message: message as unknown as AnthropicMessage, chunks };
  }

  describe(`${def.id} provider conformance`, () => {
    describe("definition", () => {
      it("is well-formed (ids, limits, non-negative prices, auth and key variable)", () => {
        expect(definitionProblems(def)).toEqual([]);
      });

      it("declares protocols that match their URLs", () => {
        expect(protocolUrlProblems(def)).toEqual([]);
      });

      it("uses only transformers that exist", () => {
        const specs = [
          ...def.transformers,
          ...Object.values(def.modelTransformers ?? {}).flat(),
          ...(def.alternateEndpoints ?? []).flatMap((endpoint) => endpoint.transformers ?? []),
        ];
        for (const spec of specs) expect(() => registry.create(spec), spec.name).not.toThrow();
      });

      it("provides its transformers under names of its own, not a built-in's", () => {
        // The proxy keeps a built-in under its name, so a package's transformer of that name would never run.
        const builtins = new Set(Object.keys(builtinTransformers).map((name) => name.toLowerCase()));
        const taken = Object.keys(def.transformersProvided ?? {}).filter((name) =>
          builtins.has(name.toLowerCase()),
        );
        expect(taken, "provided names that are built-in transformers of @ccr/transform").toEqual([]);
      });

      it("translates a Claude Code request for every model", async () => {
        for (const model of def.models) {
          const { body } = await translatorFor(model.id).request(sampleRequest(["Read", "Bash"], true));
          expect((body as { model?: unknown }).model, `upstream model for ${model.id}`).toBe(model.id);
          if (def.protocol === "openai") {
            const openai = body as { messages?: unknown[]; stream_options?: { include_usage?: boolean } };
            expect(Array.isArray(openai.messages), "OpenAI body has messages").toBe(true);
            expect(openai.stream_options?.include_usage, "streams ask for usage").toBe(true);
          }
        }
      });
    });

    describe("recorded fixtures", () => {
      it(`non-streaming text (${files.text}) translates to the same text and usage`, async () => {
        const body = JSON.parse(await readFixture(options.fixturesDir, files.text)) as unknown;
        const translator = translatorFor(modelFor(recordedModel(body)));
        const { context } = await translator.request(sampleRequest([], false));
        const translated = (await translator.response(body, context)).body;
        const client = sdkClient(() => Response.json(translated));
        const message = await client.messages.create({
          model: CLIENT_MODEL,
          max_tokens: 1024,
          messages: [{ role: "user", content: "hi" }],
        });
        const expected =
          def.protocol === "openai" ? expectedFromOpenAIResponse(body) : expectedFromAnthropicResponse(body);
        assertMatchesExpected(message as unknown as AnthropicMessage, expected);
      });

      it(`streaming text (${files.textStream}) reads back through the Anthropic SDK`, async () => {
        const { message, chunks } = await translateStream(files.textStream);
        const expected =
          def.protocol === "openai" ? expectedFromOpenAIChunks(chunks) : expectedFromAnthropicEvents(chunks);
        expect(expected.text, "the text fixture must contain text").not.toBe("");
        assertMatchesExpected(message, expected);
      });

      it(`streaming tool call (${files.toolCallStream}) reassembles the exact tool input`, async () => {
        const { message, chunks } = await translateStream(files.toolCallStream);
        const expected =
          def.protocol === "openai" ? expectedFromOpenAIChunks(chunks) : expectedFromAnthropicEvents(chunks);
        expect(expected.toolCalls.length, "the tool-call fixture must call a tool").toBeGreaterThan(0);
        assertMatchesExpected(message, expected);
      });

      it(`error body (${files.error}) becomes an Anthropic error the SDK recognises`, async () => {
        const fixture = JSON.parse(await readFixture(options.fixturesDir, files.error)) as ErrorFixture;
        expect(fixture.status, "the error fixture records the HTTP status").toBeGreaterThanOrEqual(400);
        const providerMessage =
          def.protocol === "openai"
            ? openAIErrorMessage(fixture.body)
            : (fixture.body as { error?: { message?: string } }).error?.message;
        expect(providerMessage, "the provider's error message can be read from its body").toBeTruthy();
        const client = sdkClient(() =>
          Response.json(toAnthropicErrorBody(fixture.status, providerMessage!), { status: fixture.status }),
        );
        const error = await client.messages
          .create({ model: CLIENT_MODEL, max_tokens: 16, messages: [{ role: "user", content: "hi" }] })
          .then(
            () => undefined,
            (caught: unknown) => caught,
          );
        expect(error).toBeInstanceOf(Anthropic.APIError);
        const apiError = error as InstanceType<typeof Anthropic.APIError>;
        expect(apiError.status).toBe(fixture.status);
        const body = (apiError.error as { error?: { type?: string; message?: string } }).error;
        expect(body?.type, "Anthropic error type for the status").toBe(anthropicErrorType(fixture.status));
        expect(body?.message, "the provider's message reaches Claude Code").toContain(providerMessage);
      });

      it(`the same error inside a 200 (${files.error}) is surfaced, not read as an empty answer`, async () => {
        const fixture = JSON.parse(await readFixture(options.fixturesDir, files.error)) as ErrorFixture;
        const translator = translatorFor(def.models[0]!.id);
        const { context } = await translator.request(sampleRequest([], false));
        const thrown = await translator.response(fixture.body, context).then(
          () => undefined,
          (caught: unknown) => caught,
        );
        expect(
          UpstreamResponseError.isInstance(thrown),
          "response() rejects with UpstreamResponseError",
        ).toBe(true);

        const streamed = await translator.request(sampleRequest([], true));
        const frame =
          def.protocol === "openai"
            ? `data: ${JSON.stringify(fixture.body)}\n\n`
            : `event: error\ndata: ${JSON.stringify(fixture.body)}\n\n`;
        const failure = await readAll(
          streamOf(frame).pipeThrough(translationStream(() => translator.stream(streamed.context))),
        ).then(
          () => undefined,
          (caught: unknown) => caught,
        );
        expect(UpstreamResponseError.isInstance(failure), "a first-frame error fails the stream").toBe(true);
      });
    });
  });
}

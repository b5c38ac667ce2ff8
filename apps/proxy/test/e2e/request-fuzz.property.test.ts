import {
  anthropicRequestArbitrary,
  anthropicRequestMutantArbitrary,
  anthropicText,
  anthropicTextStream,
  type FakeAnthropic,
  type FakeOpenAI,
  type FakeProvider,
  fuzzParameters,
  fuzzTimeoutMs,
  type GeneratedAnthropicRequest,
  openaiText,
  openaiTextStream,
  type RecordedRequest,
  type RunningProxy,
  startFakeAnthropic,
  startFakeOpenAI,
  startProxy,
} from "@ccr/testkit";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postMessages, providerFor } from "./support.js";
import { anthropicBodyProblems, openAIChatBodyProblems } from "./upstream-body-checks.js";

// The proxy as users start it, fuzzed over HTTP: requests shaped like Claude Code's (arbitraries from
// @ccr/testkit) and the same damaged one way at a time, at /v1/messages and /v1/messages/count_tokens, each
// routed to an OpenAI-compatible or an Anthropic tier. Seeded and a few hundred requests in the suite;
// `pnpm fuzz` (FUZZ_RUNS, FUZZ_SEED) runs a campaign.

let proxy: RunningProxy;
let openai: FakeOpenAI;
let anthropic: FakeAnthropic;

const TIERS = { "oa,oa-model": "openai", "an,an-model": "anthropic" } as const;
type Tier = keyof typeof TIERS;

const answer = (request: RecordedRequest) => (request.body as { stream?: unknown }).stream === true;

beforeAll(async () => {
  openai = await startFakeOpenAI((request) =>
    answer(request) ? openaiTextStream(["ok"]) : openaiText("ok"),
  );
  anthropic = await startFakeAnthropic((request) =>
    answer(request) ? anthropicTextStream(["ok"]) : anthropicText("ok"),
  );
  proxy = await startProxy({
    config: {
      LOG_LEVEL: "warn",
      Providers: [providerFor("oa", openai), providerFor("an", anthropic)],
      Router: { default: "oa,oa-model", tiers: ["oa,oa-model", "an,an-model"] },
    },
  });
});

afterAll(async () => {
  await proxy?.stop();
  await openai?.close();
  await anthropic?.close();
});

/** Requests routed to either tier by an explicit `provider,model`, as Claude Code's `/model` sends it. */
const routed = fc
  .record({
    generated: anthropicRequestArbitrary(),
    tier: fc.constantFrom<Tier>("oa,oa-model", "an,an-model"),
  })
  .map(({ generated, tier }) => ({ ...generated, request: { ...generated.request, model: tier } }));

const fakeOf = (tier: string | null): FakeProvider | undefined =>
  tier === "oa,oa-model" ? openai : tier === "an,an-model" ? anthropic : undefined;

/** What the fake of the tier that answered received for this request: its last request, which must be new. */
function forwarded(response: Response, before: { openai: number; anthropic: number }) {
  const tier = response.headers.get("x-ccr-tier");
  const fake = fakeOf(tier);
  expect(fake, `answered by ${tier}`).toBeDefined();
  const sent = openai.requests.length - before.openai + anthropic.requests.length - before.anthropic;
  expect(sent, "one upstream call, no retry, no cascade").toBe(1);
  const body = fake!.requests.at(-1)!.body;
  return {
    tier: tier as Tier,
    body,
    problems: fake === openai ? openAIChatBodyProblems(body) : anthropicBodyProblems(body),
  };
}

const counts = () => ({ openai: openai.requests.length, anthropic: anthropic.requests.length });

/** POSTs `text` as it is: the deepest mutants cannot go through JSON.stringify. */
function post(path: string, text: string): Promise<Response> {
  return fetch(`${proxy.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-api-key": "client-key" },
    body: text,
  });
}

/** Mutants as text (fast-check cannot print the deepest ones as objects when reporting a failure). */
const mutants = anthropicRequestMutantArbitrary(routed).map(({ text, mutation, marker }) => ({
  text,
  mutation,
  marker,
}));

describe("the proxy under fuzzed client requests", () => {
  it(
    "answers every valid request with 200, and the upstream gets a valid body holding every marker",
    async () => {
      await fc.assert(
        fc.asyncProperty(routed, async ({ request, markers }: GeneratedAnthropicRequest) => {
          const before = counts();
          const response = await postMessages(proxy.url, request);
          const text = await response.text();
          expect(response.status, text).toBe(200);
          const { tier, body, problems } = forwarded(response, before);
          expect(tier).toBe(request.model);
          expect(problems).toEqual([]);
          const sent = JSON.stringify(body);
          for (const marker of markers) expect(sent, `${marker} reached ${tier}`).toContain(marker);
          const counted = await post("/v1/messages/count_tokens", JSON.stringify(request));
          expect(counted.status).toBe(200);
          expect(((await counted.json()) as { input_tokens: number }).input_tokens).toBeGreaterThan(0);
        }),
        fuzzParameters(60),
      );
    },
    fuzzTimeoutMs(),
  );

  it(
    "refuses a damaged request with a 4xx naming a path, or forwards it with its marker; never a 5xx",
    async () => {
      await fc.assert(
        fc.asyncProperty(mutants, async ({ text: sent, mutation, marker }) => {
          const before = counts();
          const response = await post("/v1/messages", sent);
          const text = await response.text();
          expect(response.status, `${mutation}: ${text.slice(0, 300)}`).toBeLessThan(500);
          if (response.status >= 400) {
            const error = JSON.parse(text) as { type: string; error: { type: string; message: string } };
            expect(error.type, mutation).toBe("error");
            // `messages.1.content.0.source.data: Field required`, or several such, as Anthropic's API names them.
            expect(error.error.message, mutation).toMatch(/(^|; )\S+: /);
            expect(counts(), `${mutation}: refused before any upstream call`).toEqual(before);
          } else {
            const { problems, body, tier } = forwarded(response, before);
            expect(problems, `${mutation} sent to ${tier}`).toEqual([]);
            if (marker !== undefined)
              expect(JSON.stringify(body), `${mutation}: kept for ${tier}`).toContain(marker);
          }
          const counted = await post("/v1/messages/count_tokens", sent);
          expect(counted.status, mutation).toBeLessThan(500);
        }),
        fuzzParameters(150),
      );
    },
    fuzzTimeoutMs(),
  );

  it("stays up, and no tier was counted a failure or had its circuit opened by client input", async () => {
    expect((await fetch(`${proxy.url}/health`)).status).toBe(200);
    const stats = (await (
      await fetch(`${proxy.url}/api/stats`, { headers: { "x-api-key": "client-key" } })
    ).json()) as {
      tiers: { id: string; state: string; requests: { failed: number } }[];
    };
    expect(stats.tiers.map(({ id, state, requests }) => ({ id, state, failed: requests.failed }))).toEqual([
      { id: "oa,oa-model", state: "healthy", failed: 0 },
      { id: "an,an-model", state: "healthy", failed: 0 },
    ]);
  });
});

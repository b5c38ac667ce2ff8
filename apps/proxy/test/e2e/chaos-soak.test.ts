import {
  type FakeAnthropic,
  type FakeOpenAI,
  processFootprint,
  type RecordedRequest,
  type RunningProxy,
  startFakeAnthropic,
  startFakeOpenAI,
  startProxy,
} from "@ccr/testkit";
import { Agent, fetch } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CHAOS_MODES,
  type ChaosMode,
  type ChaosProtocol,
  chaosBehaviour,
  countsAgainstHealth,
} from "./chaos-behaviours.js";
import { type ChaosApi, endsWithError, type Outcome, outcomeProblems } from "./chaos-outcomes.js";
import { type HeapInspector, inspectHeap } from "./heap-inspector.js";
import { providerFor } from "./support.js";

// A chaos soak: many concurrent streaming and non-streaming requests (from Anthropic clients, and every
// fourth from a Chat Completions client, relayed as it is to the OpenAI-compatible tiers) through a chain
// whose first two tiers (one OpenAI-compatible, one Anthropic) fail at random in every way providers fail,
// and whose last tier is healthy. Each request carries a tag the fakes echo with the attempt that answered,
// so content from two attempts or from another request shows. Each chaotic fake means to fail three attempts
// in four (as far as its circuit allows, see FailureRow), going round every failure mode in turn so each is
// served; SOAK_SEED picks which attempts fail and where each fake's round starts (printed on failure);
// SOAK_REQUESTS scales the run.

const SEED = Number(process.env.SOAK_SEED ?? 13);
const REQUESTS = Number(process.env.SOAK_REQUESTS ?? 400);
const WARM_UP = 32;
const CONCURRENCY = 16;
/** What the proxy may keep after the soak: its heap after a full collection, and its resident memory. */
const HEAP_GROWTH_LIMIT = 4 * 2 ** 20;
const RSS_GROWTH_LIMIT = 48 * 2 ** 20;
/**
 * Failures in a row a chaotic fake serves at most before answering well, so circuits (open after 5 in a row)
 * stay shut: with one to spare for a success the router records just before the fake sees its end.
 */
const MAX_FAILURES_IN_ROW = 3;

let proxy: RunningProxy;
let chaotic: { fake: FakeOpenAI | FakeAnthropic; name: string; protocol: ChaosProtocol }[];
let healthy: FakeOpenAI;
/** Client connections to the proxy, in a pool of their own, closed before sockets are counted. */
let client: Agent;
let heap: HeapInspector;
const served = new Map<ChaosMode, number>();

beforeAll(async () => {
  const keepAlive = { keepAliveTimeoutMs: 300 };
  const a = await startFakeOpenAI((request) => decide(request, "a", "openai"), keepAlive);
  const b = await startFakeAnthropic((request) => decide(request, "b", "anthropic"), keepAlive);
  healthy = await startFakeOpenAI(
    (request) => chaosBehaviour("ok", "openai", streams(request), echo(request, "c")),
    keepAlive,
  );
  chaotic = [
    { fake: a, name: "a", protocol: "openai" },
    { fake: b, name: "b", protocol: "anthropic" },
  ];
  proxy = await startProxy({
    // For the heap after a full collection (see inspectHeap); the inspector listens on loopback only.
    nodeArgs: ["--inspect=127.0.0.1:0"],
    config: {
      LOG_LEVEL: "error",
      API_TIMEOUT_MS: 1_000,
      Providers: [providerFor("a", a), providerFor("b", b), providerFor("c", healthy)],
      Router: {
        default: "a,a-model",
        tiers: ["a,a-model", "b,b-model", "c,c-model"],
        tierRetries: {
          "*": {
            max_retries: 1,
            base_backoff_ms: 5,
            max_backoff_ms: 20,
            stream_first_event_timeout_ms: 300,
            stream_idle_timeout_ms: 400,
          },
        },
      },
    },
  });
  client = new Agent();
  heap = await inspectHeap(proxy);
}, 30_000);

afterAll(async () => {
  heap?.close();
  await client?.destroy().catch(() => undefined);
  await proxy?.stop();
  await Promise.all([...(chaotic ?? []).map(({ fake }) => fake.close()), healthy?.close()]);
});

const streams = (request: RecordedRequest) => (request.body as { stream?: unknown }).stream === true;

/** The request's tag and the attempt that answers it: `TAG17@a42` is request 17, fake a's request 42. */
function echo(request: RecordedRequest, fake: string): string {
  const tag = /TAG\d+/.exec(JSON.stringify(request.body))?.[0] ?? "TAG?";
  return `${tag}@${fake}${request.index}`;
}

/**
 * A chaotic fake's failures as its tier's circuit breaker may count them in a row. The router learns how an
 * attempt went when it ends, not when the fake decides, so a failure still going on (a hang, a stream that
 * breaks later) may be counted after a success that ends sooner: a success resets the count to the failures
 * still going on, not to 0.
 */
interface FailureRow {
  /** Failures decided and not ended yet. */
  going: number;
  /** Failures the breaker may have counted in a row, or may still. */
  inRow: number;
}

const rows = new Map<string, FailureRow>();
const modes = new Map<string, string>();

const FAILURE_MODES = CHAOS_MODES.filter((mode) => mode !== "ok");
/** Each chaotic fake's place in its round of FAILURE_MODES. */
const rounds = new Map<string, number>();

/**
 * A chaotic fake's answer: whether it fails drawn from the seed, the request's tag and the fake's attempt
 * number; how, the next mode of its round.
 */
function decide(request: RecordedRequest, fake: string, protocol: ChaosProtocol) {
  const tag = echo(request, fake);
  const row = rows.get(fake) ?? { going: 0, inRow: 0 };
  rows.set(fake, row);
  let mode: ChaosMode = "ok";
  if (hash(`${SEED}:${fake}:${tag}`) % 4 !== 0 && row.inRow < MAX_FAILURES_IN_ROW) {
    const place = rounds.get(fake) ?? hash(`${SEED}:${fake}`);
    rounds.set(fake, place + 1);
    mode = FAILURE_MODES[place % FAILURE_MODES.length] as ChaosMode;
  }
  if (countsAgainstHealth(mode)) {
    row.going++;
    row.inRow++;
    void request.closed.then(() => row.going--);
  } else if (mode !== "rate_limited") {
    void request.closed.then(() => {
      row.inRow = row.going;
    });
  }
  served.set(mode, (served.get(mode) ?? 0) + 1);
  modes.set(`${fake}${request.index}`, `${mode}${streams(request) ? " stream" : ""}`);
  void request.closed.then(() => modes.delete(`${fake}${request.index}`));
  return chaosBehaviour(mode, protocol, streams(request), tag);
}

/** FNV-1a: a stable number from a string, the same on every machine. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++)
    value = Math.imul(value ^ text.charCodeAt(index), 0x01000193);
  return value >>> 0;
}

/** Request `n`: streamed or not as the seed says; every fourth from an OpenAI Chat Completions client. */
async function send(n: number): Promise<Outcome> {
  const stream = hash(`${SEED}:stream:${n}`) % 2 === 0;
  const api: ChaosApi = n % 4 === 3 ? "chat" : "messages";
  const response = await fetch(`${proxy.url}${api === "chat" ? "/v1/chat/completions" : "/v1/messages"}`, {
    method: "POST",
    dispatcher: client,
    headers: { "content-type": "application/json", "x-api-key": "client-key" },
    body: JSON.stringify({
      model: "claude-sonnet-4-5",
      max_tokens: 256,
      stream,
      messages: [{ role: "user", content: `Please answer TAG${n}.` }],
    }),
    signal: AbortSignal.timeout(15_000),
  });
  return { n, api, stream, status: response.status, text: await response.text() };
}

/** Sends requests `from`..`to` (excluded), CONCURRENCY at a time. */
async function burst(from: number, to: number): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  let next = from;
  const worker = async () => {
    while (next < to) outcomes.push(await send(next++));
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return outcomes;
}

/** Polls `read` until `done` says so or `ms` passed; the last value either way. */
async function settle<T>(read: () => T, done: (value: T) => boolean, ms: number): Promise<T> {
  const until = performance.now() + ms;
  let value = read();
  while (!done(value) && performance.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = read();
  }
  return value;
}

describe(`chaos soak (SOAK_SEED=${SEED})`, () => {
  it("answers every request whole or, after content only, with an error frame; then gives back memory and sockets", async () => {
    const fakes = () => [...chaotic.map(({ fake }) => fake), healthy];
    const openUpstream = () => fakes().reduce((sum, fake) => sum + fake.openConnections, 0);
    const footprint = () => processFootprint(proxy.pid);

    await burst(0, WARM_UP);
    await client.close();
    client = new Agent();
    await settle(openUpstream, (open) => open === 0, 3_000);
    const heapBaseline = await heap.usedAfterCollection();
    const baseline = footprint();

    const outcomes = await burst(WARM_UP, WARM_UP + REQUESTS);
    const wrong = (
      await Promise.all(outcomes.map(async (outcome) => ({ outcome, found: await outcomeProblems(outcome) })))
    )
      .filter(({ found }) => found.length > 0)
      .map(
        ({ outcome, found }) =>
          `request ${outcome.n} (${outcome.api}, ${outcome.stream ? "stream" : "json"}): ${found.join("; ")}`,
      );
    expect(wrong, `SOAK_SEED=${SEED}`).toEqual([]);
    expect(outcomes).toHaveLength(REQUESTS);

    // Every failure mode was served, and failures after content reached clients as such.
    expect(
      CHAOS_MODES.filter((mode) => !served.has(mode)),
      `SOAK_SEED=${SEED}: modes never served`,
    ).toEqual([]);
    const stats = (await (await fetch(`${proxy.url}/api/stats`, { dispatcher: client })).json()) as {
      tiers: { id: string; state: string; requests: { failed: number } }[];
    };
    expect(
      stats.tiers
        .filter((tier) => tier.state === "open" || tier.state === "half_open")
        .map((tier) => tier.id),
      "circuits opened (the chaotic tiers stopped serving: see MAX_FAILURES_IN_ROW)",
    ).toEqual([]);
    expect(
      outcomes.filter((outcome) => outcome.api === "messages" && endsWithError(outcome)).length,
    ).toBeGreaterThan(0);
    expect(
      outcomes.filter((outcome) => outcome.api === "chat" && endsWithError(outcome)).length,
    ).toBeGreaterThan(0);
    expect(stats.tiers.find((tier) => tier.id === "c,c-model")).toMatchObject({
      state: "healthy",
      requests: { failed: 0 },
    });

    // Nothing outlives its request: every upstream exchange ends (a leaked one holds its connection open past
    // the fakes' 300 ms keep-alive), and the proxy's descriptors and memory come back near where they were.
    await client.close();
    expect(
      await settle(openUpstream, (open) => open === 0, 5_000),
      `upstream connections left open: ${JSON.stringify([...modes])}`,
    ).toBe(0);
    // What the heap holds after a full collection: a few KiB kept per request would show.
    const heapAfter = await heap.usedAfterCollection();
    const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
    expect(
      heapAfter - heapBaseline,
      `heap after collection: ${mib(heapAfter)} vs ${mib(heapBaseline)} at the start`,
    ).toBeLessThan(HEAP_GROWTH_LIMIT);
    if (baseline === undefined) return; // no /proc here
    const after = await settle(footprint, (now) => (now?.openFds ?? 0) <= baseline.openFds + 2, 5_000);
    expect(after?.openFds, "proxy file descriptors").toBeLessThanOrEqual(baseline.openFds + 2);
    const rss = footprint()?.rssBytes ?? 0;
    expect(rss - baseline.rssBytes, `RSS ${mib(rss)} vs ${mib(baseline.rssBytes)} at the start`).toBeLessThan(
      RSS_GROWTH_LIMIT,
    );
  }, 60_000);
});

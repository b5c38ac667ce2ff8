// A proxy taking traffic, for scripts/dashboard-tmux-check.sh: the built `ccr start` with three tiers
// (zai rate-limits every third request, deepseek answers but has spells of 503s, minimax is down)
// and a client sending a request every 300 ms. Prints {"url","port"} once the proxy listens; stops
// everything on SIGTERM.
import { join } from "node:path";
import {
  httpError,
  openaiText,
  openaiTextStream,
  rateLimited,
  startFakeOpenAI,
  startProxy,
} from "../tooling/testkit/dist/index.js";

const home = join(process.argv[2] ?? ".", "home");
let calls = 0;
const zai = await startFakeOpenAI((request) =>
  ++calls % 3 === 0
    ? rateLimited(3)
    : request.body?.stream
      ? openaiTextStream(["Hello", " from", " zai"], {
          intervalMs: 40,
          usage: { prompt_tokens: 30, completion_tokens: 3 },
        })
      : openaiText("hello from zai", { delayMs: 200, usage: { prompt_tokens: 30, completion_tokens: 4 } }),
);
let deepseekCalls = 0;
const deepseek = await startFakeOpenAI((request) =>
  Math.floor(deepseekCalls++ / 12) % 3 === 2
    ? httpError(503, "deepseek is busy")
    : request.body?.stream
      ? openaiTextStream(["Hi", " from", " deepseek"], {
          intervalMs: 60,
          usage: { prompt_tokens: 32, completion_tokens: 3 },
        })
      : openaiText("hi from deepseek", { delayMs: 400, usage: { prompt_tokens: 32, completion_tokens: 4 } }),
);
const proxy = await startProxy({
  env: { HOME: home },
  config: {
    LOG_LEVEL: "warn",
    Providers: [
      { name: "zai", api_base_url: zai.chatCompletionsUrl, api_key: "zai-key", models: ["glm-4.6"] },
      {
        name: "deepseek",
        api_base_url: deepseek.chatCompletionsUrl,
        api_key: "ds-key",
        models: ["deepseek-chat"],
      },
      {
        name: "minimax",
        api_base_url: "http://127.0.0.1:9/v1/chat/completions",
        api_key: "mm-key",
        models: ["MiniMax-M2"],
      },
    ],
    Router: { default: "zai,glm-4.6", think: "deepseek,deepseek-chat", longContext: "minimax,MiniMax-M2" },
  },
});
process.stdout.write(`${JSON.stringify({ url: proxy.url, port: proxy.port })}\n`);

let sent = 0;
const traffic = setInterval(() => {
  const stream = sent++ % 2 === 0;
  fetch(`${proxy.url}/v1/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-api-key": "any" },
    body: JSON.stringify({
      model: "claude-sonnet-4-5",
      max_tokens: 100,
      stream,
      messages: [{ role: "user", content: "Say hello, briefly." }],
    }),
  })
    .then((response) => response.text())
    .catch(() => {});
}, 300);

process.on("SIGTERM", async () => {
  clearInterval(traffic);
  await proxy.stop();
  await Promise.all([zai.close(), deepseek.close()]);
  process.exit(0);
});

// An OpenAI-compatible upstream, so a benchmark measures the proxy in front of it. It answers at once, but for
// the model `bench-paced`, which streams like a real model: one chunk at a time, PACE_MS apart.
// Run as a child process: prints its port on stdout.
import http from "node:http";

import { LONG_STREAM_WORDS, PACE_MS, PACED_WORDS, STREAM_WORDS } from "./stream-shapes.mjs";

const completion = JSON.stringify({
  id: "chatcmpl-bench",
  object: "chat.completion",
  created: 1,
  model: "bench-model",
  choices: [
    {
      index: 0,
      message: { role: "assistant", content: "Hello from the bench upstream." },
      finish_reason: "stop",
    },
  ],
  usage: { prompt_tokens: 12, completion_tokens: 7, total_tokens: 19 },
});

function chunk(delta, finish = null) {
  return `data: ${JSON.stringify({
    id: "chatcmpl-bench",
    object: "chat.completion.chunk",
    created: 1,
    model: "bench-model",
    choices: [{ index: 0, delta, finish_reason: finish }],
  })}\n\n`;
}

/** The frames of a stream of `count` words: role, the words, finish, usage, [DONE]. */
function streamFrames(count) {
  return [
    chunk({ role: "assistant", content: "" }),
    ...Array.from({ length: count }, (_, i) => chunk({ content: `word${i} ` })),
    chunk({}, "stop"),
    `data: ${JSON.stringify({
      id: "chatcmpl-bench",
      object: "chat.completion.chunk",
      created: 1,
      model: "bench-model",
      choices: [],
      usage: { prompt_tokens: 12, completion_tokens: count, total_tokens: 12 + count },
    })}\n\n`,
    "data: [DONE]\n\n",
  ];
}

const streamBody = streamFrames(STREAM_WORDS).join("");
const longStreamBody = streamFrames(LONG_STREAM_WORDS).join("");
const pacedFrames = streamFrames(PACED_WORDS);

/** Writes each frame on its own, PACE_MS apart, as a model generating tokens does. */
function pace(res) {
  let next = 0;
  const tick = () => {
    if (res.destroyed) return;
    const frame = pacedFrames[next++];
    if (next === pacedFrames.length) res.end(frame);
    else {
      res.write(frame);
      setTimeout(tick, PACE_MS);
    }
  };
  tick();
}

const server = http.createServer((req, res) => {
  const parts = [];
  req.on("data", (c) => parts.push(c));
  req.on("end", () => {
    const body = Buffer.concat(parts).toString("utf8");
    // Anything asking for a stream gets one, whatever dialect the request is in.
    if (/"stream"\s*:\s*true/.test(body)) {
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      if (body.includes("bench-paced")) pace(res);
      else res.end(body.includes("bench-long") ? longStreamBody : streamBody);
      return;
    }
    res.writeHead(200, { "content-type": "application/json" });
    res.end(completion);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`${server.address().port}\n`);
});

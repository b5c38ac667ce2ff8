// An OpenAI-compatible upstream that answers instantly, so a benchmark measures the proxy in front of it.
// Run as a child process: prints its port on stdout.
import http from "node:http";

const STREAM_CHUNKS = 40;
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

const streamBody =
  chunk({ role: "assistant", content: "" }) +
  Array.from({ length: STREAM_CHUNKS }, (_, i) => chunk({ content: `word${i} ` })).join("") +
  chunk({}, "stop") +
  `data: ${JSON.stringify({
    id: "chatcmpl-bench",
    object: "chat.completion.chunk",
    created: 1,
    model: "bench-model",
    choices: [],
    usage: { prompt_tokens: 12, completion_tokens: STREAM_CHUNKS, total_tokens: 12 + STREAM_CHUNKS },
  })}\n\n` +
  "data: [DONE]\n\n";

const server = http.createServer((req, res) => {
  const parts = [];
  req.on("data", (c) => parts.push(c));
  req.on("end", () => {
    const body = Buffer.concat(parts).toString("utf8");
    // Anything asking for a stream gets one, whatever dialect the request is in.
    if (/"stream"\s*:\s*true/.test(body)) {
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      res.end(streamBody);
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

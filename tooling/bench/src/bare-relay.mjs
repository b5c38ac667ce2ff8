// The ceiling for any Node proxy here: read the JSON body, parse and re-serialize it,
// forward it with undici's pooled client, pipe the answer back. No translation, no routing.
import http from "node:http";
import { Pool } from "undici";

const upstream = process.argv[2];
const pool = new Pool(upstream, { connections: 128, pipelining: 1 });

const server = http.createServer((req, res) => {
  const parts = [];
  req.on("data", (c) => parts.push(c));
  req.on("end", async () => {
    try {
      const body = JSON.stringify(JSON.parse(Buffer.concat(parts).toString("utf8")));
      const answer = await pool.request({
        method: "POST",
        path: "/v1/chat/completions",
        headers: { "content-type": "application/json" },
        body,
      });
      res.writeHead(answer.statusCode, {
        "content-type": answer.headers["content-type"] ?? "application/json",
      });
      for await (const piece of answer.body) res.write(piece);
      res.end();
    } catch (error) {
      res.writeHead(502, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: String(error) }));
    }
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`${server.address().port}\n`);
});

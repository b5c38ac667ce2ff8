import { readFileSync } from "node:fs";
import { createTranslator } from "@ccr/transform";
import { estimateInputTokens } from "@ccr/router";
const text = readFileSync("/work/main/tooling/bench/fixtures/claude-code-request.json", "utf8");
const req = JSON.parse(text);
const tr = createTranslator({ protocol: "openai", model: "bench-model", provider: "bench" });
const N = 2000;
async function bench(name, f) { for (let i = 0; i < 300; i++) await f(); const t = process.hrtime.bigint(); for (let i = 0; i < N; i++) await f(); console.log(name.padEnd(28), (Number(process.hrtime.bigint() - t) / N / 1000).toFixed(1), "us"); }
await bench("JSON.parse", () => JSON.parse(text));
await bench("estimateInputTokens", () => estimateInputTokens(req));
await bench("translator.request", () => tr.request(req));
const out = (await tr.request(req)).body;
await bench("JSON.stringify translated", () => JSON.stringify(out));
await bench("JSON.stringify original", () => JSON.stringify(req));
console.log("translated chars", JSON.stringify(out).length, "orig", text.length);

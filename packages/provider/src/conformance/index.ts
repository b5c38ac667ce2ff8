// What the translation makes of an upstream tool call id, for tests of providers with their own id format.
export { normalizeToolId } from "@ccr/transform";
export type { FixtureLine } from "./chunks-to-sse.js";
export { chunksOf, chunksToSse, parseChunkLines } from "./chunks-to-sse.js";
export { expectedFromAnthropicEvents, expectedFromAnthropicResponse } from "./expected-from-anthropic.js";
export { expectedFromOpenAIChunks, expectedFromOpenAIResponse } from "./expected-from-openai.js";
export type { ExpectedMessage } from "./expected-message.js";
export { protocolUrlProblems } from "./protocol-url-problems.js";
export { translateProviderRequest } from "./provider-translator.js";
export { fixtureFileNames } from "./read-fixture.js";
export type { ProviderConformanceOptions } from "./run-provider-conformance.js";
export { runProviderConformance } from "./run-provider-conformance.js";

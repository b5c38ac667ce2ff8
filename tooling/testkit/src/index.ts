export {
  type AnthropicAnswerOptions,
  type AnthropicStreamOptions,
  anthropicErrorFirstFrame,
  anthropicText,
  anthropicTextFrames,
  anthropicTextStream,
  anthropicToolUse,
  anthropicToolUseStream,
} from "./anthropic-responses.js";
export * from "./arbitraries/index.js";
export type { Behaviour, RecordedRequest, Script, SseFrame } from "./behaviour.js";
export { hang, httpError, overloaded, rateLimited, reset } from "./failures.js";
export { type FakeProvider, type FakeProviderOptions, startFakeProvider } from "./fake-provider-server.js";
export {
  type OpenAIAnswerOptions,
  type OpenAIStreamOptions,
  openaiErrorFirstFrame,
  openaiErrorIn200,
  openaiText,
  openaiTextFrames,
  openaiTextStream,
  openaiToolCall,
  openaiToolCallStream,
  type ToolCallSpec,
} from "./openai-responses.js";
export { type ProcessFootprint, processFootprint } from "./process-footprint.js";
export { redisServerAvailable, startRedisServer, type TestRedisServer } from "./redis-server.js";
export { builtCliPath, repoRoot } from "./repo-root.js";
export { encodeSseFrame } from "./sse-encode.js";
export { type FakeAnthropic, startFakeAnthropic } from "./start-fake-anthropic.js";
export { type FakeOpenAI, startFakeOpenAI } from "./start-fake-openai.js";
export { type RunningProxy, type StartProxyOptions, startProxy } from "./start-proxy.js";

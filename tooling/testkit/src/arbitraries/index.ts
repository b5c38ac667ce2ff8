export { anthropicRequestArbitrary, type GeneratedAnthropicRequest } from "./anthropic-request.js";
export {
  type AnthropicRequestMutant,
  anthropicRequestMutantArbitrary,
  MUTATION_KINDS,
  type MutationKind,
} from "./anthropic-request-mutants.js";
export { fuzzParameters, fuzzTimeoutMs } from "./fuzz-parameters.js";
export { allPaths, deleteAt, dotPath, getAt, type JsonPath, setAt } from "./json-paths.js";
export {
  type GeneratedUpstreamAnswer,
  type UpstreamProtocol,
  upstreamAnswerArbitrary,
} from "./upstream-answer.js";
export {
  UPSTREAM_STREAM_MUTATIONS,
  type UpstreamBodyMutant,
  type UpstreamStreamMutant,
  type UpstreamStreamMutation,
  upstreamBodyMutantArbitrary,
  upstreamStreamMutantArbitrary,
} from "./upstream-answer-mutants.js";

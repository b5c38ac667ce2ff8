import { runProviderConformance } from "@ccr/provider/conformance";
import { openaiProvider } from "./openai-provider.js";

const fixturesDir = new URL("./__fixtures__/", import.meta.url);

runProviderConformance(openaiProvider, { fixturesDir });

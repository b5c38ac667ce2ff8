import { runProviderConformance } from "@ccr/provider/conformance";
import { ollamaProvider } from "./ollama-provider.js";

const fixturesDir = new URL("./__fixtures__/", import.meta.url);

runProviderConformance(ollamaProvider, { fixturesDir });

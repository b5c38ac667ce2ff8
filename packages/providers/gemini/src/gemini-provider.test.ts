import { runProviderConformance } from "@ccr/provider/conformance";
import { geminiProvider } from "./gemini-provider.js";

const fixturesDir = new URL("./__fixtures__/", import.meta.url);

runProviderConformance(geminiProvider, { fixturesDir });

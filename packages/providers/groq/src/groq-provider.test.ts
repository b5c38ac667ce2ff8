import { runProviderConformance } from "@ccr/provider/conformance";
import { groqProvider } from "./groq-provider.js";

const fixturesDir = new URL("./__fixtures__/", import.meta.url);

runProviderConformance(groqProvider, { fixturesDir });

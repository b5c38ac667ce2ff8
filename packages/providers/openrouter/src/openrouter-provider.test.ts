import { runProviderConformance } from "@ccr/provider/conformance";
import { openrouterProvider } from "./openrouter-provider.js";

const fixturesDir = new URL("./__fixtures__/", import.meta.url);

runProviderConformance(openrouterProvider, { fixturesDir });

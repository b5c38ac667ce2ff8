import { runProviderConformance } from "@ccr/provider/conformance";
import { minimaxProvider } from "./minimax-provider.js";

const fixturesDir = new URL("./__fixtures__/", import.meta.url);

runProviderConformance(minimaxProvider, { fixturesDir });

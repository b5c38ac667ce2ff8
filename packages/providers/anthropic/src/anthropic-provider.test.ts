import { runProviderConformance } from "@ccr/provider/conformance";
import { anthropicProvider } from "./anthropic-provider.js";

const fixturesDir = new URL("./__fixtures__/", import.meta.url);

runProviderConformance(anthropicProvider, { fixturesDir });

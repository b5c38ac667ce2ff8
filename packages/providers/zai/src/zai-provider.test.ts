import { runProviderConformance } from "@ccr/provider/conformance";
import { zaiProvider } from "./zai-provider.js";

const fixturesDir = new URL("./__fixtures__/", import.meta.url);

runProviderConformance(zaiProvider, { fixturesDir });

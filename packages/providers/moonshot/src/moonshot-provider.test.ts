import { runProviderConformance } from "@ccr/provider/conformance";
import { moonshotProvider } from "./moonshot-provider.js";

const fixturesDir = new URL("./__fixtures__/", import.meta.url);

runProviderConformance(moonshotProvider, { fixturesDir });

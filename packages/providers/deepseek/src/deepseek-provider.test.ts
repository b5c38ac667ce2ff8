import { runProviderConformance } from "@ccr/provider/conformance";
import { deepseekProvider } from "./deepseek-provider.js";

const fixturesDir = new URL("./__fixtures__/", import.meta.url);

runProviderConformance(deepseekProvider, { fixturesDir });

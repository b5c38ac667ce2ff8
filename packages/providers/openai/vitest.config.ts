import { providerVitestConfig } from "../vitest.provider";

export default providerVitestConfig(new URL("./package.json", import.meta.url));

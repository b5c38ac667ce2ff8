import { providerTsupConfig } from "../tsup.provider";

export default providerTsupConfig(new URL("./package.json", import.meta.url));

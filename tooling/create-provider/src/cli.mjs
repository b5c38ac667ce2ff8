#!/usr/bin/env node
// `pnpm new:provider <id> [--display-name "Name"] [--root DIR]`: creates packages/providers/<id> from the template.
import { relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createProvider } from "./create-provider.mjs";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { "display-name": { type: "string" }, root: { type: "string" } },
});
const id = positionals[0];
if (!id || positionals.length > 1) {
  console.error('usage: pnpm new:provider <id> [--display-name "Display Name"]   (id: e.g. "my-cloud")');
  process.exit(2);
}
const root = resolve(values.root ?? fileURLToPath(new URL("../../../", import.meta.url)));
try {
  const files = createProvider({ id, root, displayName: values["display-name"] });
  console.log(`Created @ccr/provider-${id}:\n${files.map((file) => `  ${file}`).join("\n")}`);
  console.log(`
Next:
  1. pnpm install                      (links the new workspace package)
  2. Fill in packages/providers/${id}/src/${id}-provider.ts (URL, auth, transformers, the model table with sources)
     and put the provider's quirks in src/${id}-transformer.ts (or remove it)
  3. Replace the example fixtures in src/__fixtures__/ with responses recorded from the provider
  4. pnpm --filter @ccr/provider-${id} test && pnpm check:providers
  5. Add the provider to docs/providers.md
Guide: ${relative(process.cwd(), resolve(root, "docs/adding-a-provider.md"))}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

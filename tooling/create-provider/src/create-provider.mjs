import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { providerNames } from "./provider-names.mjs";

const TEMPLATE_DIR = fileURLToPath(new URL("../template/", import.meta.url));

/** @param {string} dir @returns {string[]} template files relative to `dir` */
function listFiles(dir, prefix = "") {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(dir, join(prefix, entry.name)) : [join(prefix, entry.name)],
  );
}

/**
 * Writes a new provider package `packages/providers/<id>` (and its changeset) under `root`,
 * from the template: every `__NAME__`, `__CAMEL__`, `__DISPLAY__`, `__ENV__` and `__KEY__` replaced; its
 * LICENSE is a copy of the repository's (npm shows a package's own).
 * Refuses to overwrite an existing package. Returns the written paths, relative to `root`.
 * @param {{ id: string; root: string; displayName?: string }} options
 * @returns {string[]}
 */
export function createProvider({ id, root, displayName }) {
  const names = providerNames(id, { displayName });
  const packageDir = join(root, "packages", "providers", id);
  if (existsSync(packageDir))
    throw new Error(`${relative(root, packageDir)} already exists; pick another id`);
  const fill = (/** @type {string} */ text) =>
    text
      .replaceAll("__NAME__", names.name)
      .replaceAll("__CAMEL__", names.camel)
      .replaceAll("__DISPLAY__", names.display)
      .replaceAll("__ENV__", names.env)
      .replaceAll("__KEY__", names.key);

  const written = [];
  for (const file of listFiles(TEMPLATE_DIR)) {
    const target =
      file === "changeset.md.tmpl"
        ? join(root, ".changeset", `provider-${id}.md`)
        : join(packageDir, fill(file.replace(/\.tmpl$/, "")));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, fill(readFileSync(join(TEMPLATE_DIR, file), "utf8")));
    written.push(relative(root, target));
  }
  copyFileSync(join(root, "LICENSE"), join(packageDir, "LICENSE"));
  written.push(relative(root, join(packageDir, "LICENSE")));
  return written.sort();
}

const PROVIDER_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * The names a provider package is made of, from its id (`my-cloud`):
 * the export prefix (`myCloud` → `myCloudProvider`), a display name, the usual key variable, and the id as an
 * object key (quoted only when it must be: `acme`, `"my-cloud"`).
 * @param {string} id
 * @param {{ displayName?: string }} [options]
 */
export function providerNames(id, options = {}) {
  if (!PROVIDER_ID.test(id)) {
    throw new Error(
      `"${id}" is not a valid provider id: use lower-case letters and digits, words separated by single dashes (e.g. "my-cloud")`,
    );
  }
  const words = id.split("-");
  return {
    name: id,
    camel:
      words[0] +
      words
        .slice(1)
        .map((word) => word[0].toUpperCase() + word.slice(1))
        .join(""),
    display: options.displayName ?? words.map((word) => word[0].toUpperCase() + word.slice(1)).join(" "),
    env: `${id.toUpperCase().replaceAll("-", "_")}_API_KEY`,
    key: id.includes("-") ? JSON.stringify(id) : id,
  };
}

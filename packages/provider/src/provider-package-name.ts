const PROVIDER_ID = /^[a-z][a-z0-9-]*$/;

/**
 * The npm package a config's `"provider"` value refers to: a bare id names a package of this
 * repository (`deepseek` → `@ccr/provider-deepseek`); anything else (`@someone/ccr-provider-foo`,
 * `ccr-provider-foo`) is already a package name and is returned unchanged.
 */
export function providerPackageName(ref: string): string {
  if (PROVIDER_ID.test(ref) && !ref.startsWith("ccr-provider-")) return `@ccr/provider-${ref}`;
  return ref;
}

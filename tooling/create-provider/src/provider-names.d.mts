/** The names a provider package is made of, from its id. Throws for an id that cannot name a package. */
export function providerNames(
  id: string,
  options?: { displayName?: string },
): { name: string; camel: string; display: string; env: string; key: string };

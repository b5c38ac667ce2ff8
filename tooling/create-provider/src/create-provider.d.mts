/** Writes a new provider package (and its changeset) under `root`; returns the written paths relative to it. */
export function createProvider(options: { id: string; root: string; displayName?: string }): string[];

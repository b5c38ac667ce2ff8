declare const __PACKAGE_VERSION__: string;

/** Injected at build time by tsup (and by vitest's `define` in tests). */
export const VERSION: string = __PACKAGE_VERSION__;

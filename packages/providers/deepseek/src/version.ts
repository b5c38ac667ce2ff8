// Replaced at build time by tsup and at test time by vitest (`define` in both configs).
declare const __PACKAGE_VERSION__: string;

/** The version of this provider package. */
export const VERSION: string = __PACKAGE_VERSION__;

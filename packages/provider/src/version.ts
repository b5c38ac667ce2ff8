// Replaced at build time by tsup and at test time by vitest (`define` in both configs). Packages that run
// this one from source in their own tests (config, router, metrics) define nothing, hence the fallback.
declare const __PACKAGE_VERSION__: string | undefined;

/** The version of `@ccr/provider`. */
export const VERSION: string = typeof __PACKAGE_VERSION__ === "string" ? __PACKAGE_VERSION__ : "0.0.0-source";

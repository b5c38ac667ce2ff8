export { type AppDeps, createApp, DEFAULT_MAX_BODY_BYTES, type ProxyLogger } from "./server/create-app.js";
export type { ProxyRouter, RouterHandleOptions, RouterResponse } from "./server/proxy-router.js";
export { StartError, type StartErrorCode } from "./server/start-error.js";
export { type RunningServer, type StartServerOptions, startServer } from "./server/start-server.js";
export { VERSION } from "./version.js";

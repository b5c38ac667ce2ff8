export {
  createRequestListener,
  DEFAULT_MAX_BODY_BYTES,
  type RequestListenerDeps,
} from "./server/create-request-listener.js";
export type { ProxyLogger } from "./server/proxy-logger.js";
export type { ProxyRouter } from "./server/proxy-router.js";
export { StartError, type StartErrorCode } from "./server/start-error.js";
export { type RunningServer, type StartServerOptions, startServer } from "./server/start-server.js";
export { VERSION } from "./version.js";

export { minimaxProvider } from "./minimax-provider.js";
export { VERSION } from "./version.js";

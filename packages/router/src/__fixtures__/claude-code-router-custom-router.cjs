// A CUSTOM_ROUTER_PATH module written for claude-code-router: CommonJS, reads req.body, req.tokenCount,
// req.sessionId, req.log and config.Providers / config.Router as claude-code-router passes them.
module.exports = async function router(req, config) {
  const user = req.body.messages.find((message) => message.role === "user")?.content;
  req.log.info(`custom router: ${req.tokenCount} tokens, session ${req.sessionId}`);
  if (typeof user === "string" && user.includes("explain this code")) {
    const provider = config.Providers.find((entry) => entry.name === "b");
    return `${provider.name},${provider.models[0]}`;
  }
  return config.Router.default;
};

/** A provider entry as written in a config file, for tests. */
export function provider(name: string, models: string[], extra: Record<string, unknown> = {}) {
  return {
    name,
    api_base_url: `https://${name}.example.com/v1`,
    api_key: `${name}-key-123456`,
    models,
    ...extra,
  };
}

/** The seed's three providers: zai, deepseek, minimax. */
export const seedProviders = [
  provider("zai", ["glm-4.7"]),
  provider("deepseek", ["deepseek-chat", "deepseek-reasoner"]),
  provider("minimax", ["MiniMax-M2.1"]),
];

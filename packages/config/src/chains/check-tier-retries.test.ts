import { describe, expect, it } from "vitest";
import { seedProviders } from "../__fixtures__/test-configs.js";
import { catchConfigError } from "../__fixtures__/test-support.js";
import { normalizeConfig } from "../normalize/normalize-config.js";

const router = {
  default: "zai,glm-4.7",
  think: "deepseek,deepseek-chat",
  longContext: "minimax,MiniMax-M2.1",
};
const load = (tierRetries: Record<string, unknown>) =>
  normalizeConfig({ Providers: seedProviders, Router: { ...router, tierRetries } }, { env: {} });

describe("tierRetries keys", () => {
  it("rejects a position written with a leading zero, which no tier would ever look up", () => {
    const error = catchConfigError(() => load({ "tier-01": { max_retries: 9 } }));
    expect(error.issues).toMatchObject([
      {
        path: "Router.tierRetries.tier-01",
        message: "matches no tier",
        suggestion: 'did you mean "tier-1"?',
      },
    ]);
  });

  it("applies every key it accepts to some tier", () => {
    const { config } = load({
      "*": { max_retries: 1 },
      "tier-2": { max_retries: 2 },
      deepseek: { base_backoff_ms: 7 },
      "zai,glm-4.7": { max_backoff_ms: 9 },
    });
    const [zai, deepseek, minimax] = config.chains.default;
    expect(zai?.retry).toMatchObject({ maxRetries: 1, maxBackoffMs: 9 });
    expect(deepseek?.retry).toMatchObject({ maxRetries: 1, baseBackoffMs: 7 });
    expect(minimax?.retry).toMatchObject({ maxRetries: 2 });
  });
});

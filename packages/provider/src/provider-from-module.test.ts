import { describe, expect, it } from "vitest";
import type { ProviderDefinition } from "./provider-definition.js";
import { ProviderDefinitionError } from "./provider-definition-error.js";
import { providerFromModule } from "./provider-from-module.js";

const fooProvider: ProviderDefinition = {
  id: "foo",
  displayName: "Foo",
  defaultBaseUrl: "https://api.foo.test/v1",
  protocol: "openai",
  auth: { style: "bearer" },
  apiKeyEnv: "FOO_API_KEY",
  transformers: [],
  models: [
    {
      id: "foo-1",
      contextWindow: 8000,
      maxOutputTokens: 1000,
      capabilities: { tools: true, vision: false, reasoning: false },
      pricing: { input: 0, output: 0 },
    },
  ],
};

describe("providerFromModule", () => {
  it("takes the export named ...Provider", () => {
    expect(providerFromModule({ fooProvider, VERSION: "1.0.0" }, "@someone/ccr-provider-foo").id).toBe("foo");
  });

  it("takes a default export", () => {
    expect(providerFromModule({ default: fooProvider }, "ccr-provider-foo").id).toBe("foo");
  });

  it("finds named exports of a CJS package imported from ESM", () => {
    expect(providerFromModule({ default: { fooProvider } }, "ccr-provider-foo").id).toBe("foo");
  });

  it("counts one definition exported under two names once", () => {
    expect(providerFromModule({ default: fooProvider, fooProvider }, "ccr-provider-foo").id).toBe("foo");
  });

  it("names the package when it exports no definition", () => {
    expect(() => providerFromModule({ VERSION: "1" }, "ccr-provider-foo")).toThrow(
      'ccr-provider-foo: expected exactly one provider definition (a default export or an export named "<name>Provider"), found none',
    );
  });

  it("rejects an invalid definition with every problem", () => {
    let error: unknown;
    try {
      providerFromModule({ fooProvider: { ...fooProvider, defaultBaseUrl: "nope" } }, "ccr-provider-foo");
    } catch (caught) {
      error = caught;
    }
    expect(ProviderDefinitionError.isInstance(error)).toBe(true);
    expect((error as ProviderDefinitionError).issues).toEqual([
      "ccr-provider-foo: defaultBaseUrl: must be an absolute URL",
    ]);
  });
});

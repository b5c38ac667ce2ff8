// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings test the ${VAR} syntax itself.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { interpolateEnv, interpolateString } from "./interpolate-env.js";

describe("interpolateString", () => {
  const env = { KEY: "sk-1", EMPTY: "", HOME: "/home/u" };

  it("replaces $VAR and ${VAR}, inside longer strings too", () => {
    expect(interpolateString("$KEY", env).value).toBe("sk-1");
    expect(interpolateString("${KEY}", env).value).toBe("sk-1");
    expect(interpolateString("Bearer ${KEY}/x", env).value).toBe("Bearer sk-1/x");
    expect(interpolateString("$HOME/.ccr/$KEY", env).value).toBe("/home/u/.ccr/sk-1");
  });

  it("treats a variable set to the empty string as set", () => {
    expect(interpolateString("$EMPTY", env)).toEqual({ value: "", missing: [] });
  });

  it("reports every unset variable by name", () => {
    expect(interpolateString("$NOPE and ${ALSO_NOPE} and $KEY", env).missing).toEqual(["NOPE", "ALSO_NOPE"]);
  });

  it("keeps a $ that starts no variable, and reads $$ as a literal $", () => {
    expect(interpolateString("costs $5, ${ not a var", env).value).toBe("costs $5, ${ not a var");
    expect(interpolateString("pa$$word $$KEY", env)).toEqual({ value: "pa$word $KEY", missing: [] });
  });

  it("leaves any string without $ unchanged", () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !s.includes("$")),
        (text) => {
          expect(interpolateString(text, env)).toEqual({ value: text, missing: [] });
        },
      ),
    );
  });

  it("substitutes any value, whatever it contains, exactly once", () => {
    const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,12}$/);
    const plain = fc.string().filter((s) => !s.includes("$"));
    fc.assert(
      fc.property(name, fc.string(), plain, plain, (variable, value, before, after) => {
        const result = interpolateString(`${before}\${${variable}}${after}`, { [variable]: value });
        expect(result).toEqual({ value: `${before}${value}${after}`, missing: [] });
      }),
    );
  });
});

describe("interpolateEnv", () => {
  it("walks every string value of the tree and reports unset variables with their JSON path", () => {
    const raw = { Providers: [{ api_key: "$A", models: ["${B}"] }], "odd key": "$C", n: 1, t: true, z: null };
    const { value, issues } = interpolateEnv(raw, { A: "a" });
    expect(value).toEqual({
      Providers: [{ api_key: "a", models: ["${B}"] }],
      "odd key": "$C",
      n: 1,
      t: true,
      z: null,
    });
    expect(issues.map((issue) => [issue.path, issue.message])).toEqual([
      ["Providers[0].models[0]", "environment variable B is not set"],
      ['["odd key"]', "environment variable C is not set"],
    ]);
    expect(raw.Providers[0]?.api_key).toBe("$A");
  });

  it('rejects a "__proto__" key wherever it is', () => {
    const raw = JSON.parse('{"Router": {"__proto__": {"default": "x"}}}');
    const { value, issues } = interpolateEnv(raw, {});
    expect(value).toEqual({ Router: {} });
    expect(Object.getPrototypeOf((value as { Router: object }).Router)).toBe(Object.prototype);
    expect(issues).toEqual([{ path: "Router.__proto__", message: "is not allowed as a key" }]);
  });

  it("does not interpolate object keys", () => {
    expect(interpolateEnv({ $A: "x" }, { A: "a" }).value).toEqual({ $A: "x" });
  });

  it("returns any JSON value without $ unchanged", () => {
    const noDollar = fc.string().filter((s) => !s.includes("$"));
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: "small" },
        noDollar,
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie("value"), { maxLength: 4 }),
        fc.dictionary(
          fc.string().filter((key) => key !== "__proto__"),
          tie("value"),
          { maxKeys: 4 },
        ),
      ),
    })).value;
    fc.assert(
      fc.property(json, (value) => {
        expect(interpolateEnv(value, {})).toEqual({ value, issues: [] });
      }),
    );
  });
});

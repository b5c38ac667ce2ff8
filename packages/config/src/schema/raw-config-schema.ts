import type { TransformerSpec } from "@ccr/provider";
import * as v from "valibot";
import { describeValue } from "../issues/describe-value.js";
import {
  blankableText,
  booleanSetting,
  list,
  nonEmptyText,
  numberSetting,
  oneOf,
  plainObject,
  setting,
} from "./schema-values.js";

// The shape of the file users already have (claude-code-router / Rust CCR `config.json`). Only the shape is
// checked here; cross references (`"provider,model"`, tierRetries keys) are checked once providers are known.

const transformerSpec = setting<TransformerSpec>((value) => {
  const expected = 'a transformer name or ["name", {options}]';
  if (typeof value === "string" && value.trim() !== "") return { ok: true, value: { name: value.trim() } };
  if (Array.isArray(value) && (value.length === 1 || value.length === 2) && typeof value[0] === "string") {
    const [name, options] = value;
    if (options === undefined) return { ok: true, value: { name } };
    if (typeof options === "object" && options !== null && !Array.isArray(options)) {
      return { ok: true, value: { name, options: options as Record<string, unknown> } };
    }
  }
  return { ok: false, expected };
});

/** One key (`""` means unset, as claude-code-router writes it), or a list of keys: checked by normalizeKeyPool. */
const apiKeySetting = setting<string | undefined | readonly unknown[]>((value) => {
  if (typeof value === "string") return { ok: true, value: value.trim() === "" ? undefined : value };
  if (Array.isArray(value)) return { ok: true, value };
  return { ok: false, expected: "a key, or a list of keys" };
});

const transformerUse = v.looseObject({ use: v.optional(list(transformerSpec)) }, "must be an object");

export const rawProviderSchema = v.looseObject(
  {
    name: v.pipe(
      nonEmptyText("a provider name"),
      v.check((name) => !name.includes(","), 'must not contain a comma (it separates "provider,model")'),
    ),
    api_base_url: setting<string>((value) => {
      const expected = "an http(s) URL";
      if (typeof value !== "string") return { ok: false, expected };
      try {
        const url = new URL(value.trim());
        if (url.protocol === "http:" || url.protocol === "https:") return { ok: true, value: value.trim() };
      } catch {
        // fall through to the issue below
      }
      return { ok: false, expected };
    }),
    api_key: v.optional(apiKeySetting),
    api_keys: v.optional(list(v.unknown())),
    models: v.pipe(list(nonEmptyText("a model name")), v.minLength(1, "must list at least one model")),
    transformer: v.optional(v.objectWithRest({ use: v.optional(list(transformerSpec)) }, transformerUse)),
    protocol: v.optional(oneOf(["openai", "anthropic"] as const)),
  },
  "must be an object",
);
export type RawProvider = v.InferOutput<typeof rawProviderSchema>;

export const rawRetrySchema = v.looseObject(
  {
    max_retries: v.optional(numberSetting({ integer: true, min: 0 })),
    base_backoff_ms: v.optional(numberSetting({ integer: true, min: 0 })),
    backoff_multiplier: v.optional(numberSetting({ min: 1 })),
    max_backoff_ms: v.optional(numberSetting({ integer: true, min: 0 })),
    stream_first_event_timeout_ms: v.optional(numberSetting({ integer: true, min: 0, exclusiveMin: true })),
    stream_idle_timeout_ms: v.optional(numberSetting({ integer: true, min: 0, exclusiveMin: true })),
  },
  "must be an object",
);
export type RawRetry = v.InferOutput<typeof rawRetrySchema>;

const tierText = () => nonEmptyText('a "provider,model" string');
// claude-code-router's UI saves unset routes as "": that means "not set", not an error.
const optionalTierText = () =>
  v.optional(
    setting<string | undefined>((value) =>
      typeof value === "string"
        ? { ok: true, value: value.trim() === "" ? undefined : value.trim() }
        : { ok: false, expected: 'a "provider,model" string' },
    ),
  );

export const rawRouterSchema = v.looseObject(
  {
    default: tierText(),
    background: optionalTierText(),
    think: optionalTierText(),
    longContext: optionalTierText(),
    longContextThreshold: v.optional(numberSetting({ integer: true, min: 0, exclusiveMin: true })),
    webSearch: optionalTierText(),
    image: optionalTierText(),
    tiers: v.optional(list(tierText())),
    tierRetries: v.optional(v.record(v.string(), rawRetrySchema, "must be an object")),
  },
  "must be an object",
);

export const rawFallbackSchema = v.record(v.string(), list(tierText()), "must be an object");

export const rawPresetSchema = v.looseObject({ route: optionalTierText() }, "must be an object");

const rawCustomTransformerSchema = v.looseObject(
  { path: nonEmptyText("a module path"), options: v.optional(plainObject()) },
  "must be an object",
);

/** `state.redis`: refused without repeating the value, which may hold a password. */
const redisUrl = v.pipe(
  v.unknown(),
  v.rawTransform<unknown, string | undefined>(({ dataset, addIssue, NEVER }) => {
    const value = dataset.value;
    if (typeof value === "string" && value.trim() === "") return undefined;
    if (typeof value === "string" && /^rediss?:\/\/[^/]/.test(value.trim())) return value.trim();
    addIssue({
      message: "must be a Redis URL",
      expected: "redis://[user:password@]host[:port][/db], or rediss://... for TLS",
      received:
        typeof value === "string"
          ? "another string (not shown: it may hold a password)"
          : describeValue(value),
    });
    return NEVER;
  }),
);

export const rawStateSchema = v.looseObject({ redis: v.optional(redisUrl) }, "must be an object");

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace"] as const;

/** Top-level scalar settings; the sections (Providers, Router, ...) are checked on their own. */
export const rawSettingsSchema = v.looseObject({
  HOST: v.optional(nonEmptyText("a host name or IP address")),
  PORT: v.optional(numberSetting({ integer: true, min: 0, max: 65535 })),
  APIKEY: v.optional(blankableText()),
  LOG: v.optional(booleanSetting()),
  LOG_LEVEL: v.optional(oneOf(LOG_LEVELS)),
  API_TIMEOUT_MS: v.optional(numberSetting({ integer: true, min: 0, exclusiveMin: true })),
  PROXY_URL: v.optional(blankableText()),
  NON_INTERACTIVE_MODE: v.optional(booleanSetting()),
  CUSTOM_ROUTER_PATH: v.optional(blankableText()),
  transformers: v.optional(list(rawCustomTransformerSchema)),
  state: v.optional(rawStateSchema),
});

/** Every top-level key this package reads. */
export const KNOWN_TOP_LEVEL_KEYS: ReadonlySet<string> = new Set([
  ...Object.keys(rawSettingsSchema.entries),
  "Providers",
  "providers",
  "Router",
  "Presets",
  "fallback",
]);

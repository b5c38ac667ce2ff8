import { type CcrConfig, normalizeConfig } from "@ccr/config";

/** A demo tier as `ccr demo` prints it. */
export interface DemoTier {
  readonly id: string;
  readonly behaviour: string;
}

export const DEMO_RETRY_AFTER_SECONDS = 3;

export const DEMO_TIERS = {
  primary: { provider: "demo-primary", model: "fast-model" },
  backup: { provider: "demo-backup", model: "steady-model" },
} as const;

/**
 * The config of `ccr demo`: two tiers on the demo providers' URLs, the first cascading to the second.
 * Built through @ccr/config like any file, so the demo runs exactly the code a real config does.
 */
export function demoConfig(urls: { primary: string; backup: string }): CcrConfig {
  const { primary, backup } = DEMO_TIERS;
  const tiers = [`${primary.provider},${primary.model}`, `${backup.provider},${backup.model}`];
  return normalizeConfig(
    {
      LOG_LEVEL: "info",
      Providers: [
        { name: primary.provider, api_base_url: urls.primary, models: [primary.model] },
        { name: backup.provider, api_base_url: urls.backup, models: [backup.model] },
      ],
      Router: {
        default: tiers[0],
        tiers,
        tierRetries: { "*": { max_retries: 1, base_backoff_ms: 50, stream_first_event_timeout_ms: 10_000 } },
      },
    },
    { env: {} },
  ).config;
}

export function describeDemoTiers(): DemoTier[] {
  const { primary, backup } = DEMO_TIERS;
  return [
    {
      id: `${primary.provider},${primary.model}`,
      behaviour: `rate-limits every other request (429, Retry-After ${DEMO_RETRY_AFTER_SECONDS} s)`,
    },
    { id: `${backup.provider},${backup.model}`, behaviour: "always answers" },
  ];
}

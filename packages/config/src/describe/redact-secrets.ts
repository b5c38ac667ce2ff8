import type { CcrConfig } from "../types.js";

// Below this, replacing a value would mangle ordinary words more than it protects anything.
const MIN_SECRET_LENGTH = 4;

/**
 * Replaces every provider API key (each key of a key pool too), the APIKEY value and the password of the
 * `state.redis` URL found in `text` with `***`. A key that is also a provider name or a model id (Ollama's
 * placeholder key `"ollama"`) is public already and left alone, so log lines keep naming their tier.
 */
export function redactSecrets(text: string, config: CcrConfig): string {
  const providers = Object.values(config.providers);
  const publicNames = new Set(providers.flatMap((provider) => [provider.name, ...provider.models]));
  const secrets = [
    config.apiKey,
    ...redisPassword(config.state?.redisUrl),
    ...providers.flatMap((provider) => [provider.apiKey, ...(provider.keyPool ?? []).map((key) => key.key)]),
  ]
    .filter(
      (secret): secret is string =>
        secret !== undefined && secret.length >= MIN_SECRET_LENGTH && !publicNames.has(secret),
    )
    // Longest first, so a key that contains another is replaced whole.
    .sort((a, b) => b.length - a.length);
  let out = text;
  for (const secret of secrets) out = out.split(secret).join("***");
  return out;
}

/** The password of a Redis URL as written (percent-encoded) and as decoded. */
function redisPassword(url: string | undefined): string[] {
  if (url === undefined) return [];
  try {
    const password = new URL(url).password;
    return password === "" ? [] : [password, decodeURIComponent(password)];
  } catch {
    return [];
  }
}

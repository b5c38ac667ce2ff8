import type { CcrConfig } from "../types.js";

// Below this, replacing a value would mangle ordinary words more than it protects anything.
const MIN_SECRET_LENGTH = 4;

/**
 * Replaces every provider API key and the APIKEY value found in `text` with `***`. A key that is also a
 * provider name or a model id (Ollama's placeholder key `"ollama"`) is public already and left alone, so
 * log lines keep naming their tier.
 */
export function redactSecrets(text: string, config: CcrConfig): string {
  const providers = Object.values(config.providers);
  const publicNames = new Set(providers.flatMap((provider) => [provider.name, ...provider.models]));
  const secrets = [config.apiKey, ...providers.map((provider) => provider.apiKey)]
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

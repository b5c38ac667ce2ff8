import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { type ParseError, parse } from "jsonc-parser";
import type { Env } from "./ccr-home.js";
import { isLoopbackHost } from "./is-loopback-host.js";

export const DEFAULT_HOST = "127.0.0.1";
export const DEFAULT_PORT = 3456;

/** The three settings a client of the proxy needs: where it listens and the key it wants. */
export interface ClientSettings {
  /** The config file they were read from. */
  readonly path: string;
  /** False when there is no readable file there: host and port are then the defaults. */
  readonly found: boolean;
  readonly host: string;
  readonly port: number;
  readonly apiKey?: string;
  /** `$VAR`s of HOST, PORT or APIKEY that are not set (their setting is then left out). */
  readonly unsetVariables: readonly string[];
  /** Why a setting was ignored (not JSON, a PORT that is not a port...). */
  readonly problems: readonly string[];
}

// As @ccr/config interpolates: `$$` is a literal dollar, `${NAME}` and `$NAME` are variables.
const REFERENCE = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/**
 * HOST, PORT and APIKEY of the config (`path`, else `CCR_CONFIG`, else the default file), and nothing else:
 * client commands (`code`, `status`, `statusline`...) must not fail because a provider key is not
 * exported or a provider entry is wrong, and must stay fast. A missing or broken file gives the defaults.
 */
export function readClientSettings(options: { path?: string; env: Env }): ClientSettings {
  const path = configPath(options.path, options.env);
  const defaults = { path, host: DEFAULT_HOST, port: DEFAULT_PORT, unsetVariables: [] };
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return { ...defaults, found: false, problems: [] };
  }
  const errors: ParseError[] = [];
  const raw = parse(text, errors, { allowTrailingComma: true, disallowComments: false }) as unknown;
  if (errors.length > 0 || typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return { ...defaults, found: true, problems: [`${path} is not valid JSON: run ccr validate`] };
  }
  const file = raw as Record<string, unknown>;
  const unsetVariables: string[] = [];
  const problems: string[] = [];
  const setting = (key: string): string | undefined => {
    const value = file[key];
    if (typeof value === "number") return String(value);
    if (typeof value !== "string") {
      if (value !== undefined && value !== null) problems.push(`${key} is not a string or a number`);
      return undefined;
    }
    const missing: string[] = [];
    const resolved = value.replace(REFERENCE, (match, braced?: string, bare?: string) => {
      const name = braced ?? bare;
      if (name === undefined) return "$";
      const found = options.env[name];
      if (found === undefined) missing.push(name);
      return found ?? match;
    });
    if (missing.length > 0) {
      unsetVariables.push(...missing);
      return undefined;
    }
    // An empty setting means "not set", as in claude-code-router.
    return resolved === "" ? undefined : resolved;
  };

  const host = setting("HOST");
  const portText = setting("PORT");
  const apiKey = setting("APIKEY");
  let port = DEFAULT_PORT;
  if (portText !== undefined) {
    const parsed = Number(portText);
    if (/^\d+$/.test(portText.trim()) && parsed <= 65535) port = parsed;
    else problems.push(`PORT ${JSON.stringify(portText)} is not a port number`);
  }
  return {
    path,
    found: true,
    // Without APIKEY the proxy never binds beyond loopback (see @ccr/config), so that is where it is.
    host: host !== undefined && (apiKey !== undefined || isLoopbackHost(host)) ? host : DEFAULT_HOST,
    port,
    ...(apiKey !== undefined && { apiKey }),
    unsetVariables,
    problems,
  };
}

/**
 * `resolveConfigPath` of @ccr/config, restated so that `ccr statusline` (run on every redraw of Claude
 * Code's screen) does not load @ccr/config and valibot: `--config`, then `CCR_CONFIG`, then the default
 * file, with a leading `~/` expanded. client-settings.test.ts checks that both agree.
 */
export function configPath(path: string | undefined, env: Env): string {
  const home = env.HOME || homedir();
  const absolute = (value: string) => (value.startsWith("~/") ? join(home, value.slice(2)) : resolve(value));
  if (path !== undefined && path !== "") return absolute(path);
  if (env.CCR_CONFIG !== undefined && env.CCR_CONFIG !== "") return absolute(env.CCR_CONFIG);
  return join(home, ".claude-code-router", "config.json");
}

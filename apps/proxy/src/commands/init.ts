import { copyFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname } from "node:path";
import { didYouMean, resolveConfigPath } from "@ccr/config";
import type { ProviderDefinition } from "@ccr/provider";
import { installStatusLine } from "../runtime/claude-settings.js";
import { cliInvocation } from "../runtime/cli-invocation.js";
import { BUNDLED_PROVIDER_IDS, loadProviderPackages } from "../runtime/provider-packages.js";
import { type CommandIo, processIo } from "./command-io.js";
import { type InitTier, initConfigText, keyVariable } from "./init-config-text.js";
import { alignColumns } from "./start-banner.js";
import { validateCommand } from "./validate.js";

export interface InitOptions {
  config?: string;
  /** `--provider id` or `--provider id,model`, in tier order. Without any: asked on a terminal. */
  provider?: string[];
  port?: number;
  force?: boolean;
  /** Install `ccr statusline` in Claude Code's settings; undefined: asked on a terminal, not done otherwise. */
  statusline?: boolean;
  /** Whether questions may be asked; default: stdin and stdout are a terminal. */
  tty?: boolean;
}

/**
 * `ccr init`: writes a commented config from the provider packages shipped with CCR, the tiers in the
 * order given (flags) or chosen (questions on a terminal), keys as `$VARS`; then checks it as `ccr
 * validate` does, listing the variables not exported yet instead of failing. Never overwrites a file
 * without `--force`. Exit 0 when written and valid, 1 on a problem, 2 for bad flags.
 */
export async function initCommand(options: InitOptions, io: CommandIo = processIo): Promise<number> {
  const path = resolveConfigPath({
    ...(options.config !== undefined && { path: options.config }),
    env: io.env,
    homeDir: io.env.HOME || homedir(),
  });
  if (existsSync(path) && !options.force) {
    io.stderr(
      `${path} exists: not overwritten. Pass --force to replace it (the old file is kept as ${path}.bak), or --config to write elsewhere\n`,
    );
    return 1;
  }
  const catalog = await providerCatalog(path);
  const tty = options.tty ?? (process.stdin.isTTY === true && process.stdout.isTTY === true);

  let tiers: InitTier[];
  let statusLine = options.statusline ?? false;
  if (options.provider && options.provider.length > 0) {
    const parsed = tiersFromFlags(options.provider, catalog);
    if (typeof parsed === "string") {
      io.stderr(parsed);
      return 2;
    }
    tiers = parsed;
  } else if (tty) {
    const { askInitAnswers } = await import("./init-prompts.js");
    const answers = await askInitAnswers(catalog, io.env, {
      configPath: path,
      askStatusLine: options.statusline === undefined,
    });
    if (!answers) return 1;
    tiers = answers.tiers;
    statusLine = answers.statusLine ?? statusLine;
  } else {
    io.stderr(
      `no provider given: pass --provider for each tier, in order (one of ${catalog.map((p) => p.id).join(", ")}; ` +
        "id,model picks a model), or run ccr init in a terminal to choose\n",
    );
    return 2;
  }

  mkdirSync(dirname(path), { recursive: true });
  if (existsSync(path)) copyFileSync(path, `${path}.bak`);
  writeFileSync(path, initConfigText({ tiers, ...(options.port !== undefined && { port: options.port }) }));
  io.stdout(`Wrote ${path}\n\n`);
  const valid = await validateCommand({ config: path, allowUnsetVariables: true }, io);

  const cli = cliInvocation(io.env);
  if (statusLine)
    io.stdout(describeStatusLineInstall(installStatusLine({ command: `${cli} statusline`, env: io.env })));
  const unset = tiers.flatMap(({ provider }) => {
    const variable = keyVariable(provider);
    return variable !== undefined && !io.env[variable] ? [variable] : [];
  });
  const configFlag = options.config !== undefined ? ` --config ${path}` : "";
  const steps = alignColumns([
    ...unset.map(
      (variable) => `  export ${variable}=...  your ${variable.replace(/_API_KEY$/, "").toLowerCase()} key`,
    ),
    `  ${cli} code${configFlag}  start the proxy in the background and run Claude Code through it`,
    `  ${cli} start${configFlag}  or run the proxy in the foreground`,
    ...(statusLine ? [] : [`  ${cli} statusline --install  show CCR in Claude Code's status line`]),
  ]);
  io.stdout(["", "Next:", ...steps, ""].join("\n"));
  return valid;
}

/** Every provider package shipped with CCR, in the order of BUNDLED_PROVIDER_IDS. */
async function providerCatalog(configPath: string): Promise<ProviderDefinition[]> {
  const { providerDefinitions } = await loadProviderPackages([...BUNDLED_PROVIDER_IDS], configPath);
  return BUNDLED_PROVIDER_IDS.flatMap((id) => providerDefinitions[id] ?? []);
}

/** `--provider id[,model]` flags → tiers, or a message naming the bad one and the choices. */
export function tiersFromFlags(
  flags: readonly string[],
  catalog: readonly ProviderDefinition[],
): InitTier[] | string {
  const tiers: InitTier[] = [];
  for (const flag of flags) {
    const [id = "", ...rest] = flag.split(",");
    const model = rest.join(",");
    const provider = catalog.find((candidate) => candidate.id === id.trim().toLowerCase());
    if (!provider) {
      const ids = catalog.map((candidate) => candidate.id);
      const guess = didYouMean(id, ids);
      return `--provider ${flag}: no provider package "${id}"${guess ? `; ${guess}` : ""} (one of ${ids.join(", ")})\n`;
    }
    if (tiers.some((tier) => tier.provider.id === provider.id)) {
      return `--provider ${flag}: ${provider.id} is given twice; each provider is one tier\n`;
    }
    const models = provider.models.map((info) => info.id);
    if (model !== "" && !models.includes(model)) {
      return `--provider ${flag}: ${provider.id} has no model "${model}" (known: ${models.join(", ")})\n`;
    }
    tiers.push({ provider, model: model || models[0]! });
  }
  return tiers;
}

function describeStatusLineInstall(result: ReturnType<typeof installStatusLine>): string {
  switch (result.outcome) {
    case "installed":
      return `\nClaude Code's status line now shows CCR (${result.path}).\n`;
    case "unchanged":
      return `\nClaude Code's status line already shows CCR (${result.path}).\n`;
    case "kept-other":
      return `\nClaude Code already has a status line in ${result.path} (${JSON.stringify(result.existing)}): left as it is. Set "statusLine": {"type": "command", "command": "ccr statusline"} there to use CCR's.\n`;
    case "failed":
      return `\nClaude Code's status line was not set: ${result.path}: ${result.reason}\n`;
  }
}

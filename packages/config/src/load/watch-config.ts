import { type FSWatcher, readFileSync, watch } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import type { Env } from "../env/interpolate-env.js";
import { ConfigError } from "../issues/config-error.js";
import type { LoadResult } from "../normalize/normalize-config.js";
import { readConfigFile } from "./load-config.js";
import { parseConfigText } from "./parse-config-text.js";
import type { LoadProviders } from "./provider-packages.js";
import { loadProviderPackages } from "./provider-refs.js";

export type ConfigChange = { ok: true; result: LoadResult } | { ok: false; error: ConfigError };

export interface ConfigWatcher {
  close(): void;
}

/**
 * Calls `onChange` after the file changes: with the new config when it is valid, with the ConfigError
 * otherwise (the caller keeps its old config). Watches the file and its folder, so editors that save by
 * writing a new file and renaming it over the old one are seen too; bursts of events are debounced and a save
 * that leaves the text unchanged is not reported. Not called for the initial state.
 */
export function watchConfig(
  path: string,
  onChange: (change: ConfigChange) => void,
  options: { env?: Env; debounceMs?: number; loadProviders?: LoadProviders } = {},
): ConfigWatcher {
  const file = resolve(path);
  const name = basename(file);
  const debounceMs = options.debounceMs ?? 100;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let fileWatcher: FSWatcher | undefined;
  // The text last seen, undefined while the file cannot be read. Read synchronously, so a change made
  // right after this call is never mistaken for the initial state.
  let last = readInitialText(file);

  const reload = async () => {
    watchFile();
    let text: string;
    try {
      text = await readConfigFile(file);
    } catch (error) {
      if (closed || last === undefined || !ConfigError.isInstance(error)) return;
      last = undefined;
      onChange({ ok: false, error });
      return;
    }
    if (closed || text === last) return;
    last = text;
    // A provider package named for the first time in this save is loaded now.
    const packages = await loadProviderPackages(text, file, options.loadProviders);
    if (closed) return;
    try {
      onChange({
        ok: true,
        result: parseConfigText(text, { ...packages, env: options.env ?? process.env, sourcePath: file }),
      });
    } catch (error) {
      if (!ConfigError.isInstance(error)) throw error;
      onChange({ ok: false, error });
    }
  };

  // One reload at a time: a slow read finishing after a newer one would report the older text last.
  let running: Promise<void> | undefined;
  let again = false;
  const reloadInTurn = () => {
    if (running !== undefined) {
      again = true;
      return;
    }
    running = reload().finally(() => {
      running = undefined;
      if (again && !closed) {
        again = false;
        reloadInTurn();
      }
    });
  };

  const schedule = () => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(reloadInTurn, debounceMs);
  };

  // The file watcher follows the inode: after a rename-over it is re-attached to the new file on reload.
  function watchFile() {
    fileWatcher?.close();
    fileWatcher = undefined;
    if (closed) return;
    try {
      fileWatcher = watch(file, schedule);
      fileWatcher.on("error", () => fileWatcher?.close());
    } catch {
      // The file is absent for now: the folder watcher sees it come back.
    }
  }

  const folderWatcher = watch(dirname(file), (_event, changed) => {
    if (changed === null || changed === name) schedule();
  });
  folderWatcher.on("error", () => folderWatcher.close());
  watchFile();

  return {
    close() {
      closed = true;
      clearTimeout(timer);
      fileWatcher?.close();
      folderWatcher.close();
    },
  };
}

function readInitialText(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

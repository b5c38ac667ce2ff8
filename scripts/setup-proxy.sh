# Sourced by start.sh and install-cli.sh (from the repository root): installs what the proxy and its dashboard
# need (with the pinned pnpm, installed when missing) and builds them. The install runs only when
# pnpm-lock.yaml, the pinned pnpm or the set of packages changed since the last one: a stamp in
# node_modules holds their hash, so an up-to-date clone starts without running pnpm at all.

# The packages the proxy CLI needs, with the dashboard `ccr demo` opens.
CCR_PROXY_FILTERS=(--filter "@ccr/proxy..." --filter "@ccr/dashboard...")

pinned_pnpm_version() {
  node -p 'require("./package.json").packageManager.split("@")[1]'
}

ensure_pnpm() {
  local version
  version="$(pinned_pnpm_version)"
  if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version)" != "$version" ]; then
    echo "installing pnpm@$version"
    npm install --global "pnpm@$version" >/dev/null 2>&1 || {
      # No write access to npm's global prefix: install into a local prefix instead.
      npm install --prefix "$HOME/.ccr-tools" --global "pnpm@$version" >/dev/null
      export PATH="$HOME/.ccr-tools/bin:$PATH"
    }
  fi
}

install_stamp() {
  node -e '
    const { createHash } = require("node:crypto");
    const { readFileSync } = require("node:fs");
    const hash = createHash("sha256").update(readFileSync("pnpm-lock.yaml"));
    hash.update(JSON.parse(readFileSync("package.json", "utf8")).packageManager);
    hash.update(process.argv.slice(1).join(" "));
    console.log(hash.digest("hex"));
  ' -- "${CCR_PROXY_FILTERS[@]}"
}

setup_proxy() {
  export TURBO_TELEMETRY_DISABLED=1
  # pnpm must not nag about updates; a rerun must not stop to ask before re-creating node_modules.
  export npm_config_update_notifier=false
  local stamp_file=node_modules/.ccr-install-stamp
  local stamp log
  stamp="$(install_stamp)"
  log="$(mktemp)"
  if [ ! -f "$stamp_file" ] || [ "$(cat "$stamp_file")" != "$stamp" ]; then
    ensure_pnpm
    echo "installing the proxy's dependencies (once, and again only when pnpm-lock.yaml changes)"
    if ! pnpm install --frozen-lockfile --config.confirmModulesPurge=false "${CCR_PROXY_FILTERS[@]}" >"$log" 2>&1; then
      cat "$log" >&2
      echo "pnpm install failed (output above)" >&2
      return 1
    fi
    echo "$stamp" >"$stamp_file"
  fi
  # turbo rebuilds only what changed since the last build; its output is shown only on failure.
  [ -f apps/proxy/dist/cli.js ] || echo "building the proxy (once: later runs rebuild only what changed)"
  if ! node_modules/.bin/turbo run build --filter="@ccr/proxy..." --filter="@ccr/dashboard..." --output-logs=errors-only >"$log" 2>&1; then
    cat "$log" >&2
    echo "the build failed (output above)" >&2
    return 1
  fi
  rm -f "$log"
}

#!/usr/bin/env bash
# Sets up a fresh clone and starts the proxy in the foreground.
# Usage: bash scripts/start.sh [config-file]   (default: examples/ollama.jsonc)
set -euo pipefail
cd "$(dirname "$0")/.."
CONFIG="${1:-examples/ollama.jsonc}"

PNPM_VERSION="$(node -p 'require("./package.json").packageManager.split("@")[1]')"
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version)" != "$PNPM_VERSION" ]; then
  echo "installing pnpm@$PNPM_VERSION"
  npm install --global "pnpm@$PNPM_VERSION" >/dev/null 2>&1 || {
    npm install --prefix "$HOME/.ccr-tools" --global "pnpm@$PNPM_VERSION" >/dev/null
    export PATH="$HOME/.ccr-tools/bin:$PATH"
  }
fi

export TURBO_TELEMETRY_DISABLED=1
# pnpm must not nag about updates; a rerun must not stop to ask before re-creating node_modules (below).
export npm_config_update_notifier=false
pnpm install --frozen-lockfile --config.confirmModulesPurge=false
pnpm build
exec node apps/proxy/dist/cli.js start --config "$CONFIG"

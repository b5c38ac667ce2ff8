#!/usr/bin/env bash
# Sets up a fresh clone and runs the whole suite: install, build, lint, typecheck, test.
# Needs only Node 20 and npm. Prints the totals as "N passed, N failed" on the last line.
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION="$(node -p 'require("./package.json").packageManager.split("@")[1]')"
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version)" != "$PNPM_VERSION" ]; then
  echo "installing pnpm@$PNPM_VERSION"
  npm install --global "pnpm@$PNPM_VERSION" >/dev/null 2>&1 || {
    # No write access to npm's global prefix: install into a local prefix instead.
    npm install --prefix "$HOME/.ccr-tools" --global "pnpm@$PNPM_VERSION" >/dev/null
    export PATH="$HOME/.ccr-tools/bin:$PATH"
  }
fi

# The dashboard's real-terminal test drives it under tmux. On a CI machine, install tmux when it is missing;
# elsewhere (or when that fails) the test skips with a message.
if [ "${CI:-}" = true ] && ! command -v tmux >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  (timeout 180 apt-get update -qq && timeout 180 apt-get install -y -qq tmux) >/dev/null 2>&1 ||
    echo "tmux could not be installed: the dashboard's terminal test will be skipped"
fi

# The shared tier state tests (packages/state-redis, and two replicas in apps/proxy's e2e) run a real
# redis-server. On a CI machine, install it when it is missing; elsewhere (or when that fails) they skip.
if [ "${CI:-}" = true ] && ! command -v redis-server >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  (timeout 180 apt-get update -qq && timeout 300 apt-get install -y -qq --no-install-recommends redis-server) >/dev/null 2>&1 ||
    echo "redis-server could not be installed: the shared tier state tests will be skipped"
fi

export CI="${CI:-true}"
export TURBO_TELEMETRY_DISABLED=1
# pnpm must not nag about updates; a rerun must not stop to ask before re-creating node_modules (below).
export npm_config_update_notifier=false
pnpm install --frozen-lockfile --config.confirmModulesPurge=false
pnpm build
pnpm lint
pnpm check:providers
pnpm typecheck

report="$(mktemp -d)/vitest.json"
status=0
pnpm exec vitest run --reporter=default --reporter=json --outputFile.json="$report" || status=$?
node scripts/print-totals.mjs "$report"
exit "$status"

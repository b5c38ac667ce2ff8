#!/usr/bin/env bash
# Sets up a fresh clone and runs the whole suite: install, build, lint, typecheck, test.
# Needs only Node 20 and npm. Prints one line per step (per package for the tests) when it passes and
# the step's whole output when it fails; the last line is always the totals, "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."

logs="$(mktemp -d)"

# step NAME SUMMARY COMMAND...: runs COMMAND with its output in $logs/NAME.log. When it passes, prints one
# line: the name, the time and the log lines matching the SUMMARY pattern (grep -E). When it fails, prints
# the whole log and a failing totals line, and exits.
step() {
  local name="$1" summary="$2" started=$SECONDS status=0
  shift 2
  "$@" >"$logs/$name.log" 2>&1 || status=$?
  if [ "$status" -ne 0 ]; then
    cat "$logs/$name.log"
    echo "✗ $name failed (exit $status)"
    echo "0 passed, 1 failed"
    exit "$status"
  fi
  local found=""
  [ -z "$summary" ] || found="$(grep -E "$summary" "$logs/$name.log" | sed -E 's/\x1b\[[0-9;]*m//g; s/ +/ /g; s/^ //' | paste -sd ';' - | sed 's/;/; /g' || true)"
  echo "✓ $name ($((SECONDS - started))s)${found:+: $found}"
}

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
step install '^Done in' pnpm install --frozen-lockfile --config.confirmModulesPurge=false
# The real Claude Code for its end-to-end test, outside the workspace install (see the script). Setting
# CCR_CLAUDE_BIN makes that test required: it fails instead of skipping when the binary cannot run.
step claude-code '^[0-9.]+ \(Claude Code\)$' bash scripts/install-claude-code.sh
CCR_CLAUDE_BIN="$(tail -n 1 "$logs/claude-code.log")"
export CCR_CLAUDE_BIN
# The same for the real Codex CLI, which the Responses API end-to-end test drives.
step codex '^codex-cli ' bash scripts/install-codex.sh
CCR_CODEX_BIN="$(tail -n 1 "$logs/codex.log")"
export CCR_CODEX_BIN
step build '^ *Tasks:|^ *Cached:' pnpm exec turbo run build --output-logs=errors-only
step lint '^Checked ' pnpm exec biome check .
step check-providers 'follow the pattern' pnpm check:providers
step typecheck '^ *Tasks:|^ *Cached:' pnpm exec turbo run typecheck --output-logs=errors-only

# Tests: their output only when some fail (the dot reporter, with the logs of failing tests); then one
# line per package and the totals from the JSON report.
report="$logs/vitest.json"
started=$SECONDS
status=0
pnpm exec vitest run --reporter=dot --reporter=json --outputFile.json="$report" --silent=passed-only \
  >"$logs/test.log" 2>&1 || status=$?
if [ "$status" -ne 0 ]; then
  cat "$logs/test.log"
  echo "✗ test failed (exit $status)"
else
  echo "✓ test ($((SECONDS - started))s)"
fi
node scripts/print-totals.mjs "$report"
exit "$status"

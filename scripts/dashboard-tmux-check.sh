#!/usr/bin/env bash
# The dashboard in a real terminal against a real proxy: runs the built `ccr dashboard` under tmux
# at 80x24 while scripts/dashboard-traffic.mjs feeds the built proxy traffic from fake providers
# (one rate-limiting, one down), checks the screen, prints `ccr status`, and saves the screen to
# docs/dashboard-capture.txt (or the path given as $1).
# Needs tmux and the builds: pnpm --filter "@ccr/proxy..." --filter @ccr/testkit build
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v tmux >/dev/null 2>&1; then
  echo "dashboard check skipped: tmux is not installed (apt-get install -y tmux)"
  exit 0
fi
if [ ! -f apps/proxy/dist/cli.js ] || [ ! -f tooling/testkit/dist/index.js ]; then
  echo "dashboard check: build first: pnpm --filter \"@ccr/proxy...\" --filter @ccr/testkit build" >&2
  exit 1
fi

out="${1:-docs/dashboard-capture.txt}"
work="$(mktemp -d)"
session="ccr-dashboard-check-$$"
node scripts/dashboard-traffic.mjs "$work" >"$work/proxy.json" &
traffic=$!
cleanup() {
  tmux kill-session -t "$session" 2>/dev/null || true
  kill "$traffic" 2>/dev/null || true
  wait "$traffic" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

for _ in $(seq 150); do
  [ -s "$work/proxy.json" ] && break
  sleep 0.1
done
port="$(node -p "JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8')).port" "$work/proxy.json")"

tmux -u new-session -d -s "$session" -x 80 -y 24 "HOME='$work/home' node apps/proxy/dist/cli.js dashboard --port $port"

# Let a few cycles of failures go by, then take the screen while zai is cooling.
sleep 12
screen=""
for _ in $(seq 100); do
  screen="$(tmux capture-pane -p -t "$session")"
  if grep -q "◐ cooling" <<<"$screen" && grep -q "cooling ×" <<<"$screen"; then break; fi
  sleep 0.1
done
for expected in "[live]" "zai,glm-4.6" "◐ cooling" "rate_limited 429" "cooling ×" "token drift" "q/esc quit"; do
  if ! grep -qF -- "$expected" <<<"$screen"; then
    printf 'dashboard check failed: "%s" is not on the screen:\n%s\n' "$expected" "$screen" >&2
    exit 1
  fi
done
printf '%s\n' "$screen" >"$out"

HOME="$work/home" node apps/proxy/dist/cli.js status --port "$port"
tmux send-keys -t "$session" q
echo "dashboard check passed; screen saved to $out"

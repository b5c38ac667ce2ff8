#!/usr/bin/env bash
# Sets up a clone (install and build what the proxy needs; skipped when nothing changed) and runs it.
# Usage: bash scripts/start.sh                       ccr demo: two built-in tiers, no account, no key
#        bash scripts/start.sh CONFIG [flags...]     ccr start --config CONFIG [flags...], in the foreground
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/setup-proxy.sh
source scripts/setup-proxy.sh
setup_proxy

if [ $# -eq 0 ]; then
  exec node apps/proxy/dist/cli.js demo
fi
CONFIG="$1"
shift
exec node apps/proxy/dist/cli.js start --config "$CONFIG" "$@"

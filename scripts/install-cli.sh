#!/usr/bin/env bash
# Builds the ccr CLI from this clone and puts `ccr` on your PATH: a symlink to apps/proxy/dist/cli.js in
# npm's global bin folder when it is writable, else in ~/.local/bin. Rerun it after a git pull.
# Usage: bash scripts/install-cli.sh [--bin-dir DIR] [--force]
#   --bin-dir DIR  put the link there (also: CCR_BIN_DIR)
#   --force        replace a `ccr` that is not this one (claude-code-router installs a `ccr` too)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN_DIR="${CCR_BIN_DIR:-}"
FORCE=0
while [ $# -gt 0 ]; do
  case "$1" in
    --bin-dir) BIN_DIR="$2"; shift 2 ;;
    --force) FORCE=1; shift ;;
    *) echo "unknown argument: $1 (usage: bash scripts/install-cli.sh [--bin-dir DIR] [--force])" >&2; exit 2 ;;
  esac
done

# shellcheck source=scripts/setup-proxy.sh
source scripts/setup-proxy.sh
setup_proxy
CLI="$PWD/apps/proxy/dist/cli.js"

if [ -z "$BIN_DIR" ]; then
  NPM_BIN="$(npm prefix --global 2>/dev/null)/bin"
  if [ -d "$NPM_BIN" ] && [ -w "$NPM_BIN" ]; then BIN_DIR="$NPM_BIN"; else BIN_DIR="$HOME/.local/bin"; fi
fi
mkdir -p "$BIN_DIR"
TARGET="$BIN_DIR/ccr"

is_this_cli() { [ "$(node -p 'require("fs").realpathSync(process.argv[1])' "$1" 2>/dev/null)" = "$CLI" ]; }

if [ -e "$TARGET" ] && ! is_this_cli "$TARGET" && [ "$FORCE" != 1 ]; then
  echo "$TARGET exists and is another ccr (claude-code-router installs one): not replaced." >&2
  echo "Run with --force to replace it, or --bin-dir DIR to install elsewhere (docs/cli.md: claude-code-router users)." >&2
  exit 1
fi
ln -sfn "$CLI" "$TARGET"

echo "ccr $("$TARGET" --version) is $TARGET -> $CLI"
FIRST="$(command -v ccr || true)"
case ":$PATH:" in
  *":$BIN_DIR:"*)
    if [ -n "$FIRST" ] && [ "$FIRST" != "$TARGET" ]; then
      echo "warning: $FIRST comes first on your PATH; put $BIN_DIR before it, or remove it." >&2
    fi
    ;;
  *)
    echo "$BIN_DIR is not on your PATH: add it, e.g."
    echo "  echo 'export PATH=\"$BIN_DIR:\$PATH\"' >> ~/.bashrc && export PATH=\"$BIN_DIR:\$PATH\""
    ;;
esac
echo "Try: ccr demo    (then ccr init to write your config)"

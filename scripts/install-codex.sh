#!/usr/bin/env bash
# Installs the Codex CLI that the end-to-end test apps/proxy/test/e2e/codex-cli.test.ts drives, into
# .cache/codex/ rather than the workspace: a 424 MB native binary that only this test needs. Does nothing
# when the pinned version is already there and runs. Prints its version, then its path last.
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=0.171.0
PREFIX=.cache/codex
BIN="$PWD/$PREFIX/node_modules/.bin/codex"

installed="$(node -p "require('./$PREFIX/node_modules/@openai/codex/package.json').version" 2>/dev/null || true)"
if [ "$installed" != "$VERSION" ] || ! "$BIN" --version >/dev/null 2>&1; then
  echo "installing @openai/codex@$VERSION into $PREFIX"
  npm install --prefix "$PREFIX" --no-audit --no-fund --loglevel=error "@openai/codex@$VERSION"
fi
"$BIN" --version
echo "$BIN"

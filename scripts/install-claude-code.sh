#!/usr/bin/env bash
# Installs the Claude Code CLI that the end-to-end test apps/proxy/test/e2e/claude-code.test.ts drives,
# into .cache/claude-code/ rather than the workspace: a 384 MB native binary that only this test needs.
# Does nothing when the pinned version is already there and runs. Prints its version, then its path last.
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=2.1.332
PREFIX=.cache/claude-code
BIN="$PWD/$PREFIX/node_modules/.bin/claude"

installed="$(node -p "require('./$PREFIX/node_modules/@anthropic-ai/claude-code/package.json').version" 2>/dev/null || true)"
if [ "$installed" != "$VERSION" ] || ! "$BIN" --version >/dev/null 2>&1; then
  echo "installing @anthropic-ai/claude-code@$VERSION into $PREFIX"
  # The package's postinstall copies the native binary for this platform into place: scripts must run.
  # Its engines field asks for Node 22; the native binary does not use Node, so the warning is not shown.
  npm install --prefix "$PREFIX" --ignore-scripts=false --no-audit --no-fund --loglevel=error \
    "@anthropic-ai/claude-code@$VERSION"
fi
"$BIN" --version
echo "$BIN"

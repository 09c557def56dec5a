#!/usr/bin/env bash
# Installs the suite into a Backstage app that has never seen it, the way a
# platform team would, and checks that it works there:
#   1. builds and packs the suite's packages (plugins/*) as npm tarballs;
#   2. creates a fresh app with @backstage/create-app (this repository's version);
#   3. adds the packages and only the lines and config their READMEs document
#      (nothing of packages/app or packages/backend is copied);
#   4. starts that app (frontend :3100, backend :7107) against the local
#      platform and checks the suite's pages, templates, actions and routes
#      (scripts/new-app-check.mjs), then stops it.
#
#   ./scripts/install-into-new-app.sh [work-dir]   (default: a new folder under /tmp)
#
# Needs the local platform up (./scripts/yarn platform up) and Chromium.
source "$(dirname "$0")/lib/toolchain.sh"
setup_toolchain
cd "$REPO_ROOT"

CREATE_APP_VERSION=0.9.2
WORK_DIR="${1:-$(mktemp -d /tmp/ml-platform-new-app.XXXXXX)}"
PACKS="$WORK_DIR/packs"
APP="$WORK_DIR/app"
mkdir -p "$PACKS"
app_pid=""
stop_app() {
  if [[ -n "$app_pid" ]]; then
    step "Stopping the new app"
    kill -- "-$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
    app_pid=""
  fi
}
trap stop_app EXIT

./scripts/yarn platform status >/dev/null 2>&1 || fail "the local platform is not up: ./scripts/yarn platform up"
eval "$(./scripts/yarn platform env)"

step "Building and packing the suite's packages"
yarn tsc
packages=()
for dir in plugins/*/; do
  name="$(node -p "require('./${dir}package.json').name")"
  note "$name"
  (cd "$dir" && yarn build >/dev/null && yarn pack --out "$PACKS/$(basename "$dir").tgz" >/dev/null) \
    || fail "could not build and pack $name"
  packages+=("$name")
done

step "Creating a new Backstage app with @backstage/create-app@$CREATE_APP_VERSION in $APP"
rm -rf "$APP"
mkdir -p "$APP"
BACKSTAGE_APP_NAME=ml-platform-trial npx -y "@backstage/create-app@$CREATE_APP_VERSION" \
  --path "$APP" --skip-install >"$WORK_DIR/create-app.log" 2>&1 \
  || { cat "$WORK_DIR/create-app.log"; fail "create-app failed"; }

step "Adding the suite's packages and the documented lines"
node scripts/new-app-setup.mjs "$APP" "$PACKS" "$REPO_ROOT"
# create-app seeds a new app's yarn.lock from Backstage's repository, which
# these machines cannot reach ("Failed to fetch the yarn.lock seed file"):
# without a seed the newest releases resolve to a mismatched set (the new
# app's own signals backend then fails to start). This repository's lock,
# made from the same create-app version, serves as the seed; yarn install
# adds and drops what the new app differs in.
cp "$REPO_ROOT/yarn.lock" "$APP/yarn.lock"
(cd "$APP" && yarn install) >"$WORK_DIR/install.log" 2>&1 \
  || { tail -40 "$WORK_DIR/install.log"; fail "yarn install in the new app failed (log: $WORK_DIR/install.log)"; }

step "Starting the new app against the local platform (log: $WORK_DIR/app.log)"
(cd "$APP" && ML_PLATFORM_ENVIRONMENT="local platform" setsid yarn start) \
  >"$WORK_DIR/app.log" 2>&1 &
app_pid=$!

step "Checking the suite in the new app"
node scripts/new-app-check.mjs "$WORK_DIR"

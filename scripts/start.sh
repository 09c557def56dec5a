#!/usr/bin/env bash
# Sets up everything that is missing and starts the portal: frontend on :3000,
# backend on :7007. It uses the local platform (`yarn platform up`) unless
# app-config.local.yaml configures your own cluster, MLflow and Prometheus
# under `mlPlatform:`. Stop with Ctrl-C; the local platform is stopped too if
# this command started it.
source "$(dirname "$0")/lib/toolchain.sh"
setup_toolchain
cd "$REPO_ROOT"

if [[ -f app-config.local.yaml ]] && grep -qE '^mlPlatform:' app-config.local.yaml; then
  step "Using your own platform from app-config.local.yaml"
  export ML_PLATFORM_ENVIRONMENT="${ML_PLATFORM_ENVIRONMENT:-app-config.local.yaml}"
else
  step "Starting the local platform (Kubernetes, MLflow, Prometheus)"
  platform_was_up=false
  yarn platform status >/dev/null 2>&1 && platform_was_up=true
  yarn platform up
  if [[ "$platform_was_up" == false ]]; then
    trap 'step "Stopping the local platform"; yarn platform down' EXIT
  fi
  eval "$(yarn platform env)"
  export ML_PLATFORM_ENVIRONMENT="local platform"
fi

step "Starting the portal: http://localhost:3000 (backend http://localhost:7007)"
note "Platform: ${ML_PLATFORM_ENVIRONMENT}; Kubernetes ${K8S_URL:-from app-config.local.yaml}, MLflow ${MLFLOW_TRACKING_URI:-from app-config.local.yaml}, Prometheus ${PROMETHEUS_URL:-from app-config.local.yaml}"
yarn start

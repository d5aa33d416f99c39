#!/usr/bin/env bash
# Install or upgrade the kit's JupyterHub on Kubernetes (Zero to JupyterHub, chart 4.4.0), from the repository's root:
#   deploy/kubernetes/helm-upgrade.sh [NAMESPACE] [extra helm options, e.g. -f my-https.values.yaml]
# Needs helm 3 and kubectl pointing at the cluster; cohort.values.yaml from `python3 kit.py hub values`.
set -euo pipefail
cd "$(dirname "$0")/../.."
namespace="${1:-kit-hub}"
shift || true
helm repo add jupyterhub https://hub.jupyter.org/helm-chart/ >/dev/null 2>&1 || true
helm repo update jupyterhub
helm upgrade --install kit-hub jupyterhub/jupyterhub --version 4.4.0 \
  --namespace "$namespace" --create-namespace --wait --timeout 10m \
  --values deploy/kubernetes/values.yaml \
  --values deploy/kubernetes/cohort.values.yaml \
  --set-file hub.extraFiles.kit-config.stringData=deploy/kubernetes/kit_config.py \
  --set-file hub.extraFiles.kit-accounts.stringData=hub/kit_accounts.py \
  --set-file hub.extraFiles.kit-exchange.stringData=hub/hub_exchange.py \
  --set-file hub.extraFiles.kit-template-login.stringData=hub/templates/native-login.html \
  --set-file hub.extraFiles.kit-template-signup.stringData=hub/templates/signup.html \
  --set-file hub.extraFiles.kit-template-change-password.stringData=hub/templates/change-password.html \
  --set-file hub.extraFiles.kit-template-error.stringData=hub/templates/error.html \
  "$@"

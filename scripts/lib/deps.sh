# shellcheck shell=bash
# Installs what the tests need on Debian 12, idempotently and quietly.
# Needs common.sh. Each ensure_* function returns 0 when the thing is there
# (installing it as root if needed), returns 1 after a loud SKIPPED line when
# it is missing and cannot be installed outside CI, and exits under CI=true.

_APT_UPDATED=0
DEPS_LOG_DIR="${DEPS_LOG_DIR:-${TMPDIR:-/tmp}}"

pkg_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

_apt_install() {
  local log="$DEPS_LOG_DIR/apt-install.$$.log"
  if [ "$_APT_UPDATED" -eq 0 ]; then
    say "apt-get update"
    if ! DEBIAN_FRONTEND=noninteractive apt-get update -q >"$log" 2>&1; then
      tail -n 30 "$log" >&2; rm -f "$log"
      return 1
    fi
    _APT_UPDATED=1
  fi
  say "apt-get install $*"
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
        -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "$@" >"$log" 2>&1; then
    tail -n 40 "$log" >&2; rm -f "$log"
    return 1
  fi
  rm -f "$log"
}

# ensure_debs WHAT PKG... : WHAT names the part of the tests that needs them.
ensure_debs() {
  local what="$1"; shift
  local missing=() p
  if ! command -v dpkg-query >/dev/null 2>&1; then
    if in_ci; then die "not a Debian system (no dpkg-query): cannot check $*"; fi
    warn "no dpkg-query: assuming $* are present"
    return 0
  fi
  for p in "$@"; do pkg_installed "$p" || missing+=("$p"); done
  [ "${#missing[@]}" -eq 0 ] && return 0
  if is_root && command -v apt-get >/dev/null 2>&1; then
    _apt_install "${missing[@]}" || die "could not install ${missing[*]} (needed for $what)"
    return 0
  fi
  if in_ci; then
    die "missing Debian packages for $what: ${missing[*]} (CI must run as root to install them)"
  fi
  skipped "$what: missing Debian packages ${missing[*]}; run as root or: sudo apt-get install ${missing[*]}"
  return 1
}

# Python virtual environment for the browser tests, rebuilt when
# requirements.txt or the Python interpreter changes.
ensure_test_venv() {
  local venv="$1" req="$2"
  local py="${SAFER_TEST_PYTHON:-}"
  if [ -z "$py" ]; then
    py=$(command -v python3 || true)
    [ -n "$py" ] || py=/usr/bin/python3
  fi
  local want have=""
  want="$(sha256sum "$req" | cut -d' ' -f1) $("$py" -c 'import sys; print(sys.version.split()[0])' 2>/dev/null || echo none)"
  [ -f "$venv/.safer-requirements" ] && have=$(cat "$venv/.safer-requirements")
  if [ "$have" = "$want" ] && "$venv/bin/python" -c 'import selenium, pytest' >/dev/null 2>&1; then
    return 0
  fi
  say "creating Python venv $venv (packages from $(basename "$req"))"
  rm -rf "$venv"
  if ! "$py" -m venv "$venv" >/dev/null 2>&1; then
    # Debian's own python3 needs python3-venv for ensurepip.
    rm -rf "$venv"
    ensure_debs "browser tests (Python venv)" python3-venv || return 1
    py=/usr/bin/python3
    want="$(sha256sum "$req" | cut -d' ' -f1) $("$py" -c 'import sys; print(sys.version.split()[0])')"
    "$py" -m venv "$venv" || die "could not create the Python venv $venv"
  fi
  local log="$DEPS_LOG_DIR/pip-install.$$.log"
  if ! "$venv/bin/python" -m pip install -q --disable-pip-version-check -r "$req" >"$log" 2>&1; then
    tail -n 40 "$log" >&2; rm -f "$log"
    rm -rf "$venv"
    die "pip install -r $req failed"
  fi
  rm -f "$log"
  printf '%s\n' "$want" >"$venv/.safer-requirements"
}

# shellcheck shell=bash
# Small helpers shared by scripts/test and the other scripts/lib/*.sh files.
# Sourced, never executed.

# Messages go to stderr so that stdout stays the test runners' own output.
say()  { printf '==> %s\n' "$*" >&2; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die()  { printf 'ERROR: %s\n' "$*" >&2; exit 1; }
skipped() { printf '\n*** SKIPPED: %s ***\n\n' "$*" >&2; }

is_root() { [ "$(id -u)" -eq 0 ]; }
in_ci()   { [ "${CI:-}" = "true" ] || [ "${CI:-}" = "1" ]; }

# A free TCP port on 127.0.0.1. With an argument, that port is used when it is
# free (a stable port keeps SwiftPM from re-planning when env vars change).
free_port() {
  local preferred="${1:-0}"
  local py
  py=$(command -v python3 || command -v /usr/bin/python3 || true)
  [ -n "$py" ] || die "python3 is needed to find a free port"
  "$py" - "$preferred" <<'PY'
import socket, sys
pref = int(sys.argv[1])
def try_bind(port):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        s.bind(("127.0.0.1", port))
        return s.getsockname()[1]
    except OSError:
        return None
    finally:
        s.close()
port = try_bind(pref) if pref else None
print(port or try_bind(0))
PY
}

# Cleanup actions run in reverse order on EXIT (one trap for the whole script).
_CLEANUP_ACTIONS=()
add_cleanup() { _CLEANUP_ACTIONS+=("$1"); }
run_cleanups() {
  local i
  for (( i=${#_CLEANUP_ACTIONS[@]}-1; i>=0; i-- )); do
    eval "${_CLEANUP_ACTIONS[$i]}" || true
  done
  _CLEANUP_ACTIONS=()
}

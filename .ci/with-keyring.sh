#!/usr/bin/env bash
# Runs a command with a real, unlocked Secret Service (gnome-keyring) so the keychain tests talk to
# the same D-Bus API a Linux desktop offers. Usage: bash .ci/with-keyring.sh npm test
#
# Without a session bus, it re-runs itself inside a private one (dbus-run-session). The keyring's
# files go to a throwaway folder, so a developer's own keyrings are never read or changed; if a
# Secret Service already answers on the current bus (a desktop session), it is used as it is.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: bash .ci/with-keyring.sh <command> [args...]" >&2
  exit 64
fi

if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  if [ -n "${CUSTOMERSCORE_KEYRING_WRAPPED:-}" ]; then
    echo "with-keyring: dbus-run-session did not provide a session bus" >&2
    exit 1
  fi
  export CUSTOMERSCORE_KEYRING_WRAPPED=1
  exec dbus-run-session -- bash "$0" "$@"
fi

secrets_answer() {
  dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null |
    grep -q 'boolean true'
}

if secrets_answer; then
  exec "$@"
fi

keyring_home="$(mktemp -d "${TMPDIR:-/tmp}/customerscore-keyring.XXXXXX")"
mkdir -m 700 "$keyring_home/data" "$keyring_home/run"
keyring_pid=""
cleanup() {
  # Only the daemon this script started; in a private session it would end with the bus anyway.
  if [ -n "$keyring_pid" ]; then kill "$keyring_pid" 2>/dev/null || true; fi
  rm -rf "$keyring_home"
}
trap cleanup EXIT

# The password creates (and unlocks) a fresh login keyring in the throwaway folder; it protects
# nothing but test entries. (An empty one makes the daemon ask through a prompt, which needs a display.)
password="customerscore-ci"
keyring_env="$(echo -n "$password" |
  XDG_DATA_HOME="$keyring_home/data" XDG_RUNTIME_DIR="$keyring_home/run" \
    gnome-keyring-daemon --unlock --components=secrets)"
while IFS= read -r line; do
  [ -n "$line" ] && export "${line?}"
done <<<"$keyring_env"

# The daemon claims its bus name asynchronously: wait until it answers (bounded, about 5 s).
for _ in $(seq 1 50); do
  secrets_answer && break
  sleep 0.1
done
if ! secrets_answer; then
  echo "with-keyring: gnome-keyring-daemon did not start a Secret Service" >&2
  exit 1
fi
keyring_pid="$(dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
  org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.secrets 2>/dev/null |
  awk '/uint32/ { print $2 }')"

# Not exec: the trap removes the throwaway keyring once the command is done.
set +e
"$@"
status=$?
set -e
exit "$status"

#!/usr/bin/env bash
# Runs a command with a real, unlocked Secret Service keychain (gnome-keyring) on a private
# session bus — how `npm test` gives the keychain tests a real keychain on Linux and in CI.
# Usage: dbus-run-session -- bash scripts/keychain-session.sh COMMAND [ARGS…]
set -euo pipefail
keyring_home=$(mktemp -d "${TMPDIR:-/tmp}/campaign-desk-keyring.XXXXXX")
export XDG_DATA_HOME="$keyring_home/data"
if [ -z "${XDG_RUNTIME_DIR:-}" ] || [ ! -w "${XDG_RUNTIME_DIR}" ]; then
  export XDG_RUNTIME_DIR="$keyring_home/run"
fi
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
# An empty password creates and unlocks the "login" collection for this throwaway session.
eval "$(printf '\n' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
status=0
"$@" || status=$?
rm -rf "$keyring_home"
exit "$status"

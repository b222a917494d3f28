#!/usr/bin/env bash
# Runs a command against a real, throw-away Secret Service (gnome-keyring inside a private D-Bus
# session) with a temporary HOME, so tests never touch a developer's own keychain.
# Usage: bash test/keychain/run-in-secret-service.sh <command...>
set -u
if [ "$#" -eq 0 ]; then
  echo "usage: $0 <command...>" >&2
  exit 2
fi
tmp_home="$(mktemp -d)"
cleanup() { rm -rf "$tmp_home"; }
trap cleanup EXIT
mkdir -p "$tmp_home/.local/share/keyrings" "$tmp_home/.cache"
HOME="$tmp_home" XDG_DATA_HOME="$tmp_home/.local/share" XDG_CACHE_HOME="$tmp_home/.cache" \
  dbus-run-session -- sh -c 'echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$@"' sh "$@"
status=$?
exit "$status"

#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked GNOME keyring, so tests use
# the real Secret Service (the OS keyring on Linux) without a desktop login.
#
#   tests/keyring/session.sh cargo test -p redaksi-publish
#
# Installs dbus and gnome-keyring when missing. The keyring files live in a temporary HOME
# (XDG_DATA_HOME), deleted afterwards, so no test secret outlives the run.
set -euo pipefail

if [[ -z "${REDAKSI_KEYRING_INNER:-}" ]]; then
  missing=()
  for pkg in dbus gnome-keyring libglib2.0-bin; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if ((${#missing[@]})); then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  data="$(mktemp -d /tmp/redaksi-keyring.XXXXXX)"
  trap 'rm -rf "$data"' EXIT
  REDAKSI_KEYRING_INNER=1 XDG_DATA_HOME="$data" dbus-run-session -- "$0" "$@"
  exit $?
fi

# Inside the session: the daemon creates and unlocks a throw-away `login` keyring with a
# random password (an empty one leaves no default collection).
eval "$(head -c 24 /dev/urandom | base64 | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)"
export GNOME_KEYRING_CONTROL
for _ in $(seq 1 50); do
  gdbus call --session --dest org.freedesktop.secrets --object-path /org/freedesktop/secrets \
    --method org.freedesktop.Secret.Service.ReadAlias default 2>/dev/null | grep -q collection && break
  sleep 0.1
done
set +e
"$@"
status=$?
# dbus-run-session ends the bus; the daemon exits with it.
exit $status

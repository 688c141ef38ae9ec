#!/bin/sh
# Installs the Debian packages named on the command line that are not installed yet:
# as root with apt-get, as another user through sudo when sudo works; otherwise stops
# at once with the one line an administrator must run. The Makefile calls it before
# it makes .venv (python3.X-venv) and before the tests (Chromium, fonts, Java, ...).
# Not Debian (no dpkg-query): does nothing; README.md says what to install by hand.
set -u
command -v dpkg-query >/dev/null 2>&1 || exit 0

missing=""
for package in "$@"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q ' installed$' || missing="$missing $package"
done
[ -n "$missing" ] || exit 0

line="apt-get update && apt-get install -y --no-install-recommends$missing"
stop() {
  echo "run as root: $line" >&2
  exit 1
}

if [ "$(id -u)" = 0 ]; then
  as_root=""
elif command -v sudo >/dev/null 2>&1 && { sudo -n true 2>/dev/null || [ -t 0 ]; }; then
  as_root="sudo"  # without a password, or asking for it at this terminal
else
  stop
fi

echo "installing Debian packages:$missing"
$as_root apt-get update -qq || stop
# shellcheck disable=SC2086  # one word per package
$as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing || stop

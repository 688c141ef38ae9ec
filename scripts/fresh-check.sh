#!/usr/bin/env bash
# Why this exists: README.md promises that `make serve` and `make test` set up everything on
# a fresh Debian machine that has only git, make and Debian's python3. CI runs in the
# python:3.11-bookworm image, which has its own newer Python (with venv) and much more, so it
# cannot notice a missing Debian package or a pin that Debian's Python cannot install.
# This script checks the promise on real minimal Debian systems:
#   for each release (default: bookworm trixie) it makes a `debootstrap --variant=minbase`
#   root (or reuses its cached tarball, at most a week old), installs only git, make and
#   python3, clones the committed HEAD of this checkout into it, and then checks that
#     1. a normal user without sudo: `make serve` and `make test` stop at once, non-zero,
#        printing one `apt-get install` line and no traceback;
#     2. root: `make serve` answers 200 on / and /en/ and installs none of the test tools
#        (no Chromium, Java or Node); then once more, set up already;
#     3. root: `make test` in a fresh clone passes (FRESH_TWICE=1: runs it a second time).
#   It prints each step's time and the final pytest line; logs are in DIR/RELEASE/*.log.
#
# Usage (as root; needs debootstrap): scripts/fresh-check.sh [RELEASE ...]
#   FRESH_DIR     where roots, tarballs and logs go (default: build/fresh)
#   FRESH_MIRROR  Debian mirror (default: http://deb.debian.org/debian)
#   FRESH_TWICE=1 run `make test` a second time in the same clone (the "later" time)
# A host behind a TLS-intercepting proxy trusts it through extra certificates in
# /usr/local/share/ca-certificates; those are copied into each root (Debian's ca-certificates,
# which python3.X-venv pulls in, adds them), since pip and npm would fail there otherwise.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
releases=("$@")
[ ${#releases[@]} -gt 0 ] || releases=(bookworm trixie)
dir=${FRESH_DIR:-$repo/build/fresh}
mirror=${FRESH_MIRROR:-http://deb.debian.org/debian}
twice=${FRESH_TWICE:-0}
user=fresh
path=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

[ "$(id -u)" = 0 ] || { echo "fresh-check: run as root (it uses debootstrap and chroot)" >&2; exit 2; }
command -v debootstrap >/dev/null || { echo "fresh-check: install debootstrap first (apt-get install debootstrap)" >&2; exit 2; }
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
head=$(git -c safe.directory='*' -C "$repo" rev-parse HEAD)

mounted=()   # mount points to undo, last first
server=""    # process group of a running `make serve`
# Stop the `make serve` process group and wait until all of it is gone (mkdocs may outlive make).
stop_server() {
  [ -n "$server" ] || return 0
  kill -TERM -- "-$server" 2>/dev/null || true
  local _
  for _ in $(seq 1 40); do kill -0 -- "-$server" 2>/dev/null || break; sleep 0.5; done
  kill -KILL -- "-$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  server=""
}
cleanup() {
  stop_server
  local i
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
    umount "${mounted[i]}" 2>/dev/null || umount -l "${mounted[i]}" || true
  done
  mounted=()
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now() { date +%s; }
took() { echo "$(( $(now) - $1 )) s"; }
say() { printf '[%s] %s\n' "$release" "$*"; }
fail() { say "FAILED: $*"; return 1; }

# A command inside the root, with a clean environment as on a new machine (root's, or the user's).
in_root() { env -i PATH=$path HOME=/root TERM=dumb chroot "$root" "$@"; }
as_user() { env -i PATH=$path HOME=/home/$user USER=$user TERM=dumb chroot --userspec=$user:$user "$root" "$@"; }

mount_root() {
  mount -t proc proc "$root/proc" && mounted+=("$root/proc")
  mount -t sysfs sysfs "$root/sys" && mounted+=("$root/sys")
  mount -t devpts -o newinstance,ptmxmode=0666,mode=0620 devpts "$root/dev/pts" && mounted+=("$root/dev/pts")
  mount -t tmpfs -o mode=1777 shm "$root/dev/shm" && mounted+=("$root/dev/shm")  # Chromium needs it
}

# Root's `make serve` in a clone: wait for / and /en/ to answer 200, then stop it.
serve_check() {
  local clone=$1 log=$2 start; start=$(now)
  # The root shares this machine's network: another server on port 8000 would answer for ours.
  if in_root python3 -c 'import socket; socket.create_connection(("127.0.0.1", 8000), timeout=2)' 2>/dev/null; then
    fail "something already listens on 127.0.0.1:8000, the port make serve uses"; return 1
  fi
  setsid env -i PATH=$path HOME=/root TERM=dumb chroot "$root" sh -c "cd $clone && exec make serve" >"$log" 2>&1 &
  server=$!
  local ok=""
  for _ in $(seq 1 600); do
    if ! kill -0 "$server" 2>/dev/null; then break; fi
    if in_root python3 -c '
import sys, urllib.request
for path in ("/", "/en/"):
    with urllib.request.urlopen("http://127.0.0.1:8000" + path, timeout=5) as answer:
        assert answer.status == 200, (path, answer.status)
' 2>/dev/null; then ok=1; break; fi
    sleep 1
  done
  stop_server
  [ -n "$ok" ] || { tail -n 20 "$log"; fail "make serve did not answer 200 on / and /en/ (log: $log)"; return 1; }
  say "  make serve: / and /en/ answered 200 after $(took "$start")"
}

# A normal user's make TARGET stops at once: non-zero, one apt-get install line, no traceback.
user_stops() {
  local target=$1 log=$logs/user-$1.log start; start=$(now)
  if as_user sh -c "cd /home/$user/site && timeout 120 make $target" >"$log" 2>&1; then
    cat "$log"; fail "make $target as $user succeeded without the packages"; return 1
  fi
  local lines; lines=$(grep -c 'apt-get install' "$log" || true)
  if [ "$lines" != 1 ] || grep -q Traceback "$log"; then
    cat "$log"; fail "make $target as $user: expected one apt-get install line and no traceback"; return 1
  fi
  say "  make $target as $user stopped after $(took "$start"): $(grep 'apt-get install' "$log")"
}

check_release() {
  local start t
  logs=$dir/$release
  root=$logs/root
  local tarball=$dir/$release-minbase.tar
  mkdir -p "$logs"
  if findmnt -rn -o TARGET | grep -q "^$root"; then fail "something is still mounted under $root"; return 1; fi
  rm -rf --one-file-system "$root"

  start=$(now)
  if [ -n "$(find "$tarball" -mtime -7 2>/dev/null)" ]; then
    mkdir -p "$root" && tar -xf "$tarball" -C "$root"
    say "minbase root from $tarball: $(took "$start")"
  else
    local keyring=()
    [ ! -f /usr/share/keyrings/debian-archive-keyring.gpg ] || keyring=(--keyring=/usr/share/keyrings/debian-archive-keyring.gpg)
    debootstrap --variant=minbase "${keyring[@]}" "$release" "$root" "$mirror" >"$logs/debootstrap.log" 2>&1 \
      || { tail -n 20 "$logs/debootstrap.log"; fail "debootstrap"; return 1; }
    ! mountpoint -q "$root/proc" || umount "$root/proc"  # debootstrap has been seen to leave it mounted
    tar --one-file-system -cf "$tarball.new" -C "$root" . && mv "$tarball.new" "$tarball"
    say "debootstrap --variant=minbase $release: $(took "$start")"
  fi

  cp /etc/resolv.conf "$root/etc/resolv.conf"
  if compgen -G '/usr/local/share/ca-certificates/*.crt' >/dev/null; then
    mkdir -p "$root/usr/local/share/ca-certificates"
    cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
  fi
  mount_root

  start=$(now)
  in_root sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends git make python3' \
    >"$logs/base.log" 2>&1 || { tail -n 20 "$logs/base.log"; fail "apt-get install git make python3"; return 1; }
  say "apt-get install git make python3: $(took "$start") ($(in_root python3 --version))"

  # The committed HEAD, as a repository inside the root; the root's own git clones it.
  # (safe.directory: the checkout may belong to another user than root.)
  git -c safe.directory='*' clone --quiet --bare --depth 1 "file://$repo" "$root/srv/site.git"
  [ "$(git -C "$root/srv/site.git" rev-parse HEAD)" = "$head" ] || { fail "the clone is not at HEAD $head"; return 1; }

  # 1. A normal user without sudo, on the fresh system.
  in_root useradd --create-home --shell /bin/sh "$user"
  in_root cp -r /srv/site.git "/home/$user/site.git"  # the user's own copy: git refuses another owner's
  in_root chown -R "$user:$user" "/home/$user/site.git"
  as_user git clone --quiet "/home/$user/site.git" "/home/$user/site"
  user_stops serve
  user_stops test

  # 2. make serve as root: the first time sets up .venv; it must not install the test tools.
  in_root git clone --quiet /srv/site.git /root/serve
  say "make serve (first time: python3.X-venv, .venv from requirements.txt, build):"
  serve_check /root/serve "$logs/serve-1.log" || return 1
  # shellcheck disable=SC2016  # ${Status}: dpkg-query's format, not the shell's
  t=$(in_root dpkg-query -W -f='${Status} ${Package}\n' chromium default-jre-headless nodejs 2>/dev/null | grep ' installed ' || true)
  [ -z "$t" ] || { fail "make serve installed test tools: $t"; return 1; }
  say "make serve (set up already):"
  serve_check /root/serve "$logs/serve-2.log" || return 1

  # 3. make test as root in a fresh clone: everything set up from scratch.
  in_root git clone --quiet /srv/site.git /root/test
  local run
  for run in 1 2; do
    [ "$run" = 1 ] || [ "$twice" = 1 ] || break
    start=$(now)
    if ! in_root sh -c 'cd /root/test && make test' >"$logs/test-$run.log" 2>&1; then
      tail -n 40 "$logs/test-$run.log"; fail "make test (run $run, log: $logs/test-$run.log)"; return 1
    fi
    say "make test (run $run): $(took "$start"): $(grep -E '^=+ .*(passed|failed|error).* in .*=+$' "$logs/test-$run.log" | tail -n 1)"
  done
  cleanup
}

failed=()
for release in "${releases[@]}"; do
  begin=$(now)
  # A subshell per release, not in a condition, so that set -e holds inside it; it unmounts on exit.
  set +e
  ( set -e; trap cleanup EXIT; trap 'exit 130' INT TERM; check_release )
  rc=$?
  set -e
  [ "$rc" != 130 ] || exit 130
  if [ "$rc" = 0 ]; then say "passed in $(took "$begin")"; else failed+=("$release"); say "failed after $(took "$begin")"; fi
done
[ ${#failed[@]} = 0 ] || { echo "fresh-check failed on: ${failed[*]}" >&2; exit 1; }
echo "fresh-check passed on: ${releases[*]}"

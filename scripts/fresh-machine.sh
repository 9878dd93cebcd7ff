#!/usr/bin/env bash
# Proves README's two commands on a machine that has nothing but Rust: a debootstrapped Debian 12
# (bookworm, minbase) tree, given only what a Rust toolchain itself needs (gcc, libc6-dev, the
# host's rustup toolchain and cargo home mounted at the same paths), then:
#   1. `cargo xtask deps build --check` must find the PC/SC headers and pkg-config missing;
#   2. `cargo xtask demo status` (README's run command, on the command line: the tree has no
#      display) installs them with apt-get, builds Tessera from scratch and runs it on the demo
#      card (the window itself: scripts/screenshots.sh);
#   3. `cargo xtask deps test --check` must list the test packages missing;
#   4. `cargo xtask deps test` (the install step of README's test command) installs them, and
#   5. `cargo xtask deps test --check` then finds everything.
# Running the tests themselves is the last CI stage, through the same `cargo xtask test`.
# The tree builds in a target folder of its own (target/fresh/target), from scratch.
# Needs root, debootstrap and a Debian mirror (DEBIAN_MIRROR). Usage: sudo scripts/fresh-machine.sh
set -euo pipefail
cd "$(dirname "$0")/.."
die() { echo "fresh-machine.sh: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || die "needs root (debootstrap, chroot, namespaces): sudo $0"
cargo xtask deps ci --check || die "packages missing: cargo xtask deps ci"
cargo_home=${CARGO_HOME:-$HOME/.cargo} rustup_home=${RUSTUP_HOME:-$HOME/.rustup}
[ -x "$cargo_home/bin/cargo" ] || die "no cargo in $cargo_home/bin"

tree=target/fresh/bookworm
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
t0=$SECONDS
rm -rf "$tree" target/fresh/target
mkdir -p target/fresh
echo "fresh: debootstrap Debian 12 (bookworm, minbase) from $mirror"
debootstrap --variant=minbase bookworm "$tree" "$mirror" >target/fresh/debootstrap.log 2>&1 ||
  { tail -20 target/fresh/debootstrap.log; die "debootstrap failed"; }
# What rustup's own install needs (a C linker and libc headers), nothing of Tessera's.
scripts/in-tree.sh "$tree" --net -- env DEBIAN_FRONTEND=noninteractive sh -c \
  'apt-get update -qq && apt-get install -y -qq --no-install-recommends gcc libc6-dev ca-certificates' \
  >target/fresh/apt.log 2>&1 || { tail -20 target/fresh/apt.log; die "apt-get in the tree failed"; }
echo "fresh: tree ready in $((SECONDS - t0)) s: Debian $(cat "$tree/etc/debian_version"), gcc, Rust $("$cargo_home/bin/rustc" --version | cut -d' ' -f2); no pkg-config, no libpcsclite"

# In the tree: PATH with cargo; the repository and the Rust homes at their host paths.
in_tree() {
  scripts/in-tree.sh "$tree" --net --bind "$PWD" --bind "$cargo_home" --bind "$rustup_home" -- \
    env PATH="$cargo_home/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    CARGO_HOME="$cargo_home" RUSTUP_HOME="$rustup_home" DEBIAN_FRONTEND=noninteractive \
    CARGO_TARGET_DIR="$PWD/target/fresh/target" \
    sh -c "cd '$PWD' && $1"
}
n=0
step() { # NAME EXPECTED-EXIT COMMAND
  local t=$SECONDS code
  echo "--- fresh: $1: $3"
  set +e
  # apt's own progress goes to the step's log only (target/fresh/step-*.log); the rest is shown.
  in_tree "$3" 2>&1 | tee "target/fresh/step-$((++n)).log" |
    grep --line-buffered -vE '^(Get:|Hit:|Ign:|Fetched|Reading|Building|Selecting|Preparing|Unpacking|Setting up|Processing|\(Reading|update-alternatives|debconf|Regenerating|Created symlink|Adding|Creating|The following|Suggested|Recommended|Need to get|After this|[0-9]+ upgraded|  [a-z0-9])' |
    sed 's/^/    /'
  code=${PIPESTATUS[0]}
  set -e
  echo "--- fresh: $1 exited $code in $((SECONDS - t)) s"
  [ "$code" = "$2" ] || die "$1: exit $code, expected $2"
}
step "nothing installed yet" 1 "cargo xtask deps build --check"
step "README run command" 0 "cargo xtask demo status --lang en"
step "test packages missing" 1 "cargo xtask deps test --check"
step "README test command, its install step" 0 "cargo xtask deps test"
step "test packages present" 0 "cargo xtask deps test --check"
echo "fresh: README's run command and the test command's install worked on a bare Debian 12 in $((SECONDS - t0)) s"

#!/usr/bin/env bash
# Proves README's two commands on a machine that has nothing but Rust: a debootstrapped Debian 12
# (bookworm, minbase) tree, given only what a Rust toolchain itself needs (gcc, libc6-dev, the
# host's rustup toolchain and cargo home mounted at the same paths), then:
#   1. `cargo xtask deps build --check` must find the PC/SC headers and pkg-config missing;
#   2. `cargo xtask demo status` installs them with apt-get, builds Tessera and runs it on the
#      demo card (the window itself needs a display: scripts/screenshots.sh shows it);
#   3. `cargo xtask deps test --check` must list the test packages missing;
#   4. `cargo xtask test --test opensc` installs them and runs OpenSC against the simulated cards
#      through the real PC/SC testbed inside the tree (after building every test).
# The repository is mounted at its own path, so what the tree builds lands in the repository's
# target/ and the later CI stages reuse it rather than build it twice.
# (On a machine that has built before, set FRESH_TARGET_DIR=target/fresh/target to build from
# scratch in a folder of its own.)
# Needs root, debootstrap and a Debian mirror (DEBIAN_MIRROR). Usage: sudo scripts/fresh-machine.sh
set -euo pipefail
cd "$(dirname "$0")/.."
die() { echo "fresh-machine.sh: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || die "needs root (debootstrap, chroot, namespaces): sudo $0"
command -v debootstrap >/dev/null || die "missing debootstrap (cargo xtask deps ci)"
cargo_home=${CARGO_HOME:-$HOME/.cargo} rustup_home=${RUSTUP_HOME:-$HOME/.rustup}
[ -x "$cargo_home/bin/cargo" ] || die "no cargo in $cargo_home/bin"

tree=target/fresh/bookworm
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
t0=$SECONDS
rm -rf "$tree"
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
    ${FRESH_TARGET_DIR:+CARGO_TARGET_DIR="$PWD/$FRESH_TARGET_DIR"} \
    sh -c "cd '$PWD' && $1"
}
step() { # NAME EXPECTED-EXIT COMMAND
  local t=$SECONDS code
  echo "--- fresh: $1: $3"
  set +e
  in_tree "$3" 2>&1 | sed 's/^/    /'
  code=${PIPESTATUS[0]}
  set -e
  echo "--- fresh: $1 exited $code in $((SECONDS - t)) s"
  [ "$code" = "$2" ] || die "$1: exit $code, expected $2"
}
step "nothing installed yet" 1 "cargo xtask deps build --check"
step "README run command" 0 "cargo xtask demo status --lang en"
step "test packages missing" 1 "cargo xtask deps test --check"
step "README test command" 0 "cargo xtask test --test opensc"
echo "fresh: README's two commands worked on a bare Debian 12 in $((SECONDS - t0)) s"

#!/usr/bin/env bash
# Runs every Tessera test: unit and property tests, the in-process simulator tests, and the tests
# through the real PC/SC stack (a private pcscd + vsmartcard vpcd, with our simulated card plugged
# into it) including OpenSC's acceptance of the simulated card.
#
# Needs: root (pcscd creates its socket and we give it private mount and network namespaces, so a
# system pcscd and the machine's network are untouched: vpcd's port listens on loopback in its
# own namespace), and the Debian packages pcscd, libpcsclite-dev, vsmartcard-vpcd, opensc,
# opensc-pkcs11, iproute2, util-linux. `.ci/run` installs them.
set -euo pipefail
cd "$(dirname "$0")/.."

die() { echo "scripts/test.sh: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || die "needs root for the private pcscd (try: sudo -E scripts/test.sh)"
for cmd in pcscd unshare nsenter ip pkcs15-tool pkcs11-tool; do
  command -v "$cmd" >/dev/null || die "missing $cmd (apt-get install pcscd vsmartcard-vpcd opensc iproute2)"
done
ls /usr/lib/pcsc/drivers/serial/libifdvpcd.so* >/dev/null 2>&1 || die "vsmartcard-vpcd is not installed"

# Build everything first: the tests run inside a network namespace with no network.
cargo test --no-run --locked -q

run=$(mktemp -d /tmp/tessera-pcscd.XXXXXX)
mkdir -p /run/pcscd
pcscd_pid=""
cleanup() {
  set +e
  if [ -n "$pcscd_pid" ]; then kill "$pcscd_pid" 2>/dev/null; wait "$pcscd_pid" 2>/dev/null; fi
  rm -rf "$run"
}
trap cleanup EXIT

# A private pcscd: its own mount namespace (socket in $run) and network namespace (loopback).
unshare --mount --net -- sh -c "mount --bind '$run' /run/pcscd && ip link set lo up && exec pcscd --foreground ${PCSCD_ARGS:-}" \
  >"$run.log" 2>&1 &
pcscd_pid=$!
for _ in $(seq 200); do [ -S "$run/pcscd.comm" ] && break; sleep 0.05; done
[ -S "$run/pcscd.comm" ] || { cat "$run.log" >&2; die "pcscd did not start"; }

export PCSCLITE_CSOCK_NAME="$run/pcscd.comm" TESSERA_PCSC_TESTBED=1
# One card slot: test binaries run one after another, and tests within one binary take a lock.
nsenter --net="/proc/$pcscd_pid/ns/net" -- cargo test --locked --offline "$@"

#!/usr/bin/env bash
# Runs every Tessera test: unit and property tests, the in-process simulator tests, and the tests
# through the real PC/SC stack (a private pcscd + vsmartcard vpcd with our simulated card plugged
# in), including OpenSC's acceptance of the simulated card. Extra arguments go to `cargo test`.
#
# Needs root (for the private pcscd, see scripts/with-testbed.sh) and the Debian packages pcscd,
# libpcsclite-dev, vsmartcard-vpcd, opensc, opensc-pkcs11, libnss3-tools, openssl, chromium,
# firefox-esr, iproute2, util-linux, gdb, bsdutils (.ci/run installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
for cmd in pkcs15-tool pkcs11-tool certutil modutil tstclnt openssl chromium firefox-esr gdb script; do
  command -v "$cmd" >/dev/null || { echo "test.sh: missing $cmd (apt-get install opensc libnss3-tools openssl chromium firefox-esr gdb bsdutils)" >&2; exit 1; }
done
# Build first: the tests run inside a network namespace without network.
cargo test --workspace --locked --no-run -q
# The binaries and the PKCS#11 module in target/debug (a test-only build leaves the module in
# target/debug/deps, where `tessera browser setup` does not look).
cargo build --workspace --locked -q
# The PKCS#11 module with the test-only auto-login, for the headless-browser tests (a headless
# browser cannot type a PIN). Its own target dir: the normal build never has the feature.
cargo build --locked -q -p tessera-pkcs11 --features test-autologin --target-dir target/autologin
# One card slot: test binaries run one after another, and tests within one binary take a lock.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
scripts/with-testbed.sh cargo test --workspace --no-fail-fast --locked --offline "$@" -- --include-ignored 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
awk '/^test result:/ { p += $4; f += $6 } END { printf "tests: %d passed, %d failed\n", p, f }' "$log" | tee target/test-summary.txt
exit "$status"

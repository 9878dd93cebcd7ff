#!/usr/bin/env bash
# Figures for browser login through PKCS#11, as a browser uses a module: APDUs and wall time
# from C_Initialize to the first signature, and for a second signature in the same session,
# for Tessera's module on the simulated CPS, ACe 2025 and CIE, next to OpenSC's module on the
# same simulated CPS in the same run. APDUs are counted by the simulated card.
# Usage (root): scripts/bench-pkcs11.sh [ROUNDS]   (default 10)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked -q -p tessera -p tessera-pkcs11
cargo build --release --locked -q -p tessera-pkcs11 --example pkcs11-bench
exec scripts/with-testbed.sh scripts/bench-pkcs11-inner.sh "${1:-10}"

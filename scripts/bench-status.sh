#!/usr/bin/env bash
# Figures for the card overview through the real PC/SC stack: APDUs and wall time of
# `tessera status` (reader, card type, number, personal data, certificate, PIN/PUK counters)
# next to OpenSC's `pkcs15-tool --read-certificate 01` on the same simulated CPS in the same run.
# APDUs are counted by the simulated card itself, so both tools are measured the same way.
# Usage (root): scripts/bench-status.sh [ROUNDS]   (default 20)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked -q
exec scripts/with-testbed.sh scripts/bench-status-inner.sh "${1:-20}"

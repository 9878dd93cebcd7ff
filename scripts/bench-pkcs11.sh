#!/usr/bin/env bash
# Figures for browser login through PKCS#11, as a browser uses a module: APDUs and wall time
# from C_Initialize to the first signature, and for a second signature in the same session,
# for Tessera's module on the simulated CPS, ACe 2025 and CIE, next to OpenSC's module on the
# same simulated CPS in the same run. APDUs are counted by the simulated card.
# Usage (root): scripts/bench-pkcs11.sh [ROUNDS]   (default 10)
# It builds, then runs itself again next to the PC/SC testbed (cargo xtask testbed).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${TESSERA_PCSC_TESTBED:-}" != 1 ]; then
  cargo build --release --locked -q -p tessera -p tessera-pkcs11
  cargo build --release --locked -q -p tessera-pkcs11 --example pkcs11-bench
  exec cargo xtask testbed scripts/bench-pkcs11.sh "${1:-10}"
fi
rounds=$1
bin=target/release/tessera
bench=target/release/examples/pkcs11-bench
ours=$PWD/target/release/libtessera_pkcs11.so
opensc=$(ls /usr/lib/*/opensc-pkcs11.so 2>/dev/null | head -1)
work=$(mktemp -d)
sim=""
trap 'set +e; [ -n "$sim" ] && kill $sim 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
printf 'app default {\n  framework pkcs15 {\n    use_file_caching = no;\n  }\n}\n' >"$work/opensc.conf"
# The simulated CIE uses Tessera's public test authority: an explicit choice for the benchmark.
export OPENSC_CONF="$work/opensc.conf" HOME="$work" TESSERA_ALLOW_SIMULATED_CARD=1
# Public card data remembered between processes (a CIE's certificate and EF.SOD verdict).
export TESSERA_CACHE_DIR="$work/card-cache"

median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f", m}'; }
apdus() { grep -c 'sim apdu' "$work/sim.log" || true; }

insert() { # profile
  [ -n "$sim" ] && { kill "$sim" 2>/dev/null; wait "$sim" 2>/dev/null || true; }
  for _ in $(seq 100); do "$bin" readers --json 2>/dev/null | grep -q '"card_present": true' || break; sleep 0.1; done
  TESSERA_LOG=tessera::sim=debug "$bin" simulate --profile "$1" >"$work/sim.log" 2>&1 &
  sim=$!
  for _ in $(seq 100); do "$bin" readers --json 2>/dev/null | grep -q '"card_present": true' && break; sleep 0.1; done
}

measure() { # label module [cold]   cold: the card cache emptied before every round, no warm-up
  local label=$1 module=$2 cold=${3:-} firsts=() seconds=() a1=0 a2=0 before mid after
  [ -n "$cold" ] || echo 31415926 | "$bench" "$module" >/dev/null   # warm-up (the demo PIN, on stdin)
  for _ in $(seq "$rounds"); do
    [ -z "$cold" ] || rm -rf "$TESSERA_CACHE_DIR"
    before=$(apdus)
    rm -f "$work/mark"
    echo 31415926 | "$bench" "$module" "$work/mark" >"$work/out" &
    b=$!
    while [ ! -e "$work/mark" ] && kill -0 $b 2>/dev/null; do sleep 0.005; done
    mid=$(apdus); rm -f "$work/mark"
    wait $b
    after=$(apdus)
    read -r f s <"$work/out"
    firsts+=("$f"); seconds+=("$s")
    a1=$((mid - before)); a2=$((after - mid))
  done
  printf '  %-34s first signature %4d APDUs, median %7s ms;  second %3d APDUs, median %6s ms  (%d rounds)\n' \
    "$label" "$a1" "$(printf '%s\n' "${firsts[@]}" | median)" "$a2" "$(printf '%s\n' "${seconds[@]}" | median)" "$rounds"
}

echo "PKCS#11 through pcscd + vpcd: C_Initialize → login → first signature, then a second one"
insert cps
measure "Tessera module, CPS" "$ours"
[ -n "$opensc" ] && measure "OpenSC module, same CPS" "$opensc"
insert ace2025
measure "Tessera module, ACe 2025" "$ours"
insert cie
measure "Tessera module, CIE, first use" "$ours" cold
measure "Tessera module, CIE" "$ours"
echo "  (official IPZS CIE middleware, same simulated CIE, after its enrolment: first signature 57 APDUs)"
rm -rf "$TESSERA_CACHE_DIR"
status_apdus() { local b; b=$(apdus); "$bin" status --allow-simulated-card >/dev/null 2>&1 || true; echo $(( $(apdus) - b )); }
cold=$(status_apdus); warm=$(status_apdus)
printf '  %-34s %d APDUs first use, %d later\n' "tessera status, CIE" "$cold" "$warm"
echo "  module size: $(stat -c %s "$ours") bytes ($ours, release)"

#!/usr/bin/env bash
# Figures for the card overview through the real PC/SC stack: APDUs and wall time of
# `tessera status` (reader, card type, number, personal data, certificate, PIN/PUK counters)
# next to OpenSC's `pkcs15-tool --read-certificate 01` on the same simulated CPS in the same run.
# APDUs are counted by the simulated card itself, so both tools are measured the same way.
# Usage (root): scripts/bench-status.sh [ROUNDS]   (default 20)
# It builds, then runs itself again next to the PC/SC testbed (cargo xtask testbed).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${TESSERA_PCSC_TESTBED:-}" != 1 ]; then
  cargo build --release --locked -q
  exec cargo xtask testbed scripts/bench-status.sh "${1:-20}"
fi
rounds=$1
bin=target/release/tessera
work=$(mktemp -d)
trap 'set +e; kill $sim 2>/dev/null; wait $sim 2>/dev/null; rm -rf "$work"' EXIT
printf 'app default {\n  framework pkcs15 {\n    use_file_caching = no;\n  }\n}\n' >"$work/opensc.conf"

TESSERA_LOG=tessera::sim=debug "$bin" simulate --profile cps >"$work/sim.log" 2>&1 &
sim=$!
for _ in $(seq 100); do "$bin" readers --json 2>/dev/null | grep -q '"card_present": true' && break; sleep 0.1; done

apdus() { grep -c 'sim apdu' "$work/sim.log" || true; }
now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f", m/1e6}'; }

measure() { # name, command...
  local name=$1; shift
  local before after t0 t1 times=() n=0
  "$@" >/dev/null 2>&1   # warm-up (connect, cache)
  before=$(apdus)
  for _ in $(seq "$rounds"); do
    t0=$(now); "$@" >/dev/null 2>&1; t1=$(now)
    times+=($((t1 - t0)))
  done
  after=$(apdus)
  n=$(( (after - before) / rounds ))
  printf '%-44s %5d APDUs   median %7s ms   (%d rounds)\n' "$name" "$n" "$(printf '%s\n' "${times[@]}" | median)" "$rounds"
}

echo "Simulated CPS (STIncard, CNS 1.1, RSA-2048) through pcscd + vpcd:"
measure "tessera status (full overview)" "$bin" status --json
measure "tessera cert show" "$bin" cert show --json
measure "OpenSC pkcs15-tool --read-certificate 01" env OPENSC_CONF="$work/opensc.conf" HOME="$work" pkcs15-tool --read-certificate 01

# Every CNS lot, one after another in the first slot: `tessera status` APDUs (and how many
# VERIFY commands: the two counter reads) and time. The card is pulled (simulator stopped) and
# the next lot inserted; the status of the new card is checked to name the expected lot.
echo
echo "Every CNS lot through pcscd + vpcd: tessera status (full overview)"
lot_apdus() { grep -c 'sim apdu' "$work/lot.log" || true; }
verifies() { grep -c 'sim apdu INS 20' "$work/lot.log" || true; }
for profile in cps ts-cns idemia2021 ace2025 ace2025-strict st2022-nfc; do
  kill "$sim" 2>/dev/null; wait "$sim" 2>/dev/null || true
  for _ in $(seq 100); do "$bin" readers --json 2>/dev/null | grep -q '"card_present": true' || break; sleep 0.1; done
  TESSERA_LOG=tessera::sim=debug "$bin" simulate --profile "$profile" >"$work/lot.log" 2>&1 &
  sim=$!
  for _ in $(seq 100); do "$bin" readers --json 2>/dev/null | grep -q '"card_present": true' && break; sleep 0.1; done
  lot=$("$bin" status --json | sed -n 's/.*"lot": "\{0,1\}\([a-z0-9-]*\).*/\1/p' | head -1)
  before=$(lot_apdus); vbefore=$(verifies); times=()
  for _ in $(seq "$rounds"); do
    t0=$(now); "$bin" status --json >/dev/null 2>&1; t1=$(now)
    times+=($((t1 - t0)))
  done
  printf '  %-16s lot %-12s %3d APDUs (%d VERIFY)   median %7s ms   (%d rounds)\n' "$profile" "$lot" \
    $(( ($(lot_apdus) - before) / rounds )) $(( ($(verifies) - vbefore) / rounds )) "$(printf '%s\n' "${times[@]}" | median)" "$rounds"
done

# The CIE: a second simulated card, in the second vpcd slot.
TESSERA_LOG=tessera::sim=debug "$bin" simulate --profile cie --vpcd 127.0.0.1:35964 >"$work/cie.log" 2>&1 &
cie=$!
trap 'set +e; kill $sim $cie 2>/dev/null; wait $sim $cie 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do "$bin" readers --json 2>/dev/null | grep -c '"card_present": true' | grep -q 2 && break; sleep 0.1; done
cie_reader="Virtual PCD 00 01"
cie_apdus() { grep -c 'sim apdu' "$work/cie.log" || true; }

measure_cie() { # name, stdin-generator function, command...
  local name=$1 gen=$2; shift 2
  local before after t0 t1 times=() i
  "$gen" 0 | "$@" >/dev/null 2>&1
  before=$(cie_apdus)
  for i in $(seq "$rounds"); do
    t0=$(now); "$gen" "$i" | "$@" >/dev/null 2>&1; t1=$(now)
    times+=($((t1 - t0)))
  done
  after=$(cie_apdus)
  printf '%-44s %5d APDUs   median %7s ms   (%d rounds)\n' "$name" $(( (after - before) / rounds )) "$(printf '%s\n' "${times[@]}" | median)" "$rounds"
}
no_input() { :; }
# PIN change back and forth between two PINs; unblock sets them alternately too.
pins() { if [ $(( $1 % 2 )) = 0 ]; then printf '31415926\n58209749\n58209749\n'; else printf '58209749\n31415926\n31415926\n'; fi; }
unblock_input() { if [ $(( $1 % 2 )) = 0 ]; then printf '27182818\n58209749\n58209749\n'; else printf '27182818\n31415926\n31415926\n'; fi; }

echo
echo "Simulated CIE 3.0 (Bit4id family) through pcscd + vpcd (DH + device authentication + SM each time):"
measure_cie "tessera status (full overview)" no_input "$bin" status --json --reader "$cie_reader"
measure_cie "tessera pin change (status read + change)" pins "$bin" pin change --json --allow-simulated-card --reader "$cie_reader"
measure_cie "tessera pin unblock (status read + unblock)" unblock_input "$bin" pin unblock --json --allow-simulated-card --reader "$cie_reader"

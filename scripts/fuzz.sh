#!/usr/bin/env bash
# Fuzzes every target for SECONDS each (default 20: the bounded CI run), with libFuzzer and
# AddressSanitizer on the nightly toolchain; prints executions and coverage per target.
#   scripts/fuzz.sh            # CI: every target, 20 s each
#   scripts/fuzz.sh 3600 atr   # a long run of one target
# Corpora live in fuzz/corpus/TARGET (kept in the repository and grown by runs), crashes in
# fuzz/artifacts/TARGET (a crash fails the run; keep its input as a regression seed once fixed).
# Needs: rustup's nightly toolchain and cargo-fuzz (cargo install cargo-fuzz).
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-20}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(atr apdu personal_data certificate sm_unwrap dh_params browser_files hostile_card)
# The mutations follow a seed: fixed in CI (FUZZ_SEED, default 1), so a CI verdict replays with
# the same command on the same commit; random elsewhere, so local runs explore.
if [ -n "${FUZZ_SEED:-}" ]; then seed=$FUZZ_SEED; elif [ "${CI:-}" = true ]; then seed=1; else seed=$RANDOM$RANDOM; fi
command -v cargo-fuzz >/dev/null || { echo "fuzz.sh: cargo-fuzz missing (cargo install cargo-fuzz)" >&2; exit 1; }
cargo +nightly fuzz build -O --fuzz-dir fuzz >/dev/null
status=0
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t" "fuzz/artifacts/$t"
  # Inputs that once crashed a target, replayed first: a fixed bug stays fixed.
  if compgen -G "fuzz/regressions/$t/*" >/dev/null; then
    # -timeout: a slow input (a timeout once) fails the replay too; every other input takes ms.
    cargo +nightly fuzz run -O --fuzz-dir fuzz "$t" fuzz/regressions/"$t"/* -- -timeout=2 >/dev/null 2>&1 \
      || { echo "fuzz: $t: a regression input crashes or hangs again"; status=1; }
  fi
  log=$(mktemp)
  set +e
  cargo +nightly fuzz run -O --fuzz-dir fuzz "$t" "fuzz/corpus/$t" -- -seed="$seed" \
    -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1
  rc=$?
  set -e
  execs=$(awk '/stat::number_of_executed_units/ { print $NF }' "$log")
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | awk '{print $2}')
  echo "fuzz: $t: ${execs:-?} executions in ${secs} s, coverage ${cov:-?}, seed $seed, exit $rc"
  if [ "$rc" != 0 ]; then
    status=1
    grep -E "panicked|ERROR: |SUMMARY|Test unit written" "$log" | head -20
    # The input itself, so that a CI log is enough to replay it (CI keeps no artifacts).
    for a in $(grep -o "Test unit written to [^ ]*" "$log" | awk '{print $NF}'); do
      [ -f "$a" ] && [ "$(stat -c %s "$a")" -le 65536 ] && { echo "fuzz: $t: input (base64):"; base64 -w 100 "$a"; }
    done
  fi
  rm -f "$log"
done
exit "$status"

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
command -v cargo-fuzz >/dev/null || { echo "fuzz.sh: cargo-fuzz missing (cargo install cargo-fuzz)" >&2; exit 1; }
cargo +nightly fuzz build -O --fuzz-dir fuzz >/dev/null
status=0
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t" "fuzz/artifacts/$t"
  # Inputs that once crashed a target, replayed first: a fixed bug stays fixed.
  if compgen -G "fuzz/regressions/$t/*" >/dev/null; then
    cargo +nightly fuzz run -O --fuzz-dir fuzz "$t" fuzz/regressions/"$t"/* >/dev/null 2>&1 \
      || { echo "fuzz: $t: a regression input crashes again"; status=1; }
  fi
  log=$(mktemp)
  set +e
  cargo +nightly fuzz run -O --fuzz-dir fuzz "$t" "fuzz/corpus/$t" -- \
    -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1
  rc=$?
  set -e
  execs=$(awk '/stat::number_of_executed_units/ { print $NF }' "$log")
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | awk '{print $2}')
  echo "fuzz: $t: ${execs:-?} executions in ${secs} s, coverage ${cov:-?}, exit $rc"
  if [ "$rc" != 0 ]; then
    status=1
    grep -E "panicked|ERROR: |SUMMARY|Test unit written" "$log" | head -20
  fi
  rm -f "$log"
done
exit "$status"

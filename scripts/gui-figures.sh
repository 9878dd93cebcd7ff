#!/usr/bin/env bash
# Figures of the desktop window on the demo card, under Xvfb (software OpenGL): cold start to
# first frame, idle CPU with the window open, peak RSS, release binary size.
# Needs: xvfb, libgl1-mesa-dri, libegl1. Usage: scripts/gui-figures.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked -q
bin=target/release/tessera
display=:$(( 190 + RANDOM % 50 ))
Xvfb "$display" -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
app=""
trap 'set +e; [ -n "$app" ] && kill $app 2>/dev/null; kill $xvfb 2>/dev/null; wait 2>/dev/null' EXIT
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
export DISPLAY=$display LIBGL_ALWAYS_SOFTWARE=1 TESSERA_CONFIG_DIR=$(mktemp -d)

starts=()
for _ in 1 2 3 4 5; do
  ms=$(TESSERA_EXIT_AFTER_FIRST_FRAME=1 "$bin" --demo 2>&1 | sed -n 's/.*first frame after \([0-9]*\) ms.*/\1/p')
  starts+=("$ms")
done
median=$(printf '%s\n' "${starts[@]}" | sort -n | sed -n 3p)

"$bin" --demo >/dev/null 2>&1 &
app=$!
sleep 3   # card read, first frames drawn
tck=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$app/stat"; }
c0=$(cpu); sleep 10; c1=$(cpu)
idle=$(awk -v d=$((c1 - c0)) -v t="$tck" 'BEGIN { printf "%.2f", 100 * d / t / 10 }')
rss=$(awk '/VmHWM/ {printf "%.1f", $2 / 1024}' "/proc/$app/status")
size=$(stat -c %s "$bin")

echo "cold start to first frame: median ${median} ms (runs: ${starts[*]})"
echo "idle CPU with the window open (10 s): ${idle} %"
echo "peak RSS: ${rss} MB"
echo "release binary: $(awk -v s="$size" 'BEGIN { printf "%.1f", s / 1048576 }') MB"

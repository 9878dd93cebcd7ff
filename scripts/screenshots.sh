#!/usr/bin/env bash
# Renders a PNG of every screen and state of the window, in Italian and English, light and dark,
# at 100 % and 200 % text size, on the demo card, under a virtual X display (Xvfb; Mesa's software
# OpenGL). Theme and text size come from the settings file, as a user's choice would. Then
# measures the contrast of every line of text on them (examples/contrast.rs; fails below 4.5:1
# or when text is cut off at the side).
# Output: target/screenshots/LANG-SCREEN[-dark][-200].png (+ .text.tsv: where the text is).
# Needs: xvfb, libgl1-mesa-dri, libegl1 (Debian). Usage: scripts/screenshots.sh [OUTDIR]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/screenshots}
mkdir -p "$out"
cargo build --release --locked -q --bin tessera --example contrast
bin=target/release/tessera
cargo xtask deps ci --check || { echo "screenshots.sh: packages missing (cargo xtask deps ci)" >&2; exit 1; }

display=:$(( 90 + RANDOM % 100 ))
Xvfb "$display" -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'set +e; kill $xvfb 2>/dev/null; wait $xvfb 2>/dev/null' EXIT
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done

# name          profile  preset         screen
shots="
home            cps      fresh          home
home-ts-cns     ts-cns   fresh          home
home-token      cns-token fresh         home
home-cie        cie      fresh          home
home-pin-last   cps      pin-last-try   home
home-pin-blocked cps     pin-blocked    home
home-puk-low    cps      puk-low        home
home-puk-blocked cps     puk-blocked    home
home-expiring   cps      cert-expiring  home
home-expired    cps      cert-expired   home
details         cps      fresh          details
no-reader       cps      fresh          no-reader
unknown-card    cps      fresh          unknown-card
change-1        cps      fresh          change1
change-2        cps      fresh          change2
change-3        cps      fresh          change3
change-last-try cps      pin-last-try   change-last-try
change-done     cps      fresh          change-done
change-wrong    cps      fresh          change-wrong-pin
change-removed  cps      fresh          change-removed
unblock-1       cps      puk-low        unblock1
unblock-2       cps      pin-blocked    unblock2
unblock-3       cps      pin-blocked    unblock3
unblock-done    cps      pin-blocked    unblock-done
unblock-dead    cps      puk-blocked    unblock1
certificate     cps      fresh          certificate
about           cps      fresh          about
help            cps      fresh          help
help-open       cps      fresh          help-open
help-open-cie   cie      fresh          help-open
browser         cps      fresh          browser
selftest        cps      fresh          selftest
selftest-done   cps      fresh          selftest-done
"
n=0
for variant in "" -dark -200 -dark-200; do
  config="$out/.config$variant"
  mkdir -p "$config"
  theme=light; [[ $variant == *dark* ]] && theme=dark
  size=100; [[ $variant == *200* ]] && size=200
  printf '{ "theme": "%s", "text_size": %s }\n' "$theme" "$size" >"$config/settings.json"
  for lang in it en; do
    while read -r name profile preset screen; do
      [ -n "$name" ] || continue
      file="$out/$lang-$name$variant.png"
      rm -f "$file" "${file%.png}.text.tsv"
      DISPLAY=$display LIBGL_ALWAYS_SOFTWARE=1 TESSERA_CONFIG_DIR="$config" \
        TESSERA_SCREENSHOT="$file" TESSERA_SCREEN="$screen" \
        timeout 60 "$bin" --demo="$preset" --demo-profile "$profile" --lang "$lang" 2>/dev/null || true
      [ -s "$file" ] || { echo "screenshots.sh: no picture for $lang $name$variant" >&2; exit 1; }
      n=$((n + 1))
    done <<<"$shots"
  done
done
echo "screenshots: $n PNG files in $out"
# Text contrast (WCAG AA: 4.5:1) and no text cut off, on every picture.
target/release/examples/contrast --min 4.5 "$out" >"$out/contrast.txt" || { grep -B1 FAIL "$out/contrast.txt" >&2; tail -1 "$out/contrast.txt" >&2; exit 1; }
tail -1 "$out/contrast.txt"

#!/usr/bin/env bash
# Checks the workspace's layering (run by .ci/run; needs only cargo and grep):
# - the core crate, the simulator and the PKCS#11 module depend on no GUI/CLI crate (cargo tree,
#   normal edges);
# - only the core's PC/SC transport talks to the pcsc crate;
# - in the app, only src/gui uses egui/eframe and only src/cli uses clap/rpassword.
set -euo pipefail
cd "$(dirname "$0")/.."
fail=0
for crate in tessera-core tessera-sim tessera-pkcs11; do
  tree=$(cargo tree --locked -p "$crate" -e normal --prefix none --format '{p}' | awk '{print $1}' | sort -u)
  bad=$(printf '%s\n' "$tree" | grep -E -x 'eframe|egui|egui_glow|egui-winit|epaint|winit|clap|clap_builder|rpassword|png|tracing-subscriber' || true)
  if [ -n "$bad" ]; then
    echo "check-layers: $crate depends on GUI/CLI crates:" $bad >&2; fail=1
  else
    echo "check-layers: $crate: $(printf '%s\n' "$tree" | wc -l) crates, none of eframe/egui/clap/rpassword/png"
  fi
done
if grep -rln --include='*.rs' -E '\bpcsc::' crates src | grep -v -E '^crates/tessera-core/src/transport(/|\.rs$)'; then
  echo "check-layers: the pcsc crate is used outside the core's transport layer" >&2; fail=1
fi
if grep -rln --include='*.rs' -E '\b(eframe|egui|egui_kittest)::|use (eframe|egui)\b' src crates | grep -v -E '^src/gui(/|\.rs$)'; then
  echo "check-layers: egui used outside src/gui" >&2; fail=1
fi
if grep -rln --include='*.rs' -E '\b(clap|rpassword)::|use clap\b' src crates | grep -v -E '^src/cli(/|\.rs$)'; then
  echo "check-layers: clap/rpassword used outside src/cli" >&2; fail=1
fi
exit "$fail"

#!/usr/bin/env bash
# Checks the workspace's layering (run by .ci/run; needs only cargo and grep):
# - no library crate depends on a GUI/CLI crate (cargo tree, normal edges);
# - only tessera-pcsc links the smart-card service through the pcsc crate (the Windows
#   minidriver transmits on the card handle the Windows provider passes it, with windows-sys's
#   WinSCard declarations): the APDU types and transport traits
#   (tessera-apdu), the card layer (tessera-core), the simulated cards and the fuzz targets do not
#   depend on the pcsc crate, and no other code names it;
# - the simulated cards depend on tessera-apdu only, never on the client (tessera-core): their
#   secure messaging, DH, device authentication and file encoders are their own, so a mistake in
#   the client cannot be made again on the card's side and pass every test;
# - in the app, only src/gui uses egui/eframe and only src/cli uses clap/rpassword.
set -euo pipefail
cd "$(dirname "$0")/.."
fail=0
tree_of() {
  cargo tree --locked -p "$1" -e normal --prefix none --format '{p}' | awk '{print $1}' | sort -u
}
for crate in tessera-apdu tessera-pcsc tessera-core tessera-sim tessera-pkcs11 tessera-minidriver; do
  tree=$(tree_of "$crate")
  bad=$(printf '%s\n' "$tree" | grep -E -x 'eframe|egui|egui_glow|egui-winit|epaint|winit|clap|clap_builder|rpassword|png|tracing-subscriber' || true)
  if [ -n "$bad" ]; then
    echo "check-layers: $crate depends on GUI/CLI crates:" $bad >&2; fail=1
  else
    echo "check-layers: $crate: $(printf '%s\n' "$tree" | wc -l) crates, none of eframe/egui/clap/rpassword/png"
  fi
done
for crate in tessera-apdu tessera-core tessera-sim; do
  if tree_of "$crate" | grep -q -x -E 'pcsc|pcsc-sys'; then
    echo "check-layers: $crate depends on the pcsc crate (only tessera-pcsc may)" >&2; fail=1
  fi
done
if tree_of tessera-sim | grep -q -x 'tessera-core'; then
  echo "check-layers: tessera-sim depends on tessera-core: the simulated cards must not use the client's code" >&2; fail=1
else
  echo "check-layers: tessera-sim depends on $(tree_of tessera-sim | grep -E '^tessera' | grep -v -x tessera-sim | tr '\n' ' ')only"
fi
if grep -rln --include='*.rs' -E 'tessera_core' crates/tessera-sim/src; then
  echo "check-layers: the simulator's library code names tessera_core" >&2; fail=1
fi
if grep -rln --include='*.rs' -E '\bpcsc::' crates src fuzz | grep -v -E '^crates/tessera-pcsc/'; then
  echo "check-layers: the pcsc crate is used outside tessera-pcsc" >&2; fail=1
fi
if grep -q -E '^(pcsc|tessera-pcsc)\b' fuzz/Cargo.toml; then
  echo "check-layers: the fuzz targets depend on PC/SC" >&2; fail=1
fi
if grep -rln --include='*.rs' -E '\b(eframe|egui|egui_kittest)::|use (eframe|egui)\b' src crates | grep -v -E '^src/gui(/|\.rs$)'; then
  echo "check-layers: egui used outside src/gui" >&2; fail=1
fi
if grep -rln --include='*.rs' -E '\b(clap|rpassword)::|use clap\b' src crates | grep -v -E '^src/cli(/|\.rs$)'; then
  echo "check-layers: clap/rpassword used outside src/cli" >&2; fail=1
fi
exit "$fail"

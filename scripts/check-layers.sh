#!/usr/bin/env bash
# Checks the workspace's layering (run by .ci/run; needs only cargo and grep):
# - the core crate, the simulator and the PKCS#11 module depend on no GUI/CLI crate (cargo tree,
#   normal edges);
# - only the core's PC/SC transport talks to the pcsc crate;
# - in the app, only src/gui uses egui/eframe and only src/cli uses clap/rpassword;
# - the simulated cards use nothing of the client but its APDU types and transport traits: their
#   secure messaging, DH, device authentication and file encoders are their own, so a mistake
#   in the client cannot be made again on the card's side and pass every test.
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
# Every use of the core in the simulator's library code, split at `::{`/`, ` so grouped imports
# count too; allowed: tessera_core::apdu and tessera_core::transport.
sim_uses=$(grep -rhoE --include='*.rs' 'tessera_core::[A-Za-z_]+' crates/tessera-sim/src | sort -u)
bad=$(printf '%s\n' "$sim_uses" | grep -v -x -E 'tessera_core::(apdu|transport)' | grep . || true)
if [ -n "$bad" ]; then
  echo "check-layers: the simulator uses the client's code (only tessera_core::apdu and ::transport are allowed):" $bad >&2; fail=1
else
  echo "check-layers: tessera-sim uses only $(printf '%s\n' "$sim_uses" | tr '\n' ' ')of the core"
fi
if grep -rn --include='*.rs' -E '^use tessera_core::\{|^use tessera_core;' crates/tessera-sim/src; then
  echo "check-layers: import core modules by name in the simulator (use tessera_core::apdu::…), so the check above sees them" >&2; fail=1
fi
exit "$fail"

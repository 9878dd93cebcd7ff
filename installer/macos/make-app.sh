#!/usr/bin/env bash
# Lays out Tessera.app for a Mac to sign and package. Run on macOS after
#   cargo build --release --target aarch64-apple-darwin   (and/or x86_64-apple-darwin)
# and cargo build --release -p tessera-pkcs11 (the PKCS#11 module, libtessera_pkcs11.dylib).
# Usage: installer/macos/make-app.sh [BINARY] [OUTDIR] [MODULE]
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:-target/release/tessera}
out=${2:-target/macos}
module=${3:-$(dirname "$bin")/libtessera_pkcs11.dylib}
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
app="$out/Tessera.app"
rm -rf "$app"
mkdir -p "$app/Contents/MacOS" "$app/Contents/Resources" "$app/Contents/Frameworks"
cp "$bin" "$app/Contents/MacOS/tessera"
# The module Firefox loads; `tessera browser setup` finds it in ../Frameworks from the binary.
if [ -f "$module" ]; then
  cp "$module" "$app/Contents/Frameworks/libtessera_pkcs11.dylib"
else
  echo "make-app.sh: $module not found: the bundle has no PKCS#11 module (browser login)" >&2
fi
sed "s/@VERSION@/$version/g" installer/macos/Info.plist >"$app/Contents/Info.plist"
if command -v iconutil >/dev/null; then
  set_dir=$(mktemp -d)/tessera.iconset
  mkdir -p "$set_dir"
  for s in 16 32 128 256; do cp "assets/icons/tessera-$s.png" "$set_dir/icon_${s}x${s}.png"; done
  cp assets/icons/tessera-32.png "$set_dir/icon_16x16@2x.png"
  cp assets/icons/tessera-64.png "$set_dir/icon_32x32@2x.png"
  cp assets/icons/tessera-256.png "$set_dir/icon_128x128@2x.png"
  iconutil -c icns -o "$app/Contents/Resources/tessera.icns" "$set_dir"
else
  echo "make-app.sh: iconutil not found (not on macOS?): the bundle has no .icns icon" >&2
fi
echo "$app"

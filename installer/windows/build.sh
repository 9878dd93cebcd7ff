#!/usr/bin/env bash
# Cross-builds tessera.exe (x86_64-pc-windows-gnu, MinGW-w64 from Debian) and packs it into
# target/tessera-<version>-x64.msi with msitools' wixl. Says plainly, and exits 0, when the
# Windows target or the tools cannot be installed here.
set -euo pipefail
cd "$(dirname "$0")/../.."
target=x86_64-pc-windows-gnu
if ! rustup target list --installed 2>/dev/null | grep -qx "$target"; then
  if ! timeout 300 rustup target add "$target" >/dev/null 2>&1; then
    echo "windows: CANNOT BUILD here: the Rust target $target could not be installed (rustup target add failed)"
    exit 0
  fi
fi
if ! cargo xtask deps ci --check 2>/dev/null; then
  echo "windows: CANNOT BUILD here: packages missing ($(cargo xtask deps ci --check 2>&1 | tail -1); cargo xtask deps ci)"
  exit 0
fi
CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc cargo build --release --locked -q --target "$target" --features window-bin -p tessera
CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc cargo build --release --locked -q --target "$target" -p tessera-pkcs11
CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc cargo build --release --locked -q --target "$target" -p tessera-minidriver
# The small PKCS#11 client and the minidriver harness the Wine run uses (not packaged).
CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc cargo build --release --locked -q --target "$target" -p tessera-pkcs11 --example pkcs11-list
CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc cargo build --release --locked -q --target "$target" -p tessera-minidriver --example md-harness
# The minidriver exports only CardAcquireContext (what the Base CSP / KSP look up).
md="target/$target/release/tessera_minidriver.dll"
md_exports=$(x86_64-w64-mingw32-objdump -p "$md" | sed -n '/Ordinal\/Name Pointer/,/^$/p' | sed -n 's/^\s*\[ *[0-9]*\] //p')
[ "$md_exports" = "CardAcquireContext" ] || { echo "windows: the minidriver exports more than CardAcquireContext: $md_exports" >&2; exit 1; }
echo "windows: tessera_minidriver.dll exports only CardAcquireContext"
# The released DLL exports only C_GetFunctionList and has no test-only auto-login (as the .so).
dll="target/$target/release/tessera_pkcs11.dll"
exports=$(x86_64-w64-mingw32-objdump -p "$dll" | sed -n '/Ordinal\/Name Pointer/,/^$/p' | sed -n 's/^\s*\[ *[0-9]*\] //p')
[ "$exports" = "C_GetFunctionList" ] || { echo "windows: the DLL exports more than C_GetFunctionList: $exports" >&2; exit 1; }
! grep -q TESSERA_PKCS11_TEST_PIN "$dll" || { echo "windows: the DLL contains the test-only auto-login" >&2; exit 1; }
echo "windows: tessera_pkcs11.dll exports only C_GetFunctionList; no test auto-login"
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "target/$target/release/tessera.exe" "target/$target/release/tessera-window.exe" "target/$target/release/tessera_pkcs11.dll" "$md" "$work/"
python3 - "$work/tessera.ico" <<'PY'
# An .ico that embeds the 256 px PNG (Windows Vista+ reads PNG icons).
import struct, sys
png = open("assets/icons/tessera-256.png", "rb").read()
ico = struct.pack("<HHH", 0, 1, 1) + struct.pack("<BBBBHHII", 0, 0, 0, 0, 1, 32, len(png), 22) + png
open(sys.argv[1], "wb").write(ico)
PY
# The minidriver's card types, from the core's card table (one source).
cargo run --locked -q -p tessera-minidriver --example wix-registration <installer/windows/tessera.wxs >"$work/tessera.wxs"
(cd "$work" && wixl -a x64 -D Version="$version" -o tessera.msi tessera.wxs)
cp "$work/tessera.msi" "target/tessera-$version-x64.msi"
echo "windows: target/$target/release/tessera.exe $(stat -c %s "target/$target/release/tessera.exe") bytes"
echo "windows: target/$target/release/tessera_pkcs11.dll $(stat -c %s "target/$target/release/tessera_pkcs11.dll") bytes"
echo "windows: $md $(stat -c %s "$md") bytes"
echo "windows: target/tessera-$version-x64.msi $(stat -c %s "target/tessera-$version-x64.msi") bytes"

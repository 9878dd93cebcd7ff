#!/usr/bin/env bash
# Builds and checks the packages: the .deb (validated with desktop-file-validate and
# appstreamcli, installed with dpkg -i, run, removed), the Windows exe + MSI, and a check of the
# macOS targets. Targets that cannot be installed here are reported plainly, not failed.
# Needs (Debian): dpkg-dev desktop-file-utils appstream; for Windows gcc-mingw-w64-x86-64 msitools wixl.
set -euo pipefail
cd "$(dirname "$0")/.."

deb=$(installer/deb/build.sh)
desktop-file-validate installer/linux/tessera.desktop
appstreamcli validate --no-net --pedantic installer/linux/it.tessera.Tessera.metainfo.xml || \
  appstreamcli validate --no-net installer/linux/it.tessera.Tessera.metainfo.xml
echo "deb: $deb $(stat -c %s "$deb") bytes; binary $(stat -c %s target/release/tessera) bytes; PKCS#11 module $(stat -c %s target/release/libtessera_pkcs11.so) bytes"
# The released module exports only C_GetFunctionList and has no test-only auto-login.
exports=$(nm -D --defined-only target/release/libtessera_pkcs11.so | awk '$2 == "T" {print $3}')
[ "$exports" = "C_GetFunctionList" ] || { echo "the module exports more than C_GetFunctionList: $exports" >&2; exit 1; }
if grep -q TESSERA_PKCS11_TEST_PIN target/release/libtessera_pkcs11.so; then
  echo "the released module contains the test-only auto-login" >&2; exit 1
fi
echo "module: exports only C_GetFunctionList; no test auto-login"
dpkg-deb --info "$deb" | sed -n 's/^ \(Depends\|Recommends\|Installed-Size\).*/&/p'
if [ "$(id -u)" = 0 ]; then
  # pcscd is a dependency: install it too (no-op when present).
  apt-get install -y -qq --no-install-recommends "./$deb" >/dev/null 2>&1 || dpkg -i "$deb" >/dev/null
  installed=/usr/bin/tessera
  "$installed" --version
  "$installed" status --demo --lang en | head -3
  test -f /usr/share/applications/tessera.desktop
  test -f /usr/share/icons/hicolor/256x256/apps/tessera.png
  ma=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || gcc -print-multiarch)
  test -f "/usr/lib/$ma/libtessera_pkcs11.so"
  grep -q "module: /usr/lib/$ma/libtessera_pkcs11.so" /usr/share/p11-kit/modules/tessera.module
  # The installed tessera finds the installed module for browser setup.
  "$installed" browser status --card-type CPS --json | grep -q "libtessera_pkcs11.so"
  dpkg -r tessera >/dev/null
  test ! -e /usr/bin/tessera && echo "deb: installed, ran, removed"
else
  echo "deb: not installed (needs root)"
fi

installer/windows/build.sh

for t in aarch64-apple-darwin x86_64-apple-darwin; do
  if rustup target list --installed 2>/dev/null | grep -qx "$t" || timeout 300 rustup target add "$t" >/dev/null 2>&1; then
    if cargo check --release --locked -q --target "$t" 2>/tmp/tessera-check-$t.log; then
      echo "macos: cargo check --target $t passed"
    else
      echo "macos: cargo check --target $t FAILED:"; tail -20 /tmp/tessera-check-$t.log; exit 1
    fi
  else
    echo "macos: CANNOT CHECK $t here: the Rust target could not be installed (rustup target add failed)"
  fi
done
scripts/check-macos-bundle.sh

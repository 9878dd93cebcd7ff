#!/usr/bin/env bash
# Builds target/tessera_<version>_<arch>.deb with dpkg-deb: the binary, the desktop entry, icons
# in the hicolor sizes, the AppStream metainfo and the man page, and the PKCS#11 module for
# browser login (multiarch library dir, registered for p11-kit). Depends on pcscd.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build --release --locked -q -p tessera -p tessera-pkcs11
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
arch=$(dpkg --print-architecture)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
install -Dm755 target/release/tessera "$stage/usr/bin/tessera"
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || gcc -print-multiarch)
install -Dm644 target/release/libtessera_pkcs11.so "$stage/usr/lib/$multiarch/libtessera_pkcs11.so"
# p11-kit: a module file makes the module known to every p11-kit-aware program (GnuTLS apps,
# p11-kit-proxy users); `critical: no` so a missing reader never breaks them.
install -d "$stage/usr/share/p11-kit/modules"
printf 'module: /usr/lib/%s/libtessera_pkcs11.so\ncritical: no\n' "$multiarch" >"$stage/usr/share/p11-kit/modules/tessera.module"
install -Dm644 installer/linux/tessera.desktop "$stage/usr/share/applications/tessera.desktop"
install -Dm644 installer/linux/it.tessera.Tessera.metainfo.xml "$stage/usr/share/metainfo/it.tessera.Tessera.metainfo.xml"
for s in 16 32 48 64 128 256; do
  install -Dm644 "assets/icons/tessera-$s.png" "$stage/usr/share/icons/hicolor/${s}x${s}/apps/tessera.png"
done
install -d "$stage/usr/share/man/man1"
gzip -9n <installer/linux/tessera.1 >"$stage/usr/share/man/man1/tessera.1.gz"
install -Dm644 README.md "$stage/usr/share/doc/tessera/README.md"
size=$(du -sk "$stage/usr" | cut -f1)
install -d "$stage/DEBIAN"
cat >"$stage/DEBIAN/control" <<CONTROL
Package: tessera
Version: $version
Architecture: $arch
Maintainer: The Tessera developers <tessera@example.org>
Installed-Size: $size
Depends: libc6, libpcsclite1, pcscd
Recommends: libgl1, libegl1
Suggests: libnss3-tools
Section: utils
Priority: optional
Homepage: https://tessera.example.org
Description: smart-card manager for the Italian CPS, CNS and CIE cards
 Shows the card and the PIN and PUK tries left, changes the PIN, unblocks it
 with the PUK, shows and exports the authentication certificate, and logs in
 to websites with the card through its own PKCS#11 module (Firefox, Chromium),
 set up with one command.
CONTROL
out="target/tessera_${version}_${arch}.deb"
dpkg-deb --root-owner-group --build "$stage" "$out" >/dev/null
echo "$out"

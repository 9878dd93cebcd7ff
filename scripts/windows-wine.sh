#!/usr/bin/env bash
# Runs the Windows build for real: the MSI is installed with msiexec under Debian 13's Wine 10
# (whose winscard.dll forwards to pcsc-lite), and the installed tessera.exe talks to Tessera's
# simulated card through pcscd 2.x + vsmartcard's vpcd: readers, status, pin change, selftest,
# pin unblock, then the installed PKCS#11 DLL lists and signs through a Windows PKCS#11 client,
# the window exe starts on a virtual display (screenshot), and msiexec /x removes everything.
# The simulator's APDU counts are printed for each command.
#
# All of it runs in a debootstrapped Debian 13 tree (target/wine/trixie, kept between runs),
# entered with scripts/in-tree.sh (chroot inside private mount, network and PID namespaces): the machine's own
# pcscd, network and processes are untouched, and everything started in there dies with it.
#
# Needs root, debootstrap, a Debian package mirror (DEBIAN_MIRROR, default deb.debian.org), and
# the Windows build (installer/windows/build.sh) and the Linux build (the simulator) in target/.
# Usage: sudo scripts/windows-wine.sh      Output: target/wine/report.txt, target/screenshots/wine-window.png
set -euo pipefail
cd "$(dirname "$0")/.."
die() { echo "windows-wine.sh: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || die "needs root (debootstrap, chroot, namespaces): sudo $0"
command -v debootstrap >/dev/null || die "missing debootstrap (cargo xtask deps ci)"

version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
msi=target/tessera-$version-x64.msi
client=target/x86_64-pc-windows-gnu/release/examples/pkcs11-list.exe
sim=target/release/tessera
for f in "$msi" "$client" "$sim"; do
  [ -f "$f" ] || die "missing $f (installer/windows/build.sh builds the MSI and the client; cargo build --release the simulator)"
done

tree=target/wine/trixie
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
t0=$SECONDS
if [ ! -f "$tree/.tessera-ready" ]; then
  rm -rf "$tree"
  mkdir -p target/wine
  echo "wine: debootstrap Debian 13 (trixie) from $mirror"
  debootstrap --variant=minbase trixie "$tree" "$mirror" >target/wine/debootstrap.log 2>&1 ||
    { tail -20 target/wine/debootstrap.log; die "debootstrap failed"; }
  echo "wine: installing wine, pcscd, vsmartcard-vpcd, xvfb in the tree"
  scripts/in-tree.sh "$tree" --net -- env DEBIAN_FRONTEND=noninteractive sh -c \
    'apt-get update -qq && apt-get install -y -qq --no-install-recommends wine wine64 pcscd vsmartcard-vpcd iproute2 \
       xvfb xauth libgl1-mesa-dri libgl1 libegl1' >target/wine/apt.log 2>&1 || { tail -20 target/wine/apt.log; die "apt-get in the tree failed"; }
  touch "$tree/.tessera-ready"
fi
echo "wine: tree ready in $((SECONDS - t0)) s"

# What the run inside needs, copied in (the tree never sees the repository).
work=$tree/opt/tessera-ci
rm -rf "$work"
mkdir -p "$work/out"
cp "$msi" "$work/tessera.msi"
cp "$client" "$work/pkcs11-list.exe"
cp "$sim" "$work/tessera-sim"
cp scripts/windows-wine-inner.sh "$work/inner.sh"

t1=$SECONDS
set +e
HOME=/tmp/home scripts/in-tree.sh "$tree" -- bash /opt/tessera-ci/inner.sh 2>&1 | tee target/wine/report.txt
status=${PIPESTATUS[0]}
set -e
mkdir -p target/screenshots
[ -f "$work/out/wine-window.png" ] && cp "$work/out/wine-window.png" target/screenshots/wine-window.png
echo "wine: run took $((SECONDS - t1)) s (tree $((t1 - t0)) s)"
[ "$status" = 0 ] || die "the Windows run failed (log above; sim log in $work/out/sim.log)"

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
cargo xtask deps ci --check || die "packages missing: cargo xtask deps ci"

version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
msi=target/tessera-$version-x64.msi
client=target/x86_64-pc-windows-gnu/release/examples/pkcs11-list.exe
harness=target/x86_64-pc-windows-gnu/release/examples/md-harness.exe
sim=target/release/tessera
for f in "$msi" "$client" "$harness" "$sim"; do
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
  packages=$(cargo xtask deps wine-tree --list)
  echo "wine: installing $packages in the tree"
  scripts/in-tree.sh "$tree" --net -- env DEBIAN_FRONTEND=noninteractive sh -c \
    "apt-get update -qq && apt-get install -y -qq --no-install-recommends $packages" >target/wine/apt.log 2>&1 || { tail -20 target/wine/apt.log; die "apt-get in the tree failed"; }
  touch "$tree/.tessera-ready"
fi
echo "wine: tree ready in $((SECONDS - t0)) s"

# What the run inside needs, copied in (the tree never sees the repository).
work=$tree/opt/tessera-ci
rm -rf "$work"
mkdir -p "$work/out"
cp "$msi" "$work/tessera.msi"
cp "$client" "$work/pkcs11-list.exe"
cp "$harness" "$work/md-harness.exe"
cp "$sim" "$work/tessera-sim"
# The run inside the tree (PID 1 of private namespaces, chrooted into it).
cat >"$work/inner.sh" <<'INNER'
# Inner part of windows-wine.sh: runs as PID 1 of private namespaces, chrooted into the Debian 13
# tree. Starts pcscd + vpcd, Tessera's simulated CPS and Xvfb, then drives the Windows build
# through Wine. Everything it starts dies with it.
set -euo pipefail
cd /opt/tessera-ci
out=/opt/tessera-ci/out
fail() { echo "FAILED: $*"; echo "--- simulator log (tail)"; tail -5 "$out/sim.log"; exit 1; }

ip link set lo up
mkdir -p /run/pcscd /tmp/home
pcscd --foreground --disable-polkit >"$out/pcscd.log" 2>&1 &
for _ in $(seq 100); do [ -S /run/pcscd/pcscd.comm ] && break; sleep 0.1; done
[ -S /run/pcscd/pcscd.comm ] || { cat "$out/pcscd.log"; fail "pcscd did not start"; }
echo "pcscd: $(pcscd --version 2>&1 | head -1)"
# The simulated card: (re)started with a profile and a preset; its log is appended to, so the
# APDU and try counts below are differences.
sim_stop() {
  [ -s "$out/sim.pid" ] && kill "$(cat "$out/sim.pid")" 2>/dev/null && sleep 0.3
  for _ in $(seq 100); do ./tessera-sim readers --json 2>/dev/null | grep -q '"card_present": true' || break; sleep 0.1; done
  : >"$out/sim.pid"
}
sim_start() { # profile [preset]
  sim_stop
  echo "$1" >"$out/profile"
  TESSERA_LOG=tessera::sim=debug ./tessera-sim simulate --profile "$1" --preset "${2:-fresh}" >>"$out/sim.log" 2>&1 &
  echo $! >"$out/sim.pid"
  for _ in $(seq 100); do ./tessera-sim readers --json 2>/dev/null | grep -q '"card_present": true' && break; sleep 0.1; done
}
: >"$out/sim.log"
sim_start cps
Xvfb :7 -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 &
export DISPLAY=:7 WINEPREFIX=/tmp/wineprefix WINEDEBUG=-all WINEDLLOVERRIDES="winemenubuilder.exe=d;mscoree=d;mshtml=d"

t=$SECONDS
wineboot --init >/dev/null 2>&1 || fail "wineboot"
echo "wine: $(wine --version), prefix made in $((SECONDS - t)) s"

# The simulator's counters: every APDU it answers is one "sim apdu INS xx" line.
apdus() { grep -c 'sim apdu' "$out/sim.log" || true; }
ins() { grep -c "sim apdu INS $1" "$out/sim.log" || true; }
# step NAME STDIN COMMAND...: runs a Windows command, prints its output, exit code and APDU count.
step() {
  local name=$1 input=$2 before verify change reset code
  shift 2
  before=$(apdus) verify=$(ins 20) change=$(ins 24) reset=$(ins 2C)
  set +e
  printf '%b' "$input" | timeout 120 wine "$@" >"$out/$name.out" 2>"$out/$name.err"
  code=$?
  set -e
  printf '%-28s exit %-3s %4d APDUs (VERIFY %d, CHANGE REFERENCE DATA %d, RESET RETRY COUNTER %d)\n' \
    "$name" "$code" $(( $(apdus) - before )) $(( $(ins 20) - verify )) $(( $(ins 24) - change )) $(( $(ins 2C) - reset ))
  [ "${LINES_SHOWN:-6}" = 0 ] || sed -n "1,${LINES_SHOWN:-6}s/^/    /p" "$out/$name.out"
  [ "$code" = 0 ] || { sed 's/^/    stderr: /' "$out/$name.err" | tail -5; fail "$name exited $code"; }
}
program='C:\Program Files\Tessera'
installed=$WINEPREFIX/drive_c/Program\ Files/Tessera

t=$SECONDS
wine msiexec /i 'Z:\opt\tessera-ci\tessera.msi' /qn >"$out/msiexec-i.log" 2>&1 || fail "msiexec /i"
for f in tessera.exe tessera-window.exe tessera_pkcs11.dll tessera_minidriver.dll; do [ -f "$installed/$f" ] || fail "msiexec /i did not install $f"; done
wine reg query 'HKLM\Software\Tessera' >/dev/null 2>&1 || fail "the Start-menu registry value is missing"
wine reg query 'HKLM\SOFTWARE\Microsoft\Cryptography\Calais\SmartCards\Tessera CNS' /v 80000001 >"$out/calais.txt" 2>&1 || fail "the minidriver's card types are not registered"
echo "msiexec /i: $(wine reg query 'HKLM\SOFTWARE\Microsoft\Cryptography\Calais\SmartCards' 2>/dev/null | grep -c 'Tessera') card types registered for the minidriver"
echo "msiexec /i: installed in $((SECONDS - t)) s: $(cd "$installed" && ls | tr '\n' ' ')"

for _ in $(seq 100); do wine "$program\\tessera.exe" readers 2>/dev/null | grep -q . && break; sleep 0.2; done
export TESSERA_LANG=en
step readers "" "$program\\tessera.exe" readers --json
grep -q '"card_present": true' "$out/readers.out" || fail "the Windows build does not see the card in vpcd's reader"
LINES_SHOWN=0 step status "" "$program\\tessera.exe" status --json
grep -q '"card_type": "CPS"' "$out/status.out" && grep -q '"pin_tries_left": 3' "$out/status.out" || fail "status: $(head -c 300 "$out/status.out")"
echo "    card_type CPS, pin_tries_left 3, puk_tries_left $(sed -n 's/.*"puk_tries_left": \([0-9]*\).*/\1/p' "$out/status.out")"
LINES_SHOWN=0 step report "" "$program\\tessera.exe" report
grep 'Windows driver' "$out/report.out" | sed 's/^/    /'
grep -q 'Windows driver for this card: Tessera CNS — .*tessera_minidriver.dll' "$out/report.out" || fail "the report does not name the minidriver Windows uses for the card"

before=$(ins 24)
step "pin change" '31415926\n50719\n50719\n' "$program\\tessera.exe" pin change
[ $(( $(ins 24) - before )) = 1 ] || fail "pin change: the card got $(( $(ins 24) - before )) CHANGE REFERENCE DATA commands, not 1"

before=$(ins 20)
step selftest '50719\n' "$program\\tessera.exe" selftest --json
grep -q '"passed": true' "$out/selftest.out" || fail "selftest did not pass"

before=$(ins 2C)
step "pin unblock" '27182818\n70913\n70913\n' "$program\\tessera.exe" pin unblock
[ $(( $(ins 2C) - before )) = 1 ] || fail "pin unblock: the card got $(( $(ins 2C) - before )) RESET RETRY COUNTER commands, not 1"

LINES_SHOWN=0 step "status after" "" "$program\\tessera.exe" status --json
grep -q '"pin_tries_left": 3' "$out/status after.out" && grep -q '"puk_tries_left": 10' "$out/status after.out" ||
  fail "the counters after the unblock: $(grep tries_left "$out/status after.out" | tr -d ' \n')"
echo "    after change + unblock: pin_tries_left 3, puk_tries_left 10"

LINES_SHOWN=20 step "PKCS#11 DLL list + sign" '70913\n' ./pkcs11-list.exe "$program\\tessera_pkcs11.dll"
grep -q '^token: label' "$out/PKCS#11 DLL list + sign.out" || fail "the DLL lists no token"
grep -q '^signed: 256 bytes' "$out/PKCS#11 DLL list + sign.out" || fail "the DLL did not sign with the unblocked PIN"

# The minidriver, driven as the Base CSP / Smart Card KSP would drive it (Wine has neither):
# md-harness.exe finds the driver Windows would pick for the card (the Calais keys the MSI
# wrote), loads it and checks every answer. At each checkpoint it waits while this script counts
# the card's APDUs and tries (or pulls the card out and puts it back).
tries() { grep -c 'sim try PIN [1-9]' "$out/sim.log" || true; }
puk_tries() { grep -c 'sim try PIN [0-9]* PUK [1-9]' "$out/sim.log" || true; }
ck=$out/checkpoints
mkdir -p "$ck"
: >"$out/checkpoints.log"
(
  while :; do
    for f in "$ck"/*; do
      [ -e "$f" ] || continue
      n=$(basename "$f")
      case $n in
        remove) sim_stop ;;
        insert) sim_start "$(cat "$out/profile")" ;;
      esac
      echo "$n $(apdus) $(tries) $(puk_tries)" >>"$out/checkpoints.log"
      rm -f "$f"
    done
    sleep 0.05
  done
) &
export TESSERA_HARNESS_CHECKPOINTS='Z:\opt\tessera-ci\out\checkpoints' TESSERA_ALLOW_SIMULATED_CARD=1
# delta A B COLUMN: the difference of a count (2: APDUs, 3: PIN tries, 4: PUK tries) between two checkpoints of
# the last harness run.
delta() { awk -v a="$1" -v b="$2" -v c="$3" '$1 == a { x = $c } $1 == b { y = $c } END { print y - x }' "$out/checkpoints.log"; }
harness() { # name stdin args...
  local name=$1 input=$2 code
  shift 2
  : >"$out/checkpoints.log"
  set +e
  printf '%b' "$input" | timeout 300 wine ./md-harness.exe "$@" >"$out/md-$name.out" 2>"$out/md-$name.err"
  code=$?
  set -e
  echo "minidriver $name: exit $code"
  sed 's/^/    /' "$out/md-$name.out"
  [ "$code" = 0 ] || { tail -5 "$out/md-$name.err" | sed 's/^/    stderr: /'; fail "minidriver $name"; }
}
echo "minidriver figures (APDUs counted by the card): acquire | login | 1st signature | 2nd signature"
for profile in cps ace2025 idemia2021 st2022-nfc cie; do
  sim_start "$profile"
  kind=cns; [ "$profile" = cie ] && kind=cie
  harness "check $profile" '31415926\n58209749\n' check "$kind"
  [ "$(delta wrong-pin-start wrong-pin-end 3)" = 1 ] || fail "$profile: a wrong PIN sent $(delta wrong-pin-start wrong-pin-end 3) tries, not 1"
  [ "$(delta auth-start auth-end 3)" = 1 ] || fail "$profile: the login sent $(delta auth-start auth-end 3) tries, not 1"
  [ "$(delta auth-end sign-2 3)" = 0 ] || fail "$profile: the signatures sent a PIN"
  # A CNS change is one CHANGE REFERENCE DATA; a CIE checks the current PIN first (VERIFY + CHANGE).
  want=1; [ "$kind" = cie ] && want=2
  [ "$(delta change-start change-end 3)" = "$want" ] || fail "$profile: the PIN change sent $(delta change-start change-end 3) PIN tries, not $want"
  if [ "$kind" = cie ]; then
    [ "$(delta pss-SHA256-start pss-SHA256-end 2)" = 0 ] || fail "cie: the refused PSS sent $(delta pss-SHA256-start pss-SHA256-end 2) APDUs"
  fi
  printf '  %-12s %4d | %3d | %3d | %3d APDUs\n' "$profile" "$(delta acquire-start acquire-end 2)" "$(delta auth-start auth-end 2)" \
    "$(delta auth-end sign-1 2)" "$(delta sign-1 sign-2 2)" | tee -a "$out/md-figures.txt"
  grep '^figures:' "$out/md-check $profile.out" | sed "s/^/  $profile /" | tee -a "$out/md-figures.txt"
done
sim_start cps pin-blocked
harness blocked '27182818\n50719\n' blocked
[ "$(delta blocked-start blocked-end 3)" = 0 ] || fail "a blocked PIN: a try was sent"
[ "$(delta unblock-start unblock-end 4)" = 1 ] || fail "the unblock sent $(delta unblock-start unblock-end 4) PUK tries, not 1"
sim_start cps
harness removal '31415926\n' removal
sim_start cps
harness threads '31415926\n' threads
sim_start cps

# The window exe as the Start menu starts it (no arguments): it reads the card in the reader
# through WinSCard, saves a screenshot of its first frames and asks to close. Under Wine the
# process stays up after that request, so it is stopped once the picture is written.
t=$SECONDS
before=$(apdus)
TESSERA_SCREENSHOT='Z:\opt\tessera-ci\out\wine-window.png' TESSERA_SCREEN=home TESSERA_CONFIG_DIR='Z:\tmp\cfg' \
  LANG=it_IT.UTF-8 wine "$program\\tessera-window.exe" >"$out/window.log" 2>&1 &
window=$!
for _ in $(seq 600); do [ -s "$out/wine-window.png" ] && break; kill -0 "$window" 2>/dev/null || break; sleep 0.1; done
sleep 0.5
shot=$((SECONDS - t))
if kill -0 "$window" 2>/dev/null; then closed="stopped by the script"; wineserver -k; else closed="closed by itself"; fi
wait "$window" 2>/dev/null || true
[ -s "$out/wine-window.png" ] || { tail -5 "$out/window.log"; fail "the window exe made no screenshot"; }
[ $(( $(apdus) - before )) -gt 0 ] || fail "the window did not read the card"
echo "window: tessera-window.exe read the card ($(( $(apdus) - before )) APDUs) and drew it, screenshot $(stat -c %s "$out/wine-window.png") bytes after $shot s ($closed)"

t=$SECONDS
wine msiexec /x 'Z:\opt\tessera-ci\tessera.msi' /qn >"$out/msiexec-x.log" 2>&1 || fail "msiexec /x"
[ ! -e "$installed" ] || fail "msiexec /x left $(ls "$installed")"
if wine reg query 'HKLM\Software\Tessera' >/dev/null 2>&1; then fail "msiexec /x left HKLM\\Software\\Tessera"; fi
if wine reg query 'HKLM\SOFTWARE\Microsoft\Cryptography\Calais\SmartCards\Tessera CNS' >/dev/null 2>&1; then fail "msiexec /x left the minidriver's card types"; fi
echo "msiexec /x: removed in $((SECONDS - t)) s (folder and registry value gone)"
echo "Windows run under Wine: all steps passed; the simulator answered $(apdus) APDUs in all"
INNER

t1=$SECONDS
set +e
HOME=/tmp/home scripts/in-tree.sh "$tree" -- bash /opt/tessera-ci/inner.sh 2>&1 | tee target/wine/report.txt
status=${PIPESTATUS[0]}
set -e
mkdir -p target/screenshots
[ -f "$work/out/wine-window.png" ] && cp "$work/out/wine-window.png" target/screenshots/wine-window.png
echo "wine: run took $((SECONDS - t1)) s (tree $((t1 - t0)) s)"
[ "$status" = 0 ] || die "the Windows run failed (log above; sim log in $work/out/sim.log)"

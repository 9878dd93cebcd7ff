#!/usr/bin/env bash
# Runs a command next to a private PC/SC testbed: a pcscd (with vsmartcard's vpcd reader) in its
# own mount and network namespaces. The command runs inside that network namespace, so a
# simulated card can reach vpcd on 127.0.0.1:35963 there while the machine's network and any
# system pcscd stay untouched. PCSCLITE_CSOCK_NAME points PC/SC clients at the private pcscd.
# Needs root. Stops its pcscd by PID when the command ends. Set PCSCD_ARGS=--debug to debug.
set -euo pipefail
die() { echo "with-testbed.sh: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || die "needs root for the private pcscd (try: sudo -E $0 ...)"
for cmd in pcscd unshare nsenter ip; do
  command -v "$cmd" >/dev/null || die "missing $cmd (apt-get install pcscd vsmartcard-vpcd iproute2 util-linux)"
done
ls /usr/lib/pcsc/drivers/serial/libifdvpcd.so* >/dev/null 2>&1 || die "vsmartcard-vpcd is not installed"

run=$(mktemp -d /tmp/tessera-pcscd.XXXXXX)
mkdir -p /run/pcscd
pcscd_pid=""
cleanup() {
  set +e
  if [ -n "$pcscd_pid" ]; then kill "$pcscd_pid" 2>/dev/null; wait "$pcscd_pid" 2>/dev/null; fi
  rm -rf "$run" "$run.log"
}
trap cleanup EXIT

unshare --mount --net -- sh -c "mount --bind '$run' /run/pcscd && ip link set lo up && exec pcscd --foreground ${PCSCD_ARGS:-}" \
  >"$run.log" 2>&1 &
pcscd_pid=$!
for _ in $(seq 200); do [ -S "$run/pcscd.comm" ] && break; sleep 0.05; done
[ -S "$run/pcscd.comm" ] || { cat "$run.log" >&2; die "pcscd did not start"; }

export PCSCLITE_CSOCK_NAME="$run/pcscd.comm" TESSERA_PCSC_TESTBED=1
set +e
nsenter --net="/proc/$pcscd_pid/ns/net" -- "$@"
status=$?
[ "$status" = 0 ] || { echo "--- pcscd log (tail) ---" >&2; tail -20 "$run.log" >&2; }
exit "$status"

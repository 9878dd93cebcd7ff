#!/usr/bin/env bash
# Runs a command chrooted into a debootstrapped tree, inside private mount, network (unless
# --net), and PID namespaces: proc, dev, a fresh /tmp and /run; --bind DIR mounts a host folder
# at the same path inside. Everything started in there dies with the command; nothing mounted
# leaks to the machine. Needs root.
# Usage: scripts/in-tree.sh TREE [--net] [--bind DIR]... -- COMMAND...
set -euo pipefail
tree=$(realpath "$1"); shift
unshare_net=--net binds=()
while [ "$1" != "--" ]; do
  case $1 in
    --net) unshare_net= ;;
    --bind) binds+=("$(realpath "$2")"); shift ;;
    *) echo "in-tree.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
shift
[ -z "$unshare_net" ] && cp /etc/resolv.conf "$tree/etc/resolv.conf"
exec unshare --mount $unshare_net --pid --fork --propagation private -- bash -c '
  set -e
  t=$1 n=$2; shift 2
  # The tree bound onto itself: its root is then a mount point, so that programs inside may
  # make mount namespaces of their own (unshare --mount needs that).
  mount --bind "$t" "$t"
  # The fresh /tmp and /run first: a folder bound below them (a clone in /tmp) stays visible.
  mount -t proc proc "$t/proc"; mount --rbind /dev "$t/dev"; mount -t tmpfs tmpfs "$t/tmp"; mount -t tmpfs tmpfs "$t/run"
  for d in "${@:1:n}"; do mkdir -p "$t$d"; mount --rbind "$d" "$t$d"; done
  shift "$n"
  exec chroot "$t" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    HOME="${HOME:-/root}" LANG=C.UTF-8 TERM=dumb CI="${CI:-}" "$@"
' _ "$tree" "${#binds[@]}" "${binds[@]}" "$@"

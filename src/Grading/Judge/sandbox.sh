#!/bin/sh
# Runs inside fresh PID, mount, network, IPC and UTS namespaces (unshare), as PID 1 of its own PID
# namespace: builds a minimal root file system from read-only system folders and the worker's
# folder, then starts the worker there, as an unprivileged user when the judge is root.
#   sandbox.sh ROOT WORKER_DIR DOTNET_DIR UID COMMAND...
# ROOT: an empty folder to build the new root in. WORKER_DIR: mounted read-only at /worker.
# DOTNET_DIR: the .NET install, mounted read-only at the same path when it is not under /usr.
# UID: the user (and group) id to run as, or "-" to keep the current one (inside a user namespace).
# Nothing of the host is visible but /usr, /etc, /dev, the symlinks to /usr, the .NET install,
# /worker and an empty, size-limited /tmp (the working folder): not the judge, not the reference,
# not the hidden tests.
set -eu
root=$1; worker=$2; dotnet=$3; uid=$4; shift 4

mount -t tmpfs -o mode=755,size=1m sandbox "$root"
for name in usr etc; do
    mkdir "$root/$name"
    mount --rbind "/$name" "$root/$name"
    mount -o remount,bind,ro "$root/$name"
done
for name in bin sbin lib lib32 lib64 libx32; do
    if [ -L "/$name" ]; then ln -s "$(readlink "/$name")" "$root/$name"; fi
done
mkdir "$root/dev" "$root/proc" "$root/tmp" "$root/worker"
for device in null zero random urandom; do
    touch "$root/dev/$device"
    mount --bind "/dev/$device" "$root/dev/$device"
done
mount -t proc proc "$root/proc"
mount -t tmpfs -o mode=1777,size=64m scratch "$root/tmp"
mount --bind "$worker" "$root/worker"
mount -o remount,bind,ro "$root/worker"
case "$dotnet" in
    /usr/*) ;;
    *) mkdir -p "$root$dotnet"
       mount --rbind "$dotnet" "$root$dotnet"
       mount -o remount,bind,ro "$root$dotnet" ;;
esac

cd "$root"
if [ "$uid" = "-" ]; then
    exec chroot "$root" /usr/bin/env -C /tmp "$@"
fi
exec chroot "$root" /usr/bin/setpriv --reuid="$uid" --regid="$uid" --clear-groups \
    --inh-caps=-all --bounding-set=-all --no-new-privs \
    /usr/bin/env -C /tmp "$@"

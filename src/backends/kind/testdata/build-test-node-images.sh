#!/bin/sh
# Builds the node images the kind backend's integration tests use on a machine
# without an image registry: a Debian bookworm root file system with systemd
# (debootstrap, from the Debian mirror; cached), imported into docker, and the
# same with stand-ins for kubeadm and kubectl (stub-node/).
#   apt-get install -y docker.io debootstrap   (and a running dockerd)
#   src/backends/kind/testdata/build-test-node-images.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cache=${XDG_CACHE_HOME:-$HOME/.cache}/kube-scenarios/kind-test
mkdir -p "$cache"
if ! docker image inspect kube-scenarios/kind-test-node:bookworm >/dev/null 2>&1; then
  if [ ! -x "$cache/rootfs/sbin/init" ]; then
    rm -rf "$cache/rootfs"
    debootstrap --variant=minbase --include=systemd,systemd-sysv,dbus,iproute2,iptables,procps,kmod,ca-certificates,conntrack \
      bookworm "$cache/rootfs" http://deb.debian.org/debian
  fi
  tar -C "$cache/rootfs" -c . | docker import -c 'ENTRYPOINT ["/sbin/init"]' -c 'ENV container=docker' - kube-scenarios/kind-test-node:bookworm
fi
docker build -q -t kube-scenarios/kind-test-node:stub-kubeadm "$here/stub-node"

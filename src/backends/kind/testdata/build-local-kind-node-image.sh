#!/bin/sh
# Builds kube-scenarios/kind-test-node:v1.31.4, a kind node image that runs a
# real Kubernetes v1.31.4 control plane without any image registry (see
# local-node/Dockerfile). Needs: docker.io and debootstrap, Go, the binaries
# reference-cluster/ builds (kubelet, kube-apiserver, kube-controller-manager,
# kube-scheduler, kube-proxy, etcd, coredns) in
# ${KUBE_SCENARIOS_REFERENCE_BIN:-~/.cache/kube-scenarios/reference-cluster/bin},
# and builds kubeadm and kubectl v1.31.4 itself (Go module proxy). Slow the
# first time (Go builds); cached after.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cache=${XDG_CACHE_HOME:-$HOME/.cache}/kube-scenarios
bins=${KUBE_SCENARIOS_REFERENCE_BIN:-$cache/reference-cluster/bin}
rootfs=$cache/kind-test/rootfs
tools=$cache/kind-test/kubeadm-build
ctx=$cache/kind-test/local-node-context
version=v1.31.4

"$here/build-test-node-images.sh" >/dev/null

if [ ! -x "$tools/bin/kubeadm" ] || [ ! -x "$tools/bin/kubectl" ]; then
  # The module reference-cluster/ pins k8s.io/kubernetes with; kubeadm and kubectl need a few more modules.
  mkdir -p "$tools"
  cp "$here/../../../../reference-cluster/build/kubernetes/go.mod" "$here/../../../../reference-cluster/build/kubernetes/go.sum" "$tools/"
  sed -i 's#^module .*#module kube-scenarios/kind-test/kubeadm#' "$tools/go.mod"
  printf '//go:build tools\n\npackage tools\n\nimport (\n\t_ "k8s.io/kubernetes/cmd/kubeadm"\n\t_ "k8s.io/kubernetes/cmd/kubectl"\n)\n' > "$tools/tools.go"
  ld=""
  for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    ld="$ld -X $pkg.gitVersion=$version -X $pkg.gitMajor=1 -X $pkg.gitMinor=31 -X $pkg.gitTreeState=clean"
  done
  (cd "$tools" && GOFLAGS=-mod=mod go build -trimpath -ldflags "-s -w $ld" -o "$tools/bin/" k8s.io/kubernetes/cmd/kubeadm k8s.io/kubernetes/cmd/kubectl)
fi

rm -rf "$ctx"
mkdir -p "$ctx/bin" "$ctx/images"
cp -r "$here/local-node/files" "$here/local-node/Dockerfile" "$ctx/"
cp "$bins/kubelet" "$tools/bin/kubeadm" "$tools/bin/kubectl" "$ctx/bin/"

# One image per control-plane program: the program and the C library it links, named as kubeadm asks for it.
image() { # NAME SOURCE PATH-IN-IMAGE
  d=$(mktemp -d)
  mkdir -p "$d/lib64" "$d/lib/x86_64-linux-gnu" "$d/tmp" "$d/etc" "$d$(dirname "$3")"
  cp -L "$rootfs/lib64/ld-linux-x86-64.so.2" "$d/lib64/"
  cp -L "$rootfs/lib/x86_64-linux-gnu/libc.so.6" "$d/lib/x86_64-linux-gnu/"
  printf 'root:x:0:0:root:/root:/bin/false\nnobody:x:65534:65534:nobody:/:/bin/false\n' > "$d/etc/passwd"
  cp "$2" "$d$3"
  if [ -n "${WITH_IPTABLES:-}" ]; then
    mkdir -p "$d/usr/sbin" "$d/usr/lib/x86_64-linux-gnu" "$d/run"
    cp -a "$rootfs/usr/sbin/xtables-nft-multi" "$rootfs/usr/sbin/xtables-legacy-multi" "$d/usr/sbin/"
    for n in iptables iptables-save iptables-restore ip6tables ip6tables-save ip6tables-restore; do ln -sf xtables-nft-multi "$d/usr/sbin/$n"; done
    for n in iptables-legacy iptables-legacy-save iptables-legacy-restore ip6tables-legacy ip6tables-legacy-save ip6tables-legacy-restore; do ln -sf xtables-legacy-multi "$d/usr/sbin/$n"; done
    cp -a "$rootfs/usr/lib/x86_64-linux-gnu/xtables" "$d/usr/lib/x86_64-linux-gnu/"
    for lib in $(ldd "$rootfs/usr/sbin/xtables-nft-multi" "$rootfs/usr/sbin/xtables-legacy-multi" "$rootfs"/usr/lib/x86_64-linux-gnu/xtables/*.so 2>/dev/null | awk '/=> \//{print $3}' | sort -u); do
      mkdir -p "$d$(dirname "$lib")"
      cp -L "$rootfs$lib" "$d$lib"
    done
  fi
  tar -C "$d" -c . | docker import -c "ENTRYPOINT [\"$3\"]" - "$1" >/dev/null
  docker save "$1" -o "$ctx/images/$(echo "$1" | tr '/:' '__').tar"
  rm -rf "$d"
}
for c in kube-apiserver kube-controller-manager kube-scheduler; do
  image "registry.k8s.io/$c:$version" "$bins/$c" "/usr/local/bin/$c"
done
# kube-proxy programs the node's rules with iptables: its image carries Debian's, nft by default like the node's.
WITH_IPTABLES=1 image "registry.k8s.io/kube-proxy:$version" "$bins/kube-proxy" /usr/local/bin/kube-proxy
image registry.k8s.io/etcd:3.5.15-0 "$bins/etcd" /usr/local/bin/etcd
image registry.k8s.io/coredns/coredns:v1.11.3 "$bins/coredns" /coredns
(cd "$here/local-node/pause" && CGO_ENABLED=0 go build -trimpath -ldflags '-s -w' -o "$ctx/pause" .)
image registry.k8s.io/pause:3.10 "$ctx/pause" /pause

docker build -q -t "kube-scenarios/kind-test-node:$version" "$ctx"

/**
 * Images kind preloads on its nodes (kind v0.24 node image for Kubernetes
 * v1.31.0): CoreDNS, kindnetd, kube-proxy, local-path-provisioner, pause and
 * the control-plane images. They are present before any pull, so their pods
 * report `Container image "..." already present on machine`. CoreDNS is
 * distroless: no shell to exec into.
 */
import type { ImageSpec } from '../image-spec.ts';
import { BUSYBOX_APPLETS, DEFAULT_PATH } from './tool-sets.ts';

function systemImage(name: string, sizeBytes: number, entrypoint: string[], extra: Partial<ImageSpec> = {}): ImageSpec {
  return {
    name,
    sizeBytes,
    pullSeconds: 3,
    preloaded: true,
    env: { PATH: DEFAULT_PATH },
    entrypoint,
    files: {},
    tools: [entrypoint[0].slice(entrypoint[0].lastIndexOf('/') + 1)],
    daemons: [{ argv: [entrypoint[0]], servers: [], startupSeconds: 0.5, onStop: { exitCode: 0, stopSeconds: 0.2 } }],
    ...extra,
  };
}

export const KIND_SYSTEM_IMAGES: readonly ImageSpec[] = [
  systemImage('registry.k8s.io/coredns/coredns', 18_562_039, ['/coredns'], {
    daemons: [
      {
        argv: ['/coredns'],
        servers: [
          { port: 53, protocol: 'UDP', handler: { kind: 'dns' } },
          { port: 53, protocol: 'TCP', handler: { kind: 'dns' } },
          { port: 8080, protocol: 'TCP', handler: { kind: 'text', status: 200, body: 'OK' } },
          { port: 8181, protocol: 'TCP', handler: { kind: 'text', status: 200, body: 'OK' } },
          { port: 9153, protocol: 'TCP', handler: { kind: 'tcp' } },
        ],
        startupSeconds: 0.5,
        onStop: { exitCode: 0, stopSeconds: 5 },
        startupLog: ['.:53', '[INFO] plugin/reload: Running configuration SHA512 = 591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5f046dd37f1cf888b953814040d180f52594972691cd6ff41be96639138a43908', 'CoreDNS-1.11.3', 'linux/amd64, go1.21.11, a6338e9'],
      },
    ],
  }),
  systemImage('docker.io/kindest/kindnetd', 36_793_393, ['/bin/kindnetd'], { tools: [...BUSYBOX_APPLETS, 'kindnetd'] }),
  systemImage('registry.k8s.io/kube-proxy', 92_727_034, ['/usr/local/bin/kube-proxy'], {
    tools: ['kube-proxy', 'iptables', 'iptables-save', 'iptables-restore', 'ip6tables', 'ipset', 'conntrack'],
    daemons: [
      {
        argv: ['/usr/local/bin/kube-proxy'],
        servers: [{ port: 10256, protocol: 'TCP', handler: { kind: 'tcp' } }, { port: 10249, protocol: 'TCP', handler: { kind: 'tcp' } }],
        startupSeconds: 0.5,
        onStop: { exitCode: 0, stopSeconds: 0.2 },
      },
    ],
  }),
  systemImage('docker.io/kindest/local-path-provisioner', 17_386_054, ['local-path-provisioner'], { tools: [...BUSYBOX_APPLETS, 'local-path-provisioner'] }),
  systemImage('registry.k8s.io/pause', 320_368, ['/pause']),
  systemImage('registry.k8s.io/etcd', 56_909_194, ['etcd']),
  systemImage('registry.k8s.io/kube-apiserver', 95_233_506, ['kube-apiserver']),
  systemImage('registry.k8s.io/kube-controller-manager', 89_437_512, ['kube-controller-manager']),
  systemImage('registry.k8s.io/kube-scheduler', 68_420_936, ['kube-scheduler']),
];

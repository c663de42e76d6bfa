/**
 * The control plane's processes and their flags, as data. The flags follow the
 * static pod manifests kubeadm 1.31 writes on a kind node
 * (cmd/kubeadm/app/phases/controlplane/manifests.go, getAPIServerCommand and
 * friends), with the paths of our pki dir, etcd on the namespace's loopback
 * (kubeadm's local etcd: cmd/kubeadm/app/phases/etcd/local.go) and leader
 * election off (one replica each).
 */
import { join } from 'node:path';
import type { Layout } from '../layout.ts';
import { CONTROL_PLANE } from '../network.ts';

export const SERVICE_CIDR = '10.96.0.0/16';
export const POD_CIDR = '10.244.0.0/16';
export const CLUSTER_DOMAIN = 'cluster.local';
export const API_SERVER_URL = `https://${CONTROL_PLANE.address}:6443`;

export interface Component {
  name: string;
  binary: string;
  args: string[];
  /** the network namespace it runs in; absent: the machine's own */
  netns?: string;
  /** a URL (inside the netns) or a log line that says it is serving */
  ready: { https: string } | { http: string } | { logLine: RegExp };
}

/**
 * Every control-plane process, in start order. `nodeIpam: false` turns the
 * controller-manager's pod CIDR allocator off, for a cluster whose nodes get
 * their CIDRs otherwise (stage 2: pod-cidrs.ts says why).
 */
export function controlPlaneComponents(l: Layout, options: { nodeIpam: boolean } = { nodeIpam: true }): Component[] {
  const pki = (f: string) => join(l.pkiDir, f);
  const conf = (user: string) => join(l.runDir, `${user}.conf`);
  const netns = CONTROL_PLANE.netns;
  return [
    {
      name: 'etcd',
      binary: join(l.binDir, 'etcd'),
      netns,
      args: [
        '--name=kind-control-plane',
        `--data-dir=${join(l.runDir, 'etcd')}`,
        '--listen-client-urls=http://127.0.0.1:2379',
        '--advertise-client-urls=http://127.0.0.1:2379',
        '--listen-peer-urls=http://127.0.0.1:2380',
        '--initial-advertise-peer-urls=http://127.0.0.1:2380',
        '--initial-cluster=kind-control-plane=http://127.0.0.1:2380',
        '--listen-metrics-urls=http://127.0.0.1:2381',
        '--snapshot-count=10000',
      ],
      ready: { http: 'http://127.0.0.1:2381/health' },
    },
    {
      name: 'kube-apiserver',
      binary: join(l.binDir, 'kube-apiserver'),
      netns,
      args: [
        `--advertise-address=${CONTROL_PLANE.address}`,
        '--allow-privileged=true',
        '--authorization-mode=Node,RBAC',
        `--client-ca-file=${pki('ca.crt')}`,
        '--enable-admission-plugins=NodeRestriction',
        '--enable-bootstrap-token-auth=true',
        '--etcd-servers=http://127.0.0.1:2379',
        `--kubelet-client-certificate=${pki('apiserver-kubelet-client.crt')}`,
        `--kubelet-client-key=${pki('apiserver-kubelet-client.key')}`,
        '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname',
        '--runtime-config=',
        '--secure-port=6443',
        '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
        `--service-account-key-file=${pki('sa.pub')}`,
        `--service-account-signing-key-file=${pki('sa.key')}`,
        `--service-cluster-ip-range=${SERVICE_CIDR}`,
        '--service-node-port-range=30000-32767',
        `--tls-cert-file=${pki('apiserver.crt')}`,
        `--tls-private-key-file=${pki('apiserver.key')}`,
        '--profiling=false',
      ],
      ready: { https: 'https://127.0.0.1:6443/readyz' },
    },
    {
      name: 'kube-controller-manager',
      binary: join(l.binDir, 'kube-controller-manager'),
      netns,
      args: [
        '--allocate-node-cidrs=true',
        `--authentication-kubeconfig=${conf('controller-manager')}`,
        `--authorization-kubeconfig=${conf('controller-manager')}`,
        '--bind-address=127.0.0.1',
        `--client-ca-file=${pki('ca.crt')}`,
        `--cluster-cidr=${POD_CIDR}`,
        '--cluster-name=kind',
        `--cluster-signing-cert-file=${pki('ca.crt')}`,
        `--cluster-signing-key-file=${pki('ca.key')}`,
        `--controllers=*,bootstrapsigner,tokencleaner${options.nodeIpam ? '' : ',-node-ipam-controller'}`,
        '--enable-hostpath-provisioner=true',
        `--kubeconfig=${conf('controller-manager')}`,
        '--leader-elect=false',
        `--root-ca-file=${pki('ca.crt')}`,
        `--service-account-private-key-file=${pki('sa.key')}`,
        `--service-cluster-ip-range=${SERVICE_CIDR}`,
        '--use-service-account-credentials=true',
      ],
      ready: { https: 'https://127.0.0.1:10257/healthz' },
    },
    {
      name: 'kube-scheduler',
      binary: join(l.binDir, 'kube-scheduler'),
      netns,
      args: [
        `--authentication-kubeconfig=${conf('scheduler')}`,
        `--authorization-kubeconfig=${conf('scheduler')}`,
        '--bind-address=127.0.0.1',
        `--kubeconfig=${conf('scheduler')}`,
        '--leader-elect=false',
      ],
      ready: { https: 'https://127.0.0.1:10259/healthz' },
    },
  ];
}

/**
 * How started node containers become a cluster, as data: kind's create
 * actions (pkg/cluster/internal/create/actions: config, kubeadminit,
 * installcni, installstorage, kubeadmjoin, waitforready) in kind's order, each
 * step a list of commands run in a node. The engine runs them; tests read them.
 * Addons come after, and also run when a kept cluster is reused without them.
 */
import { INGRESS_NGINX_MANIFEST, METALLB_MANIFEST, metallbAddressRange, metallbPoolManifest } from './addon-manifests.ts';
import type { KindClusterOptions, LoadBalancerProvider } from './cluster-options.ts';
import { API_SERVER_INTERNAL_PORT, kubeadmConfig } from './kubeadm-config.ts';
import type { NodeRole } from './node-names.ts';

export type ProvisionAction =
  /** Writes a file into the node. */
  | { kind: 'write-file'; node: string; path: string; content: string }
  /** Runs a command in the node; a non-zero exit fails the step. */
  | { kind: 'run'; node: string; argv: string[] }
  /** Runs a command until every whitespace-separated word of its output is `True` and there are `count` of them. */
  | { kind: 'wait-all-true'; node: string; argv: string[]; count: number; timeoutSeconds: number };

export interface ProvisionStep {
  /** The progress line (kind's status text). */
  title: string;
  actions: ProvisionAction[];
  /** The actions may run at once (kind joins workers concurrently). */
  concurrent?: boolean;
}

export interface StartedNode {
  name: string;
  role: NodeRole;
  /** Its address on the kind network. */
  address: string;
}

/** The admin kubeconfig kubeadm writes on the control plane; kind's commands in the node all name it. */
export const ADMIN_CONF = '/etc/kubernetes/admin.conf';
/** What a finished cluster records about itself, on the control-plane node. */
export const STATE_FILE = '/kind/kube-scenarios.json';

const KUBECTL = ['kubectl', `--kubeconfig=${ADMIN_CONF}`];

/** The state file's content. */
export interface ClusterState {
  provisioned: boolean;
  ingressNginx: boolean;
  loadBalancer: LoadBalancerProvider;
}

function controlPlane(nodes: StartedNode[]): StartedNode {
  const cp = nodes.find((n) => n.role === 'control-plane');
  if (!cp) throw new Error('a kind cluster needs a control-plane node');
  return cp;
}

/** From started containers to a cluster whose nodes are Ready. */
export function clusterProvisioning(options: KindClusterOptions, nodes: StartedNode[]): ProvisionStep[] {
  const cp = controlPlane(nodes);
  const workers = nodes.filter((n) => n.role === 'worker');
  const endpoint = `${cp.name}:${API_SERVER_INTERNAL_PORT}`;
  const steps: ProvisionStep[] = [];

  steps.push({
    title: 'Writing configuration 📜',
    actions: nodes.map((n) => ({
      kind: 'write-file',
      node: n.name,
      path: '/kind/kubeadm.conf',
      content: kubeadmConfig({
        clusterName: options.name,
        kubernetesVersion: options.kubernetesVersion,
        controlPlaneEndpoint: endpoint,
        apiServerAddress: '127.0.0.1',
        nodeName: n.name,
        nodeAddress: n.address,
        controlPlane: n.role === 'control-plane',
        kubeProxyMode: options.kubeProxyMode,
        podSubnet: options.podSubnet,
        serviceSubnet: options.serviceSubnet,
        // kind's ingress guide labels the node that holds the host ports.
        nodeLabels: n.role === 'control-plane' && options.ingressNginx ? 'ingress-ready=true' : '',
      }),
    })),
  });

  const init: ProvisionAction[] = [
    // preflight is skipped as kind does: its checks fail inside a container and tell nothing.
    { kind: 'run', node: cp.name, argv: ['kubeadm', 'init', '--skip-phases=preflight', '--config=/kind/kubeadm.conf', '--skip-token-print', '--v=6'] },
  ];
  // Only a cluster without workers schedules on the control plane (kubeadminit/init.go; 1.25+ has only the control-plane taint).
  if (workers.length === 0) init.push({ kind: 'run', node: cp.name, argv: [...KUBECTL, 'taint', 'nodes', '--all', 'node-role.kubernetes.io/control-plane-'] });
  steps.push({ title: 'Starting control-plane 🕹️', actions: init });

  steps.push({
    title: 'Installing CNI 🔌',
    actions: [
      {
        kind: 'run',
        node: cp.name,
        // installcni/cni.go: the image's manifest with the pod subnet filled in; kindnet told the control plane's address when the manifest asks for it.
        argv: [
          'sh',
          '-c',
          `sed -e 's#{{ .PodSubnet }}#${options.podSubnet}#g' /kind/manifests/default-cni.yaml | ${KUBECTL.join(' ')} create -f - && ` +
            `if grep -q 'would you kindly patch this file' /kind/manifests/default-cni.yaml; then ${KUBECTL.join(' ')} -n kube-system set env daemonset/kindnet CONTROL_PLANE_ENDPOINT=${endpoint}; fi`,
        ],
      },
    ],
  });

  steps.push({ title: 'Installing StorageClass 💾', actions: [{ kind: 'run', node: cp.name, argv: [...KUBECTL, 'apply', '-f', '/kind/manifests/default-storage.yaml'] }] });

  if (workers.length > 0) {
    steps.push({
      title: 'Joining worker nodes 🚜',
      concurrent: true,
      actions: workers.map((w) => ({ kind: 'run', node: w.name, argv: ['kubeadm', 'join', '--config', '/kind/kubeadm.conf', '--skip-phases=preflight', '--v=6'] })),
    });
  }

  // waitforready.go waits for the control plane; every node here, since scenarios schedule on the workers at once.
  steps.push({
    title: 'Waiting for the nodes to be Ready ⏳',
    actions: [{ kind: 'wait-all-true', node: cp.name, argv: [...KUBECTL, 'get', 'nodes', '-o=jsonpath={.items..status.conditions[-1:].status}'], count: nodes.length, timeoutSeconds: 300 }],
  });
  return steps;
}

/** Installs the addons the options ask for and `installed` lacks, then records the cluster as finished. */
export function addonProvisioning(options: KindClusterOptions, nodes: StartedNode[], installed: Omit<ClusterState, 'provisioned'>, networkSubnet: string | undefined): ProvisionStep[] {
  const cp = controlPlane(nodes).name;
  const steps: ProvisionStep[] = [];
  if (options.ingressNginx && !installed.ingressNginx) {
    steps.push({
      title: 'Installing ingress-nginx 🌐',
      actions: [
        { kind: 'run', node: cp, argv: [...KUBECTL, 'apply', '-f', INGRESS_NGINX_MANIFEST] },
        { kind: 'run', node: cp, argv: [...KUBECTL, 'wait', '--namespace', 'ingress-nginx', '--for=condition=ready', 'pod', '--selector=app.kubernetes.io/component=controller', '--timeout=300s'] },
      ],
    });
  }
  if (options.loadBalancer === 'metallb' && installed.loadBalancer !== 'metallb') {
    if (!networkSubnet) throw new Error('MetalLB needs the subnet of the kind network');
    steps.push({
      title: 'Installing MetalLB ⚖️',
      actions: [
        { kind: 'run', node: cp, argv: [...KUBECTL, 'apply', '-f', METALLB_MANIFEST] },
        { kind: 'run', node: cp, argv: [...KUBECTL, 'wait', '--namespace', 'metallb-system', '--for=condition=ready', 'pod', '--selector=app=metallb', '--timeout=300s'] },
        { kind: 'write-file', node: cp, path: '/kind/metallb-pool.yaml', content: metallbPoolManifest(metallbAddressRange(networkSubnet)) },
        { kind: 'run', node: cp, argv: [...KUBECTL, 'apply', '-f', '/kind/metallb-pool.yaml'] },
      ],
    });
  }
  const state: ClusterState = {
    provisioned: true,
    ingressNginx: options.ingressNginx || installed.ingressNginx,
    loadBalancer: options.loadBalancer === 'none' ? installed.loadBalancer : options.loadBalancer,
  };
  steps.push({ title: 'Recording the cluster 🏷️', actions: [{ kind: 'write-file', node: cp, path: STATE_FILE, content: `${JSON.stringify(state)}\n` }] });
  return steps;
}

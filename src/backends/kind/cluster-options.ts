/**
 * What kind cluster a run wants, as data: the node image (Kubernetes
 * version), workers, kube-proxy mode, addons, and how the node containers get
 * their privileges. Read from `npm run features` flags and the environment
 * (flags win); every bad value is a SettingsError in words a person can act on.
 */
import { SettingsError } from '../../backend/run-settings.ts';
import { DEFAULT_KUBERNETES_VERSION, nodeImageFor, versionOfImage } from './node-images.ts';

export type KubeProxyMode = 'iptables' | 'ipvs';
/** MetalLB in layer-2 mode, handing out addresses of the kind docker network, as kind's LoadBalancer guide long did. */
export type LoadBalancerProvider = 'none' | 'metallb';

/**
 * How node containers get the privileges a node needs. kind runs them
 * `--privileged`; an engine that refuses that (a capability outside its
 * bounding set) can still run them with an explicit capability list.
 */
export type NodePrivileges = { kind: 'privileged' } | { kind: 'capabilities'; add: string[]; drop: string[] };

export interface KindClusterOptions {
  /** kind's cluster name: nodes are NAME-control-plane, NAME-worker, NAME-worker2 ...; the context is kind-NAME. */
  name: string;
  nodeImage: string;
  /** The Kubernetes version of the node image (kubeadm's kubernetesVersion). */
  kubernetesVersion: string;
  workers: number;
  kubeProxyMode: KubeProxyMode;
  /** ingress-nginx as kind's ingress guide installs it: host ports 80 and 443 on 127.0.0.1, node label ingress-ready=true. */
  ingressNginx: boolean;
  loadBalancer: LoadBalancerProvider;
  privileges: NodePrivileges;
  /** kind's defaults (pkg/apis/config/v1alpha4/default.go): 10.244.0.0/16 and 10.96.0.0/16. */
  podSubnet: string;
  serviceSubnet: string;
}

/** An addon the options leave to the scenarios: `auto` installs it when a planned scenario's tags ask for it. */
export type AddonChoice<T> = T | 'auto';

/** Options as typed, before the planned scenarios decide the `auto` ones. */
export interface KindOptionsInput {
  cluster: Omit<KindClusterOptions, 'ingressNginx' | 'loadBalancer'>;
  ingressNginx: AddonChoice<boolean>;
  loadBalancer: AddonChoice<LoadBalancerProvider>;
  /** Leave the cluster running after the run (the next run reuses it). */
  keepCluster: boolean;
  /** Replace a cluster of the same name made with other options instead of refusing. */
  recreateCluster: boolean;
}

/** The command-line flags of the kind backend, in node:util parseArgs form. */
export const KIND_FLAGS = {
  'cluster-name': { type: 'string' },
  'kubernetes-version': { type: 'string' },
  'kind-image': { type: 'string' },
  workers: { type: 'string' },
  'proxy-mode': { type: 'string' },
  ingress: { type: 'string' },
  loadbalancer: { type: 'string' },
  'node-capabilities': { type: 'string' },
  'keep-cluster': { type: 'boolean' },
  'recreate-cluster': { type: 'boolean' },
} as const;

/** One line a flag each, for the usage text. */
export const KIND_USAGE = `kind backend:
  --cluster-name NAME          kind cluster name (default kind: nodes kind-control-plane, kind-worker ...)
  --kubernetes-version V       1.28 to 1.32 or a full version (default ${DEFAULT_KUBERNETES_VERSION})
  --kind-image IMAGE           a node image of your own instead (kindest/node:... or one built locally)
  --workers N                  worker nodes (default 2, as the memory backend)
  --proxy-mode iptables|ipvs   kube-proxy mode (default iptables)
  --ingress auto|yes|no        ingress-nginx (default auto: when a planned scenario is tagged @ingress)
  --loadbalancer auto|none|metallb   LoadBalancer provider (default auto: metallb when a planned scenario is tagged @loadbalancer)
  --node-capabilities privileged|LIST   node privileges (default privileged, as kind); LIST e.g. ALL,-SYS_RESOURCE
  --keep-cluster               leave the cluster running after the run; the next run reuses it
  --recreate-cluster           replace a cluster of the same name made with other options`;

/** Values of KIND_FLAGS as parseArgs returns them. */
export type KindFlagValues = { [K in keyof typeof KIND_FLAGS]?: (typeof KIND_FLAGS)[K]['type'] extends 'boolean' ? boolean : string };

const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

function oneOf<T extends string>(flag: string, value: string, choices: readonly T[]): T {
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new SettingsError(`${flag} takes one of ${choices.join(', ')}, not "${value}"`);
}

function yes(value: string | undefined): boolean {
  return value !== undefined && /^(1|true|yes)$/i.test(value);
}

/**
 * `privileged`, or a capability list in docker's names with or without CAP_:
 * `ALL,-SYS_RESOURCE` adds every capability but CAP_SYS_RESOURCE.
 */
export function parseNodePrivileges(value: string): NodePrivileges {
  if (value === 'privileged') return { kind: 'privileged' };
  const add: string[] = [];
  const drop: string[] = [];
  for (const raw of value.split(',').map((s) => s.trim()).filter(Boolean)) {
    const dropped = raw.startsWith('-');
    const name = raw.replace(/^[-+]/, '').toUpperCase().replace(/^CAP_/, '');
    if (!/^[A-Z_]+$/.test(name)) throw new SettingsError(`--node-capabilities: "${raw}" is not a capability name (such as NET_ADMIN or -SYS_RESOURCE)`);
    (dropped ? drop : add).push(name);
  }
  if (add.length === 0) throw new SettingsError(`--node-capabilities takes "privileged" or a list of capabilities to add, such as ALL,-SYS_RESOURCE; "${value}" adds none`);
  return { kind: 'capabilities', add, drop };
}

/** Reads the kind options from flags, then KUBE_SCENARIOS_* variables, then kind's defaults. */
export function readKindOptions(flags: KindFlagValues, env: NodeJS.ProcessEnv): KindOptionsInput {
  const pick = (flag: keyof typeof KIND_FLAGS, variable: string): string | undefined => {
    const fromFlag = flags[flag];
    return typeof fromFlag === 'string' ? fromFlag : env[variable] || undefined;
  };
  const name = pick('cluster-name', 'KUBE_SCENARIOS_KIND_CLUSTER_NAME') ?? 'kind';
  if (!NAME.test(name) || name.length > 50) throw new SettingsError(`--cluster-name "${name}" is not a kind cluster name: lower-case letters, digits and '-', at most 50`);

  const image = pick('kind-image', 'KUBE_SCENARIOS_KIND_IMAGE');
  const versionText = pick('kubernetes-version', 'KUBE_SCENARIOS_KUBERNETES_VERSION');
  let nodeImage: string;
  let kubernetesVersion: string;
  if (image) {
    nodeImage = image;
    const named = versionText ? (versionText.startsWith('v') ? versionText : `v${versionText}`) : versionOfImage(image);
    if (!named || !/^v\d+\.\d+\.\d+$/.test(named)) {
      throw new SettingsError(`--kind-image ${image} does not say its Kubernetes version in its tag: add --kubernetes-version with the full version, such as 1.31.4`);
    }
    kubernetesVersion = named;
  } else {
    const chosen = nodeImageFor(versionText ?? DEFAULT_KUBERNETES_VERSION);
    nodeImage = chosen.image;
    kubernetesVersion = chosen.version;
  }

  const workersText = pick('workers', 'KUBE_SCENARIOS_KIND_WORKERS') ?? '2';
  const workers = Number(workersText);
  if (!/^\d+$/.test(workersText) || workers > 50) throw new SettingsError(`--workers takes a whole number of worker nodes from 0 to 50, not "${workersText}"`);

  const ingress = oneOf('--ingress', pick('ingress', 'KUBE_SCENARIOS_KIND_INGRESS') ?? 'auto', ['auto', 'yes', 'no'] as const);
  const loadBalancer = oneOf('--loadbalancer', pick('loadbalancer', 'KUBE_SCENARIOS_KIND_LOADBALANCER') ?? 'auto', ['auto', 'none', 'metallb'] as const);

  return {
    cluster: {
      name,
      nodeImage,
      kubernetesVersion,
      workers,
      kubeProxyMode: oneOf('--proxy-mode', pick('proxy-mode', 'KUBE_SCENARIOS_PROXY_MODE') ?? 'iptables', ['iptables', 'ipvs'] as const),
      privileges: parseNodePrivileges(pick('node-capabilities', 'KUBE_SCENARIOS_KIND_NODE_CAPABILITIES') ?? 'privileged'),
      podSubnet: '10.244.0.0/16',
      serviceSubnet: '10.96.0.0/16',
    },
    ingressNginx: ingress === 'auto' ? 'auto' : ingress === 'yes',
    loadBalancer,
    keepCluster: flags['keep-cluster'] === true || yes(env.KUBE_SCENARIOS_KEEP_CLUSTER),
    recreateCluster: flags['recreate-cluster'] === true || yes(env.KUBE_SCENARIOS_RECREATE_CLUSTER),
  };
}

/** The tags of the planned scenarios decide the `auto` addons: @ingress wants ingress-nginx, @loadbalancer a provider (MetalLB). */
export function resolveAddons(input: KindOptionsInput, plannedTags: ReadonlySet<string>): KindClusterOptions {
  return {
    ...input.cluster,
    ingressNginx: input.ingressNginx === 'auto' ? plannedTags.has('ingress') : input.ingressNginx,
    loadBalancer: input.loadBalancer === 'auto' ? (plannedTags.has('loadbalancer') ? 'metallb' : 'none') : input.loadBalancer,
  };
}

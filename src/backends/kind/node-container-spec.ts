/**
 * A node container as kind creates it (pkg/cluster/internal/providers/docker/
 * provision.go: commonArgs, runArgsForNode, generatePortMappings), as data:
 *   --detach --tty --label io.x-k8s.kind.cluster=NAME --net kind
 *   --restart=on-failure:1 --init=false --cgroupns=private
 *   --hostname NODE --label io.x-k8s.kind.role=ROLE --privileged
 *   --security-opt seccomp=unconfined --security-opt apparmor=unconfined
 *   --tmpfs /tmp --tmpfs /run --volume /var --volume /lib/modules:/lib/modules:ro
 *   control plane: --publish=127.0.0.1:RANDOM:6443/TCP -e KUBECONFIG=/etc/kubernetes/admin.conf
 * Differences, each an option: capabilities instead of --privileged where the
 * engine refuses it; /lib/modules only when the host has it (docker would
 * create an empty directory on the host); ports 80/443 on 127.0.0.1 for
 * ingress-nginx, as kind's ingress guide maps them.
 */
import { API_SERVER_INTERNAL_PORT } from './kubeadm-config.ts';
import type { KindClusterOptions, NodePrivileges } from './cluster-options.ts';
import { nodeLabels } from './cluster-labels.ts';
import type { PlannedNode } from './node-names.ts';

/** kind's fixed docker network (providers/docker/network.go, fixedNetworkName). */
export const KIND_NETWORK = 'kind';

/**
 * systemd has reached the point where `docker exec` is safe
 * (providers/common/cgroups.go, NodeReachedCgroupsReadyRegexp).
 */
export const NODE_READY_LOG = /Reached target .*Multi-User System.*|detected cgroup v1/;

export interface PortPublication {
  hostIp: string;
  /** 0: a free port the engine picks. */
  hostPort: number;
  containerPort: number;
  protocol: 'tcp';
}

export interface NodeContainerSpec {
  name: string;
  hostname: string;
  image: string;
  labels: Record<string, string>;
  network: string;
  privileges: NodePrivileges;
  securityOpt: string[];
  /** Mount point → options ('' for the engine's defaults). */
  tmpfs: Record<string, string>;
  /** Container paths that get an anonymous volume, removed with the container. */
  volumes: string[];
  /** host:container[:mode] */
  binds: string[];
  publish: PortPublication[];
  env: Record<string, string>;
  tty: true;
  /** The image's entrypoint is PID 1 (no docker-init). */
  init: false;
  cgroupns: 'private';
  /** Restarts after a host or engine restart, not after a failure loop. */
  restart: { name: 'on-failure'; maximumRetryCount: 1 };
}

export interface NodeSpecContext {
  /** host:pid of this process, recorded in a label. */
  creator: string;
  /** Whether the host has /lib/modules to share read-only. */
  hostHasModules: boolean;
}

/** The container of one node of the cluster. */
export function nodeContainerSpec(options: KindClusterOptions, node: PlannedNode, context: NodeSpecContext): NodeContainerSpec {
  const publish: PortPublication[] = [];
  const env: Record<string, string> = {};
  if (node.role === 'control-plane') {
    publish.push({ hostIp: '127.0.0.1', hostPort: 0, containerPort: API_SERVER_INTERNAL_PORT, protocol: 'tcp' });
    if (options.ingressNginx) {
      publish.push({ hostIp: '127.0.0.1', hostPort: 80, containerPort: 80, protocol: 'tcp' });
      publish.push({ hostIp: '127.0.0.1', hostPort: 443, containerPort: 443, protocol: 'tcp' });
    }
    env.KUBECONFIG = '/etc/kubernetes/admin.conf';
  }
  return {
    name: node.name,
    hostname: node.name,
    image: options.nodeImage,
    labels: nodeLabels(options, node.role, context.creator),
    network: KIND_NETWORK,
    privileges: options.privileges,
    securityOpt: ['seccomp=unconfined', 'apparmor=unconfined'],
    tmpfs: { '/tmp': '', '/run': '' },
    volumes: ['/var'],
    binds: context.hostHasModules ? ['/lib/modules:/lib/modules:ro'] : [],
    publish,
    env,
    tty: true,
    init: false,
    cgroupns: 'private',
    restart: { name: 'on-failure', maximumRetryCount: 1 },
  };
}

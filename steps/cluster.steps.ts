/**
 * The cluster a scenario needs, stated before its first command. The memory
 * backend builds it; a real backend that cannot honour a setting skips the
 * scenario with the reason (tag such scenarios @cluster-profile).
 */
import { UnsupportedByBackend, type ClusterProfileChange } from '../src/backend/backend.ts';
import { ProfileError } from '../src/cluster/profile.ts';
import { defineStep } from './support/define-step.ts';
import { ScenarioFailure } from './support/scenario-failure.ts';
import type { ScenarioWorld } from './support/world.ts';

async function configure(world: ScenarioWorld, change: ClusterProfileChange): Promise<'skipped' | undefined> {
  try {
    await world.backend.configure(change);
    return undefined;
  } catch (error) {
    if (error instanceof UnsupportedByBackend) {
      world.log(`skipped: ${error.message}`);
      return 'skipped';
    }
    if (error instanceof ProfileError) throw new ScenarioFailure(error.message);
    throw error;
  }
}

defineStep(
  {
    keyword: 'Given',
    phrase: 'a cluster with N worker nodes',
    zh: ['一个有 N 个工作节点的集群'],
    summary: 'A kind cluster with one control-plane node and N workers (kind-worker, kind-worker2 ...). The default is 2.',
    example: 'Given a cluster with 3 worker nodes',
    group: 'Cluster',
  },
  /^a cluster with (\d+) worker nodes?$/,
  function (this: ScenarioWorld, workers: string) {
    return configure(this, { workers: Number(workers) });
  },
  [/^一个有 (\d+) 个工作节点的集群$/],
);

defineStep(
  {
    keyword: 'Given',
    phrase: 'a cluster whose service range is "CIDR"',
    zh: ['一个服务网段为 "CIDR" 的集群'],
    summary: 'ClusterIPs come from CIDR (kind: 10.96.0.0/16). The `kubernetes` Service takes its first address and kube-dns the tenth, as seed 000\'s 10.0.0.0/16 cluster shows (10.0.0.1, 10.0.0.10).',
    example: 'Given a cluster whose service range is "10.0.0.0/16"',
    group: 'Cluster',
  },
  /^a cluster whose service range is "([^"]+)"$/,
  function (this: ScenarioWorld, cidr: string) {
    return configure(this, { serviceCIDR: cidr });
  },
  [/^一个服务网段为 "([^"]+)" 的集群$/],
);

defineStep(
  {
    keyword: 'Given',
    phrase: 'a cluster running Kubernetes VERSION',
    zh: ['一个运行 Kubernetes VERSION 的集群'],
    summary: 'The API server serves what VERSION served: on 1.19 to 1.21, Ingress also at extensions/v1beta1 and networking.k8s.io/v1beta1 (with the deprecation warning); from 1.22 those are refused.',
    example: 'Given a cluster running Kubernetes 1.19',
    group: 'Cluster',
  },
  /^a cluster running Kubernetes v?(\d+\.\d+)$/,
  function (this: ScenarioWorld, version: string) {
    return configure(this, { kubernetesVersion: version });
  },
  [/^一个运行 Kubernetes v?(\d+\.\d+) 的集群$/],
);

defineStep(
  {
    keyword: 'Given',
    phrase: 'kube-proxy in MODE mode',
    zh: ['kube-proxy 使用 MODE 模式'],
    summary: 'kube-proxy programs iptables (the default) or IPVS (`ipvsadm -Ln`, the kube-ipvs0 device, the rr scheduler).',
    example: 'Given kube-proxy in IPVS mode',
    group: 'Cluster',
  },
  /^kube-proxy in (iptables|IPVS|ipvs) mode$/,
  function (this: ScenarioWorld, mode: string) {
    return configure(this, { proxyMode: mode.toLowerCase() as 'iptables' | 'ipvs' });
  },
  [/^kube-proxy 使用 (iptables|IPVS|ipvs) 模式$/],
);

defineStep(
  {
    keyword: 'Given',
    phrase: 'kube-proxy in IPVS mode with the "SCHEDULER" scheduler',
    zh: ['kube-proxy 使用 IPVS 模式和 "SCHEDULER" 调度算法'],
    summary: 'IPVS mode with another scheduler: rr, wrr, lc, wlc, lblc, lblcr, sh, dh, sed or nq.',
    example: 'Given kube-proxy in IPVS mode with the "lc" scheduler',
    group: 'Cluster',
  },
  /^kube-proxy in (?:IPVS|ipvs) mode with the "(rr|wrr|lc|wlc|lblc|lblcr|sh|dh|sed|nq)" scheduler$/,
  function (this: ScenarioWorld, scheduler: string) {
    return configure(this, { proxyMode: 'ipvs', ipvsScheduler: scheduler });
  },
  [/^kube-proxy 使用 IPVS 模式和 "(rr|wrr|lc|wlc|lblc|lblcr|sh|dh|sed|nq)" 调度算法$/],
);

defineStep(
  {
    keyword: 'Given',
    phrase: 'a load balancer provider with addresses "RANGE"',
    zh: ['一个地址池为 "RANGE" 的负载均衡器'],
    summary: 'LoadBalancer Services get an address from RANGE (`A-B` or a CIDR) a moment after they are created, as cloud-provider-kind or MetalLB give them. Without a provider, EXTERNAL-IP stays <pending>, as on plain kind.',
    example: 'Given a load balancer provider with addresses "172.18.255.200-172.18.255.250"',
    group: 'Cluster',
  },
  /^a load balancer provider with addresses "([^"]+)"$/,
  function (this: ScenarioWorld, range: string) {
    return configure(this, { loadBalancer: { kind: 'ip-pool', cidr: range } });
  },
  [/^一个地址池为 "([^"]+)" 的负载均衡器$/],
);

defineStep(
  {
    keyword: 'Given',
    phrase: 'a load balancer provider that gives AWS ELB hostnames',
    zh: ['一个提供 AWS ELB 主机名的负载均衡器'],
    summary: 'LoadBalancer Services get a long ELB hostname instead of an IP (seed 000: seen only in `kubectl describe service`).',
    example: 'Given a load balancer provider that gives AWS ELB hostnames',
    group: 'Cluster',
  },
  /^a load balancer provider that gives AWS ELB hostnames$/,
  function (this: ScenarioWorld) {
    return configure(this, { loadBalancer: { kind: 'hostname', pattern: 'aws-elb' } });
  },
  [/^一个提供 AWS ELB 主机名的负载均衡器$/],
);

defineStep(
  {
    keyword: 'Given',
    phrase: 'the nodes have external IPs',
    zh: ['节点有外部 IP'],
    summary: 'Every node gets an ExternalIP address (as cloud nodes have; kind nodes have none), reachable from outside the cluster.',
    example: 'Given the nodes have external IPs',
    group: 'Cluster',
  },
  /^the nodes have external IPs$/,
  function (this: ScenarioWorld) {
    return configure(this, { nodeExternalIPs: true });
  },
  [/^节点有外部 IP$/],
);

defineStep(
  {
    keyword: 'Given',
    phrase: 'the external name "NAME" resolves to "IP"',
    zh: ['外部域名 "NAME" 解析为 "IP"'],
    summary: 'A name outside the cluster that pods can resolve (an ExternalName Service\'s target). Any other outside name does not resolve: the memory cluster reaches no real DNS.',
    example: 'Given the external name "api.somecompany.com" resolves to "203.0.113.7"',
    group: 'Cluster',
  },
  /^the external name "([^"]+)" resolves to "([^"]+)"$/,
  function (this: ScenarioWorld, name: string, ip: string) {
    return configure(this, { externalHosts: { [name]: ip } });
  },
  [/^外部域名 "([^"]+)" 解析为 "([^"]+)"$/],
);

defineStep(
  {
    keyword: 'Given',
    phrase: 'ingress-nginx is installed',
    zh: ['已安装 ingress-nginx'],
    summary:
      'The cluster runs the ingress-nginx controller as kind\'s ingress guide installs it: the control-plane node labelled ingress-ready=true with host ports 80 and 443 mapped to it, namespace ingress-nginx, IngressClass nginx.',
    example: 'Given ingress-nginx is installed',
    group: 'Cluster',
  },
  /^ingress-nginx is installed$/,
  function (this: ScenarioWorld) {
    return configure(this, { ingressNginx: true });
  },
  [/^已安装 ingress-nginx$/],
);

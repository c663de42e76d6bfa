/**
 * What the kubernetes plugin knows about a name: the Services, EndpointSlices
 * and Namespaces it watches, turned into service entries (coredns
 * plugin/kubernetes/kubernetes.go Records, findServices, findPods; reverse.go
 * serviceRecordForIP; namespace.go; CoreDNS 1.11 as shipped with Kubernetes 1.31).
 * Corefile options modelled: `pods insecure`, `ttl 30`; `endpoint_pod_names`,
 * `ignore empty_service` and `namespaces` are off, as in kind's Corefile.
 */
import { isIP } from 'node:net';
import type { Namespace, Service } from '../api/core.ts';
import type { EndpointSlice } from '../api/discovery.ts';
import type { ApiServer } from '../apiserver/types.ts';
import { fqdn } from './dns-name.ts';
import type { RecordRequest } from './record-request.ts';
import { endpointHostname, SERVICE_NAME_LABEL, subsetOfSlice, type EndpointSubset } from './service-endpoints.ts';

/**
 * One thing a name stands for (coredns plugin/etcd/msg.Service): `host` is an IP
 * (address records) or a name (ExternalName, answered with a CNAME); `owner` is
 * the name that entry lives at (an SRV or PTR target).
 */
export interface ServiceEntry {
  owner: string;
  host: string;
  /** -1 when the endpoint has no port. */
  port: number;
  ttl: number;
}

/** "No such name" from the cluster's point of view: the plugin answers NXDOMAIN (or falls through). */
export class NameNotFound extends Error {
  constructor(readonly reason: 'no items found' | 'namespace is not exposed' | 'invalid query name') {
    super(reason);
  }
}

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Empty request fields match anything (kubernetes.go matchPortAndProtocol). */
function matchPortAndProtocol(wantPort: string, port: string, wantProtocol: string, protocol: string): boolean {
  return (wantPort === '' || sameName(wantPort, port)) && (wantProtocol === '' || sameName(wantProtocol, protocol));
}

function isHeadless(service: Service): boolean {
  const first = service.spec.clusterIPs?.[0] ?? service.spec.clusterIP;
  return first === 'None';
}

function clusterIPs(service: Service): string[] {
  const ips = service.spec.clusterIPs ?? (service.spec.clusterIP ? [service.spec.clusterIP] : []);
  return ips.filter((ip) => isIP(ip) !== 0);
}

function byNamespaceAndName(a: { metadata: { namespace?: string; name?: string } }, b: { metadata: { namespace?: string; name?: string } }): number {
  const ka = `${a.metadata.namespace ?? ''}/${a.metadata.name ?? ''}`;
  const kb = `${b.metadata.namespace ?? ''}/${b.metadata.name ?? ''}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

export interface KubernetesBackendOptions {
  api: ApiServer;
  /** e.g. `cluster.local`. */
  clusterDomain: string;
  /** The plugin's `ttl` option; kind's Corefile sets 30. */
  ttl: number;
}

export class KubernetesBackend {
  readonly zone: string;
  readonly ttl: number;
  private readonly api: ApiServer;

  constructor(options: KubernetesBackendOptions) {
    this.api = options.api;
    this.zone = fqdn(options.clusterDomain);
    this.ttl = options.ttl;
  }

  /** The namespace exists (namespace.go filteredNamespaceExists; no `namespaces` filter configured). */
  namespaceExists(name: string): boolean {
    return this.api.tryGet<Namespace>({ kind: 'Namespace', name }) !== undefined;
  }

  /** Entries for a parsed request in the cluster zone (Records): throws NameNotFound for names that do not exist. */
  records(request: RecordRequest): ServiceEntry[] {
    if (request.podOrSvc === '') return [];
    if (!this.namespaceExists(request.namespace)) throw new NameNotFound('namespace is not exposed');
    return request.podOrSvc === 'pod' ? this.findPods(request) : this.findServices(request);
  }

  /** `pods insecure`: any IP-shaped name answers with that IP, in an existing namespace (findPods). */
  private findPods(request: RecordRequest): ServiceEntry[] {
    const podName = request.service;
    if (podName === '') return [];
    const dashes = podName.split('-').length - 1;
    const ip = dashes === 3 && !podName.includes('--') ? podName.replace(/-/g, '.') : podName.replace(/-/g, ':');
    if (isIP(ip) === 0) throw new NameNotFound('no items found');
    return [{ owner: fqdn(`${podName}.${request.namespace}.pod.${this.zone}`), host: ip, port: 0, ttl: this.ttl }];
  }

  private findServices(request: RecordRequest): ServiceEntry[] {
    if (request.service === '') return [];
    const entries: ServiceEntry[] = [];
    let found = false;
    const services = this.api
      .listShared<Service>('Service', { namespace: request.namespace })
      .filter((s) => sameName(s.metadata.name ?? '', request.service))
      .sort(byNamespaceAndName);
    for (const service of services) {
      const name = service.metadata.name ?? '';
      const namespace = service.metadata.namespace ?? '';
      const owner = fqdn(`${name}.${namespace}.svc.${this.zone}`);
      if (service.spec.type === 'ExternalName') {
        // An ExternalName service has no endpoints; an IP as externalName is not answered.
        const target = service.spec.externalName ?? '';
        if (request.endpoint !== '' || target === '' || isIP(target) !== 0) continue;
        entries.push({ owner, host: target, port: 0, ttl: this.ttl });
        found = true;
        continue;
      }
      if (isHeadless(service) || request.endpoint !== '') {
        for (const subset of this.subsets(namespace, name)) {
          for (const address of subset.addresses) {
            const hostname = endpointHostname(address);
            if (request.endpoint !== '' && !sameName(request.endpoint, hostname)) continue;
            for (const port of subset.ports) {
              if (!matchPortAndProtocol(request.port, port.name, request.protocol, port.protocol)) continue;
              entries.push({ owner: fqdn(`${hostname}.${owner}`), host: address.ip, port: port.port, ttl: this.ttl });
              found = true;
            }
          }
        }
        continue;
      }
      for (const port of service.spec.ports ?? []) {
        if (!matchPortAndProtocol(request.port, port.name ?? '', request.protocol, port.protocol ?? 'TCP')) continue;
        found = true;
        for (const ip of clusterIPs(service)) entries.push({ owner, host: ip, port: port.port, ttl: this.ttl });
      }
    }
    if (!found) throw new NameNotFound('no items found');
    return entries;
  }

  /** The EndpointSlices of one service, as subsets of ready endpoints, in slice-name order. */
  subsets(namespace: string, service: string): EndpointSubset[] {
    return this.api
      .listShared<EndpointSlice>('EndpointSlice', { namespace })
      .filter((slice) => slice.metadata.labels?.[SERVICE_NAME_LABEL] === service)
      .sort(byNamespaceAndName)
      .map(subsetOfSlice)
      .filter((subset): subset is EndpointSubset => subset !== undefined);
  }

  /**
   * Names for an IP (reverse.go serviceRecordForIP): the service whose cluster IP
   * it is, else every endpoint holding it as `<hostname>.<svc>.<ns>.svc.<zone>`.
   */
  reverse(ip: string): string[] {
    const services = [...this.api.listShared<Service>('Service')].sort(byNamespaceAndName);
    for (const service of services) {
      if (clusterIPs(service).includes(ip)) {
        return [fqdn(`${service.metadata.name}.${service.metadata.namespace}.svc.${this.zone}`)];
      }
    }
    const names: string[] = [];
    const slices = [...this.api.listShared<EndpointSlice>('EndpointSlice')].sort(byNamespaceAndName);
    for (const slice of slices) {
      const serviceName = slice.metadata.labels?.[SERVICE_NAME_LABEL];
      const subset = subsetOfSlice(slice);
      if (!serviceName || !subset) continue;
      for (const address of subset.addresses) {
        if (address.ip !== ip) continue;
        names.push(fqdn(`${endpointHostname(address)}.${serviceName}.${slice.metadata.namespace}.svc.${this.zone}`));
      }
    }
    return names;
  }

  /**
   * The addresses `ns.dns.<zone>` answers with: the cluster IPs of the service in
   * front of CoreDNS (ns.go nsAddrs finds them through CoreDNS's own pod IP; here
   * through kubeadm's `k8s-app: kube-dns` selector).
   */
  nameserverAddresses(): string[] {
    return this.api
      .list<Service>('Service', { namespace: 'kube-system' })
      .filter((s) => s.spec.selector?.['k8s-app'] === 'kube-dns')
      .sort(byNamespaceAndName)
      .flatMap(clusterIPs);
  }
}


/**
 * What a Service write allocates and releases, as
 * pkg/registry/core/service/storage/alloc.go does on a single-stack IPv4
 * cluster (1.31): initIPFamilyFields, txnAllocClusterIPs, initNodePorts,
 * allocHealthCheckNodePort, the update cases (type changes release or
 * allocate) and the release on delete. Each write gets a transaction:
 * commit applies deferred releases, revert undoes new allocations.
 */
import type { Service } from '../../api/core.ts';
import { newInternalError, newInvalid } from '../status-errors.ts';
import { FieldPath, invalid, type FieldError } from '../validation/field-error.ts';
import { goStringSlice } from '../validation/go-syntax.ts';
import { isIPv6String } from '../validation/format-rules.ts';
import { needsHealthCheck, validateClusterIPsRelatedFields } from '../validation/service.ts';
import { AllocationError, type ClusterIPAllocator } from './cluster-ip-allocator.ts';
import { NodePortOperation, type NodePortAllocator } from './node-port-allocator.ts';

const SERVICE_KIND = { group: '', kind: 'Service' };

export interface AllocationTransaction {
  commit(): void;
  revert(): void;
}

function needsNodePorts(svc: Service): boolean {
  return svc.spec.type === 'NodePort' || svc.spec.type === 'LoadBalancer';
}

/** shouldAllocateNodePorts: NodePort always, LoadBalancer unless allocateLoadBalancerNodePorts is false. */
function shouldAllocateNodePorts(svc: Service): boolean {
  if (svc.spec.type === 'NodePort') return true;
  if (svc.spec.type === 'LoadBalancer') return svc.spec.allocateLoadBalancerNodePorts !== false;
  return false;
}

function isHeadlessIPs(svc: Service): boolean {
  const ips = svc.spec.clusterIPs ?? [];
  return ips.length > 0 && ips[0] === 'None';
}

function collectNodePorts(svc: Service): number[] {
  const ports = new Set<number>();
  for (const p of svc.spec.ports ?? []) if (p.nodePort) ports.add(p.nodePort);
  if (svc.spec.healthCheckNodePort) ports.add(svc.spec.healthCheckNodePort);
  return [...ports];
}

export class ServiceAllocation {
  constructor(
    private readonly ips: ClusterIPAllocator,
    private readonly ports: NodePortAllocator,
  ) {}

  /** initIPFamilyFields for a cluster whose only family is IPv4. */
  private initIPFamilyFields(svc: Service, old?: Service): void {
    if (svc.spec.type === 'ExternalName') return;
    const name = svc.metadata.name ?? '';
    if (svc.spec.ipFamilyPolicy === undefined) {
      if (old?.spec.ipFamilyPolicy !== undefined) svc.spec.ipFamilyPolicy = old.spec.ipFamilyPolicy;
      else if (svc.spec.clusterIP === 'None' && Object.keys(svc.spec.selector ?? {}).length === 0) svc.spec.ipFamilyPolicy = 'RequireDualStack';
      else svc.spec.ipFamilyPolicy = 'SingleStack';
    }
    const pre = validateClusterIPsRelatedFields(svc);
    if (pre.length > 0) throw newInvalid(SERVICE_KIND, name, pre);
    const errs: FieldError[] = [];
    const policy = svc.spec.ipFamilyPolicy;
    if (policy === 'SingleStack') {
      if ((svc.spec.clusterIPs ?? []).length === 2) {
        errs.push(invalid(FieldPath.of('spec', 'ipFamilyPolicy'), policy, "must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified"));
      }
      if ((svc.spec.ipFamilies ?? []).length === 2) {
        errs.push(invalid(FieldPath.of('spec', 'ipFamilyPolicy'), policy, "must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified"));
      }
    }
    const families = svc.spec.ipFamilies ?? [];
    (svc.spec.clusterIPs ?? []).every((ip, i) => {
      if (ip === 'None') return false;
      if (i >= families.length) {
        if (isIPv6String(ip)) {
          errs.push(invalid(FieldPath.of('spec', 'clusterIPs').index(i), goStringSlice(svc.spec.clusterIPs), 'IPv6 is not configured on this cluster'));
        } else families.push('IPv4');
      }
      return true;
    });
    svc.spec.ipFamilies = families;
    if (errs.length > 0) throw newInvalid(SERVICE_KIND, name, errs);
    if (svc.spec.clusterIP === 'None' && Object.keys(svc.spec.selector ?? {}).length === 0) {
      if (families.length === 0) families.push('IPv4');
      if (families.length < 2 && policy !== 'SingleStack') families.push(families[0] === 'IPv4' ? 'IPv6' : 'IPv4');
      return;
    }
    if (policy === 'RequireDualStack') {
      errs.push(invalid(FieldPath.of('spec', 'ipFamilyPolicy'), policy, 'this cluster is not configured for dual-stack services'));
    }
    families.forEach((family, i) => {
      if (family !== 'IPv4') errs.push(invalid(FieldPath.of('spec', 'ipFamilies').index(i), family, 'not configured on this cluster'));
    });
    if (errs.length > 0) throw newInvalid(SERVICE_KIND, name, errs);
    if (families.length === 0) families.push('IPv4');
  }

  /** allocClusterIPs: the requested address or a random one; nothing for ExternalName and headless. */
  private allocClusterIPs(svc: Service, dryRun: boolean): string | undefined {
    if (svc.spec.type === 'ExternalName' || isHeadlessIPs(svc)) return undefined;
    const requested = svc.spec.clusterIPs?.[0] ?? '';
    if (requested === '') {
      let ip: string;
      try {
        ip = this.ips.allocateNext(dryRun);
      } catch (e) {
        throw newInternalError(`failed to allocate a serviceIP: ${(e as Error).message}`);
      }
      svc.spec.clusterIP = ip;
      svc.spec.clusterIPs = [ip];
      return dryRun ? undefined : ip;
    }
    try {
      this.ips.allocate(requested, dryRun);
    } catch (e) {
      if (!(e instanceof AllocationError)) throw e;
      const err = invalid(FieldPath.of('spec', 'clusterIPs'), goStringSlice(svc.spec.clusterIPs), `failed to allocate IP ${requested}: ${e.message}`);
      throw newInvalid(SERVICE_KIND, svc.metadata.name ?? '', [err]);
    }
    return dryRun ? undefined : requested;
  }

  private invalidNodePort(svc: Service, index: number, port: number, e: unknown): never {
    if (!(e instanceof AllocationError)) throw e;
    const err = invalid(FieldPath.of('spec', 'ports').index(index).child('nodePort'), port, e.message);
    throw newInvalid(SERVICE_KIND, svc.metadata.name ?? '', [err]);
  }

  /** initNodePorts: ports with the same service port share one nodePort. */
  private initNodePorts(svc: Service, op: NodePortOperation): void {
    const byServicePort = new Map<number, number>();
    const ports = svc.spec.ports ?? [];
    ports.forEach((sp, i) => {
      if (!sp.nodePort && !shouldAllocateNodePorts(svc)) return;
      const already = byServicePort.get(sp.port);
      if (already === undefined) {
        const requested = ports.slice(i).find((p) => p.port === sp.port && p.nodePort)?.nodePort ?? 0;
        if (requested !== 0) {
          try {
            op.allocate(requested);
          } catch (e) {
            this.invalidNodePort(svc, i, requested, e);
          }
          sp.nodePort = requested;
        } else {
          try {
            sp.nodePort = op.allocateNext();
          } catch (e) {
            throw newInternalError(`failed to allocate a nodePort: ${(e as Error).message}`);
          }
        }
        byServicePort.set(sp.port, sp.nodePort);
      } else if (sp.nodePort !== already) {
        if (!sp.nodePort) sp.nodePort = already;
        else {
          try {
            op.allocate(sp.nodePort);
          } catch (e) {
            this.invalidNodePort(svc, i, sp.nodePort, e);
          }
        }
      }
    });
  }

  private allocHealthCheckNodePort(svc: Service, op: NodePortOperation): void {
    const requested = svc.spec.healthCheckNodePort ?? 0;
    try {
      if (requested !== 0) op.allocate(requested);
      else svc.spec.healthCheckNodePort = op.allocateNext();
    } catch (e) {
      const why =
        requested !== 0
          ? `failed to allocate requested HealthCheck NodePort ${requested}: ${(e as Error).message}`
          : `failed to allocate a HealthCheck NodePort 0: ${(e as Error).message}`;
      throw newInternalError(why);
    }
  }

  /** allocateCreate: families, cluster IP, node ports, health check port. */
  allocateCreate(svc: Service, dryRun: boolean): AllocationTransaction {
    this.initIPFamilyFields(svc);
    const ip = this.allocClusterIPs(svc, dryRun);
    const op = new NodePortOperation(this.ports, dryRun);
    try {
      if (needsNodePorts(svc)) this.initNodePorts(svc, op);
      if (needsHealthCheck(svc)) this.allocHealthCheckNodePort(svc, op);
    } catch (e) {
      op.revert();
      if (ip) this.ips.release(ip);
      throw e;
    }
    return {
      commit: () => op.commit(),
      revert: () => {
        op.revert();
        if (ip) this.ips.release(ip);
      },
    };
  }

  /** allocateUpdate: ExternalName transitions move the cluster IP; NodePort transitions move node ports. */
  allocateUpdate(svc: Service, old: Service, dryRun: boolean): AllocationTransaction {
    this.initIPFamilyFields(svc, old);
    let allocatedIP: string | undefined;
    let releaseIP: string | undefined;
    if (old.spec.type === 'ExternalName' && svc.spec.type !== 'ExternalName') {
      allocatedIP = this.allocClusterIPs(svc, dryRun);
    } else if (!isHeadlessIPs(old) && old.spec.type !== 'ExternalName' && svc.spec.type === 'ExternalName') {
      releaseIP = old.spec.clusterIPs?.[0] ?? old.spec.clusterIP;
    }
    const op = new NodePortOperation(this.ports, dryRun);
    try {
      if (needsNodePorts(old) && (svc.spec.type === 'ExternalName' || svc.spec.type === 'ClusterIP')) {
        for (const port of collectNodePorts(old)) op.releaseLater(port);
      }
      if (needsNodePorts(svc)) this.updateNodePorts(svc, old, op);
      this.updateHealthCheckNodePort(svc, old, op);
    } catch (e) {
      op.revert();
      if (allocatedIP) this.ips.release(allocatedIP);
      throw e;
    }
    return {
      commit: () => {
        op.commit();
        if (releaseIP && !dryRun) this.ips.release(releaseIP);
      },
      revert: () => {
        op.revert();
        if (allocatedIP) this.ips.release(allocatedIP);
      },
    };
  }

  /** updateNodePorts: keep ports already held, allocate new ones, release the ones dropped. */
  private updateNodePorts(svc: Service, old: Service, op: NodePortOperation): void {
    const oldPorts = collectNodePorts(old);
    const claimed = new Set<number>();
    (svc.spec.ports ?? []).forEach((sp, i) => {
      if (!sp.nodePort && !shouldAllocateNodePorts(svc)) return;
      if (sp.nodePort) {
        if (!oldPorts.includes(sp.nodePort) && !claimed.has(sp.nodePort)) {
          try {
            op.allocate(sp.nodePort);
          } catch (e) {
            this.invalidNodePort(svc, i, sp.nodePort, e);
          }
          claimed.add(sp.nodePort);
        }
      } else {
        try {
          sp.nodePort = op.allocateNext();
        } catch (e) {
          throw newInternalError(`failed to allocate a nodePort: ${(e as Error).message}`);
        }
      }
    });
    const newPorts = collectNodePorts(svc);
    for (const port of oldPorts) if (!newPorts.includes(port)) op.releaseLater(port);
  }

  private updateHealthCheckNodePort(svc: Service, old: Service, op: NodePortOperation): void {
    const needed = needsHealthCheck(old);
    const needs = needsHealthCheck(svc);
    if (!needed && needs) this.allocHealthCheckNodePort(svc, op);
    else if (needed && !needs) {
      if (old.spec.healthCheckNodePort) op.releaseLater(old.spec.healthCheckNodePort);
      delete svc.spec.healthCheckNodePort;
    }
  }

  /** Releases everything a deleted Service held. */
  release(svc: Service): void {
    if (svc.spec.type !== 'ExternalName' && !isHeadlessIPs(svc)) {
      for (const ip of svc.spec.clusterIPs ?? []) this.ips.release(ip);
    }
    for (const port of collectNodePorts(svc)) this.ports.release(port);
  }
}

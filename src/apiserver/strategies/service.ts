/**
 * The Service write strategy around allocation (Kubernetes 1.31):
 * NormalizeClusterIPs and patchAllocatedValues of
 * pkg/registry/core/service/storage/rest.go, and dropTypeDependentFields of
 * pkg/registry/core/service/strategy.go, which let a client resubmit or
 * retype a Service without repeating what the server allocated.
 */
import type { Service } from '../../api/core.ts';
import { jsonEqual } from '../json-equal.ts';
import { needsHealthCheck, externallyAccessible } from '../validation/service.ts';

function sameClusterIPs(a: Service, b: Service): boolean {
  return jsonEqual(a.spec.clusterIPs ?? [], b.spec.clusterIPs ?? []);
}

/** NormalizeClusterIPs: keep clusterIP (singular, old clients) and clusterIPs (plural) in step. */
export function normalizeClusterIPs(svc: Service, old?: Service): void {
  const spec = svc.spec;
  if (!old) {
    if (spec.clusterIP && (spec.clusterIPs ?? []).length === 0) spec.clusterIPs = [spec.clusterIP];
    return;
  }
  if ((old.spec.clusterIP ?? '') !== (spec.clusterIP ?? '')) {
    if (!spec.clusterIP) {
      if (sameClusterIPs(old, svc)) delete spec.clusterIPs;
      return;
    }
    if (sameClusterIPs(old, svc)) {
      spec.clusterIPs = [spec.clusterIP];
      return;
    }
  }
  if (!sameClusterIPs(old, svc)) {
    if ((spec.clusterIPs ?? []).length === 0) {
      if ((old.spec.clusterIP ?? '') === (spec.clusterIP ?? '')) delete spec.clusterIP;
      return;
    }
    if ((old.spec.clusterIP ?? '') === (spec.clusterIP ?? '')) spec.clusterIP = spec.clusterIPs![0];
  }
}

function needsClusterIP(svc: Service): boolean {
  const t = svc.spec.type;
  return t === 'ClusterIP' || t === 'NodePort' || t === 'LoadBalancer';
}

function needsNodePort(svc: Service): boolean {
  return svc.spec.type === 'NodePort' || svc.spec.type === 'LoadBalancer';
}

/** patchAllocatedValues: fill in what the server allocated when the client left it out. */
export function patchAllocatedValues(svc: Service, old: Service): void {
  if (needsClusterIP(old) && needsClusterIP(svc)) {
    if (!svc.spec.clusterIP && old.spec.clusterIP) svc.spec.clusterIP = old.spec.clusterIP;
    if ((svc.spec.clusterIPs ?? []).length === 0 && (old.spec.clusterIPs ?? []).length > 0) svc.spec.clusterIPs = [...old.spec.clusterIPs!];
  }
  if (needsNodePort(old) && needsNodePort(svc)) {
    const oldUsed = new Set((old.spec.ports ?? []).map((p) => p.nodePort).filter((p): p is number => !!p));
    const newUsed = new Set((svc.spec.ports ?? []).map((p) => p.nodePort).filter((p): p is number => !!p));
    const used = new Set([...oldUsed].filter((p) => newUsed.has(p)));
    const byName = new Map<string, number>();
    for (const p of old.spec.ports ?? []) byName.set(p.name ?? '', p.nodePort ?? 0);
    for (const p of svc.spec.ports ?? []) {
      if (!p.nodePort) {
        const previous = byName.get(p.name ?? '') ?? 0;
        if (previous && !used.has(previous)) p.nodePort = previous;
      }
    }
  }
  if (needsHealthCheck(old) && needsHealthCheck(svc) && !svc.spec.healthCheckNodePort) {
    svc.spec.healthCheckNodePort = old.spec.healthCheckNodePort;
  }
}

/** dropTypeDependentFields: fields the old type needed are cleared when the new type does not need them and the client did not change them. */
export function dropTypeDependentFields(svc: Service, old: Service): void {
  if (needsClusterIP(old) && !needsClusterIP(svc) && sameClusterIPs(old, svc) && (old.spec.clusterIP ?? '') === (svc.spec.clusterIP ?? '')) {
    delete svc.spec.clusterIP;
    delete svc.spec.clusterIPs;
    delete svc.spec.ipFamilies;
    delete svc.spec.ipFamilyPolicy;
  }
  const sameNodePorts = jsonEqual(
    (old.spec.ports ?? []).map((p) => p.nodePort ?? 0),
    (svc.spec.ports ?? []).map((p) => p.nodePort ?? 0),
  );
  if (needsNodePort(old) && !needsNodePort(svc) && sameNodePorts) {
    for (const p of svc.spec.ports ?? []) delete p.nodePort;
  }
  if (needsHealthCheck(old) && !needsHealthCheck(svc) && svc.spec.healthCheckNodePort === old.spec.healthCheckNodePort) {
    delete svc.spec.healthCheckNodePort;
  }
  if (old.spec.type === 'LoadBalancer' && svc.spec.type !== 'LoadBalancer') {
    if (svc.spec.allocateLoadBalancerNodePorts === old.spec.allocateLoadBalancerNodePorts) delete svc.spec.allocateLoadBalancerNodePorts;
    if (svc.spec.loadBalancerClass === old.spec.loadBalancerClass) delete svc.spec.loadBalancerClass;
  }
  if (!externallyAccessible(svc) && svc.spec.externalTrafficPolicy === old.spec.externalTrafficPolicy) {
    delete svc.spec.externalTrafficPolicy;
  }
}

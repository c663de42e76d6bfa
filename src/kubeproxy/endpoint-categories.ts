/**
 * Which endpoints a service port uses for Cluster and for Local traffic policy
 * (pkg/proxy/topology.go CategorizeEndpoints, Kubernetes 1.31). Topology-aware
 * hints are not modelled: kind nodes carry no zone labels, so every ready
 * endpoint is available.
 */
import type { EndpointInfo, ServicePortInfo } from './proxy-state.ts';

export interface EndpointCategories {
  /** Endpoints for Cluster policy: ready ones, or serving+terminating ones when none is ready. */
  clusterEndpoints: EndpointInfo[];
  /** Local endpoints for Local policy, with the same ready-then-terminating fallback. */
  localEndpoints: EndpointInfo[];
  /** Union of the two: the endpoints this node writes KUBE-SEP chains for. */
  allReachableEndpoints: EndpointInfo[];
  /** Whether any node has a usable endpoint (decides REJECT vs DROP). */
  hasAnyEndpoints: boolean;
}

/** serviceport.go UsesClusterEndpoints. */
export function usesClusterEndpoints(port: ServicePortInfo): boolean {
  return !port.internalPolicyLocal || (port.externallyAccessible && !port.externalPolicyLocal);
}

/** serviceport.go UsesLocalEndpoints. */
export function usesLocalEndpoints(port: ServicePortInfo): boolean {
  return port.internalPolicyLocal || (port.externallyAccessible && port.externalPolicyLocal);
}

export function categorizeEndpoints(port: ServicePortInfo): EndpointCategories {
  const endpoints = port.endpoints;
  let clusterEndpoints: EndpointInfo[] = [];
  let localEndpoints: EndpointInfo[] = [];
  let hasAnyEndpoints = false;

  if (usesClusterEndpoints(port)) {
    clusterEndpoints = endpoints.filter((ep) => ep.ready);
    if (clusterEndpoints.length === 0) clusterEndpoints = endpoints.filter((ep) => ep.serving && ep.terminating);
    if (clusterEndpoints.length > 0) hasAnyEndpoints = true;
  }
  if (!usesLocalEndpoints(port)) {
    return { clusterEndpoints, localEndpoints, allReachableEndpoints: clusterEndpoints, hasAnyEndpoints };
  }

  let hasLocalReady = false;
  let hasLocalServingTerminating = false;
  for (const ep of endpoints) {
    if (ep.ready) {
      hasAnyEndpoints = true;
      if (ep.isLocal) hasLocalReady = true;
    } else if (ep.serving && ep.terminating) {
      hasAnyEndpoints = true;
      if (ep.isLocal) hasLocalServingTerminating = true;
    }
  }
  if (hasLocalReady) localEndpoints = endpoints.filter((ep) => ep.isLocal && ep.ready);
  else if (hasLocalServingTerminating) localEndpoints = endpoints.filter((ep) => ep.isLocal && ep.serving && ep.terminating);

  if (!usesClusterEndpoints(port) || clusterEndpoints.length === 0) {
    return { clusterEndpoints, localEndpoints, allReachableEndpoints: localEndpoints, hasAnyEndpoints };
  }
  const merged = new Map<string, EndpointInfo>();
  for (const ep of clusterEndpoints) merged.set(ep.endpoint, ep);
  for (const ep of localEndpoints) merged.set(ep.endpoint, ep);
  return { clusterEndpoints, localEndpoints, allReachableEndpoints: [...merged.values()], hasAnyEndpoints };
}

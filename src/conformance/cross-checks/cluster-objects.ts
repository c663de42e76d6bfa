/**
 * The parts of a cluster's objects the cross-checks read, as `kubectl get -o
 * json` prints them: enough to name every address, node port and kube-proxy
 * chain after the object it belongs to.
 */

export interface ServicePortObject {
  name?: string;
  protocol?: string;
  port: number;
  nodePort?: number;
}

export interface ServiceObject {
  kind: 'Service';
  metadata: { name: string; namespace: string };
  spec: { type?: string; clusterIP?: string; ports?: ServicePortObject[] };
}

export interface PodObject {
  kind: 'Pod';
  metadata: { name: string; namespace: string; labels?: Record<string, string> };
  spec: { nodeName?: string };
  status: { podIP?: string };
}

export interface NodeObject {
  kind: 'Node';
  metadata: { name: string };
  status: { addresses?: { type: string; address: string }[] };
}

export interface EndpointSliceObject {
  kind: 'EndpointSlice';
  metadata: { name: string; namespace: string; labels?: Record<string, string> };
  endpoints?: { addresses: string[]; conditions?: { ready?: boolean } }[] | null;
  ports?: { name?: string; port?: number; protocol?: string }[] | null;
}

/** Everything one cluster holds that the checks look at. */
export interface ClusterObjects {
  services: ServiceObject[];
  pods: PodObject[];
  nodes: NodeObject[];
  endpointSlices: EndpointSliceObject[];
}

/** Sorts the items of a `kubectl get A,B,C -o json` List by kind. */
export function clusterObjectsFromList(list: { items: { kind?: string }[] }): ClusterObjects {
  const of = <T>(kind: string) => list.items.filter((i) => i.kind === kind) as unknown as T[];
  return {
    services: of<ServiceObject>('Service'),
    pods: of<PodObject>('Pod'),
    nodes: of<NodeObject>('Node'),
    endpointSlices: of<EndpointSliceObject>('EndpointSlice'),
  };
}

/** The service an EndpointSlice belongs to (its kubernetes.io/service-name label). */
export function sliceServiceName(slice: EndpointSliceObject): string | undefined {
  return slice.metadata.labels?.['kubernetes.io/service-name'];
}

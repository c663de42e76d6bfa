/**
 * `kubectl get services`: NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE, wide SELECTOR
 * (printService, getServiceExternalIP, makePortString in pkg/printers/internalversion/printers.go;
 * FIDELITY.md §7). EXTERNAL-IP is `<none>` unless externalIPs are set; a LoadBalancer shows its
 * ingress IPs or hostnames (sorted, de-duplicated) or `<pending>`; ExternalName shows its name.
 */
import type { Service, ServicePort } from '../../../api/core.ts';
import type { KubeObject } from '../../../api/meta.ts';
import { translateTimestampSince } from '../age.ts';
import { formatLabels } from '../label-format.ts';
import { AGE_COLUMN, NAME_COLUMN, column, type Cell, type KindTable, type RowContext } from './table.ts';
import { loadBalancerStatusString } from './load-balancer-status.ts';

function externalIP(svc: Service): string {
  const externalIPs = svc.spec.externalIPs ?? [];
  switch (svc.spec.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lbIps = loadBalancerStatusString(svc.status?.loadBalancer?.ingress ?? []);
      if (externalIPs.length > 0) return [...(lbIps ? lbIps.split(',') : []), ...externalIPs].join(',');
      return lbIps || '<pending>';
    }
    case 'ExternalName':
      return svc.spec.externalName ?? '';
    default:
      return '<unknown>';
  }
}

/** makePortString: `80/TCP`, `8080:31348/TCP`, joined by commas. */
export function servicePortsString(ports: ServicePort[] | undefined): string {
  return (ports ?? [])
    .map((p) => {
      const protocol = p.protocol ?? 'TCP';
      return p.nodePort ? `${p.port}:${p.nodePort}/${protocol}` : `${p.port}/${protocol}`;
    })
    .join(',');
}

export const serviceTable: KindTable = {
  columns: [
    NAME_COLUMN,
    column('Type'),
    column('Cluster-IP'),
    column('External-IP'),
    column('Port(s)'),
    AGE_COLUMN,
    column('Selector', { wide: true }),
  ],
  row(object: KubeObject, ctx: RowContext): Cell[] {
    const svc = object as Service;
    const ports = servicePortsString(svc.spec.ports);
    return [
      svc.metadata.name ?? '',
      svc.spec.type ?? '',
      svc.spec.clusterIPs?.[0] ?? '<none>',
      externalIP(svc),
      ports === '' ? '<none>' : ports,
      translateTimestampSince(svc.metadata.creationTimestamp, ctx.now),
      formatLabels(svc.spec.selector),
    ];
  },
};

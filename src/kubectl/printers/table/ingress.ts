/**
 * `kubectl get ingress`: NAME CLASS HOSTS ADDRESS PORTS AGE (printIngress, formatHosts, formatPorts in
 * pkg/printers/internalversion/printers.go; FIDELITY.md §7): at most three hosts then ` + N more...`,
 * `*` without hosts; PORTS `80`, or `80, 443` with a tls section.
 */
import type { KubeObject } from '../../../api/meta.ts';
import type { Ingress, IngressRule } from '../../../api/networking.ts';
import { translateTimestampSince } from '../age.ts';
import { loadBalancerStatusString } from './load-balancer-status.ts';
import { AGE_COLUMN, NAME_COLUMN, column, type Cell, type KindTable, type RowContext } from './table.ts';

const MAX_SHOWN = 3;

function formatHosts(rules: IngressRule[]): string {
  const list: string[] = [];
  let more = false;
  for (const rule of rules) {
    if (list.length === MAX_SHOWN) more = true;
    if (!more && rule.host) list.push(rule.host);
  }
  if (list.length === 0) return '*';
  const joined = list.join(',');
  return more ? `${joined} + ${rules.length - MAX_SHOWN} more...` : joined;
}

export const ingressTable: KindTable = {
  columns: [NAME_COLUMN, column('Class'), column('Hosts'), column('Address'), column('Ports'), AGE_COLUMN],
  row(object: KubeObject, ctx: RowContext): Cell[] {
    const ing = object as Ingress;
    return [
      ing.metadata.name ?? '',
      ing.spec.ingressClassName ?? '<none>',
      formatHosts(ing.spec.rules ?? []),
      loadBalancerStatusString(ing.status?.loadBalancer?.ingress ?? []),
      (ing.spec.tls ?? []).length !== 0 ? '80, 443' : '80',
      translateTimestampSince(ing.metadata.creationTimestamp, ctx.now),
    ];
  },
};

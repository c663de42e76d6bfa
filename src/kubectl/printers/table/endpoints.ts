/**
 * `kubectl get endpoints`: NAME ENDPOINTS AGE. formatEndpoints (pkg/printers/internalversion/printers.go):
 * `ip:port` for every port of every subset (or the bare IP when a subset has no ports), at most
 * three, then ` + N more...`; `<none>` without subsets. FIDELITY.md §7.
 */
import type { Endpoints } from '../../../api/core.ts';
import type { KubeObject } from '../../../api/meta.ts';
import { translateTimestampSince } from '../age.ts';
import { AGE_COLUMN, NAME_COLUMN, column, type Cell, type KindTable, type RowContext } from './table.ts';

const MAX_SHOWN = 3;

/** net.JoinHostPort: IPv6 addresses are bracketed. */
export function joinHostPort(host: string, port: number | string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** formatEndpoints; `portNames` restricts to ports of these names (describe service), undefined for all. */
export function formatEndpoints(endpoints: Endpoints | undefined, portNames?: Set<string>): string {
  const subsets = endpoints?.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const subset of subsets) {
    const addresses = subset.addresses ?? [];
    const ports = subset.ports ?? [];
    if (ports.length === 0) {
      count += addresses.length;
      for (const address of addresses) {
        if (list.length === MAX_SHOWN) {
          more = true;
          break;
        }
        list.push(address.ip);
      }
      continue;
    }
    for (const port of ports) {
      if (portNames !== undefined && !portNames.has(port.name ?? '')) continue;
      count += addresses.length;
      for (const address of addresses) {
        if (list.length === MAX_SHOWN) {
          more = true;
          break;
        }
        list.push(joinHostPort(address.ip, port.port));
      }
    }
  }
  const joined = list.join(',');
  return more ? `${joined} + ${count - MAX_SHOWN} more...` : joined;
}

export const endpointsTable: KindTable = {
  columns: [NAME_COLUMN, column('Endpoints'), AGE_COLUMN],
  row(object: KubeObject, ctx: RowContext): Cell[] {
    const ep = object as Endpoints;
    return [ep.metadata.name ?? '', formatEndpoints(ep), translateTimestampSince(ep.metadata.creationTimestamp, ctx.now)];
  },
};

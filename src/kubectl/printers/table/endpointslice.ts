/**
 * `kubectl get endpointslices`: NAME ADDRESSTYPE PORTS ENDPOINTS AGE (printEndpointSlice,
 * formatDiscoveryPorts, formatDiscoveryEndpoints, listWithMoreString in
 * pkg/printers/internalversion/printers.go): at most three ports or addresses, then
 * ` + N more...`; `<unset>` when there are none.
 */
import type { EndpointSlice } from '../../../api/discovery.ts';
import type { KubeObject } from '../../../api/meta.ts';
import { translateTimestampSince } from '../age.ts';
import { AGE_COLUMN, NAME_COLUMN, column, type Cell, type KindTable, type RowContext } from './table.ts';

const MAX_SHOWN = 3;

function listWithMore(list: string[], more: boolean, count: number): string {
  const joined = list.join(',');
  if (more) return `${joined} + ${count - MAX_SHOWN} more...`;
  return joined === '' ? '<unset>' : joined;
}

function formatPorts(slice: EndpointSlice): string {
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const port of slice.ports ?? []) {
    if (list.length < MAX_SHOWN) {
      list.push(port.port !== undefined && port.port !== null ? String(port.port) : port.name !== undefined ? port.name : '*');
    } else if (list.length === MAX_SHOWN) {
      more = true;
    }
    count++;
  }
  return listWithMore(list, more, count);
}

function formatAddresses(slice: EndpointSlice): string {
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const endpoint of slice.endpoints ?? []) {
    for (const address of endpoint.addresses) {
      if (list.length < MAX_SHOWN) list.push(address);
      else if (list.length === MAX_SHOWN) more = true;
      count++;
    }
  }
  return listWithMore(list, more, count);
}

export const endpointSliceTable: KindTable = {
  columns: [NAME_COLUMN, column('AddressType'), column('Ports'), column('Endpoints'), AGE_COLUMN],
  row(object: KubeObject, ctx: RowContext): Cell[] {
    const slice = object as EndpointSlice;
    return [
      slice.metadata.name ?? '',
      slice.addressType,
      formatPorts(slice),
      formatAddresses(slice),
      translateTimestampSince(slice.metadata.creationTimestamp, ctx.now),
    ];
  },
};

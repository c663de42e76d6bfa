/** `kubectl get ingressclasses`: NAME CONTROLLER PARAMETERS AGE (printIngressClass in pkg/printers/internalversion/printers.go). */
import type { KubeObject } from '../../../api/meta.ts';
import type { IngressClass } from '../../../api/networking.ts';
import { translateTimestampSince } from '../age.ts';
import { AGE_COLUMN, NAME_COLUMN, column, type Cell, type KindTable, type RowContext } from './table.ts';

function parameters(ic: IngressClass): string {
  const p = ic.spec.parameters as { kind?: string; apiGroup?: string; name?: string } | undefined;
  if (!p) return '<none>';
  const kind = p.apiGroup !== undefined ? `${p.kind ?? ''}.${p.apiGroup}` : (p.kind ?? '');
  return `${kind}/${p.name ?? ''}`;
}

export const ingressClassTable: KindTable = {
  columns: [NAME_COLUMN, column('Controller'), column('Parameters'), AGE_COLUMN],
  row(object: KubeObject, ctx: RowContext): Cell[] {
    const ic = object as IngressClass;
    return [ic.metadata.name ?? '', ic.spec.controller ?? '', parameters(ic), translateTimestampSince(ic.metadata.creationTimestamp, ctx.now)];
  },
};

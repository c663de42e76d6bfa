/**
 * A server-side table, as the API server builds it for `kubectl get` (metav1.Table): column
 * definitions and, per object, the cells of its row. Columns of priority 1 are the `-o wide`
 * ones; the `name`-format column gets the `kind/` prefix when several kinds are printed.
 * The row functions port pkg/printers/internalversion/printers.go (1.31); the API server calls
 * them with GenerateOptions{Wide: true} (pkg/printers/storage/storage.go), so rows always carry
 * the wide cells and the client drops the columns it does not show.
 */
import type { KubeObject } from '../../../api/meta.ts';

export interface TableColumn {
  /** As in the column definition; kubectl upper-cases it for the header. */
  name: string;
  priority: 0 | 1;
  format?: 'name';
}

/** A cell value: strings, integers and booleans, printed with Go's %v; null prints nothing. */
export type Cell = string | number | boolean | null;

export interface RowContext {
  /** Virtual-clock milliseconds, for ages. */
  now: number;
}

/** The table conversion of one kind. */
export interface KindTable {
  columns: TableColumn[];
  row(object: KubeObject, ctx: RowContext): Cell[];
}

/** A column definition; `wide` marks priority-1 columns. */
export function column(name: string, options: { wide?: boolean; format?: 'name' } = {}): TableColumn {
  return { name, priority: options.wide ? 1 : 0, ...(options.format ? { format: options.format } : {}) };
}

/** The Name column every kind starts with. */
export const NAME_COLUMN = column('Name', { format: 'name' });
export const AGE_COLUMN = column('Age');

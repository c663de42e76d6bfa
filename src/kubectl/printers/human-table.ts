/**
 * The human-readable output of `kubectl get` (no -o, or -o wide): one table per run of objects
 * of the same resource, as kubectl's get.Run loop prints the server-side tables
 * (k8s.io/kubectl/pkg/cmd/get/get.go; k8s.io/cli-runtime/pkg/printers/tableprinter.go):
 * - header names upper-cased; priority-1 columns only with -o wide;
 * - NAMESPACE first with --all-namespaces (namespaced kinds only), `-L` label columns and
 *   LABELS (--show-labels) last;
 * - `kind/name` names when several kinds are printed (`kubectl get all`) or with --show-kind;
 * - --sort-by orders the rows of each table (see sort-by.ts for kubectl's failure modes);
 * - no header for a table without rows; a blank line between tables, unless --no-headers;
 * - string cells cut at their first line break, with `...`;
 * - columns aligned by a tabwriter (minwidth 6, padding 3) flushed per table.
 */
import type { ResourceInfo } from '../../apiserver/types.ts';
import type { KubeObject } from '../../api/meta.ts';
import { formatLabels } from './label-format.ts';
import { resourceName } from './name-printer.ts';
import { checkSortFieldOnTables, sortTableRows } from './sort-by.ts';
import { tableFor } from './table/registry.ts';
import type { Cell, TableColumn } from './table/table.ts';
import { KUBECTL_GET_TABWRITER, alignColumns } from './tabwriter.ts';

export interface HumanTableOptions {
  wide: boolean;
  noHeaders: boolean;
  showLabels: boolean;
  labelColumns: string[];
  allNamespaces: boolean;
  showKind: boolean;
  sortBy?: string;
  now: number;
}

interface Group {
  resource: ResourceInfo;
  objects: KubeObject[];
}

interface Row {
  cells: Cell[];
  object: KubeObject;
}

/** Consecutive objects of one resource form one table, as one server response does. */
function groupByResource(items: { resource: ResourceInfo; object: KubeObject }[]): Group[] {
  const groups: Group[] = [];
  for (const item of items) {
    const last = groups[groups.length - 1];
    if (last && last.resource.group === item.resource.group && last.resource.resource === item.resource.resource) {
      last.objects.push(item.object);
    } else {
      groups.push({ resource: item.resource, objects: [item.object] });
    }
  }
  return groups;
}

/** multipleGVKsRequested: objects of more than one group/version/kind. */
function multipleKinds(items: { resource: ResourceInfo }[]): boolean {
  const kinds = new Set(items.map((i) => `${i.resource.group}/${i.resource.version}/${i.resource.kind}`));
  return kinds.size > 1;
}

/** formatLabelHeaders: the last path segment of the label key, upper-cased. */
function labelHeader(key: string): string {
  const parts = key.split('/');
  return parts[parts.length - 1].toUpperCase();
}

/** A cell as printTable writes it: %v, strings cut at the first line break. */
function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell !== 'string') return String(cell);
  const cut = cell.search(/[\f\n\r]/);
  return cut >= 0 ? `${cell.slice(0, cut)}...` : cell;
}

function renderGroup(group: Group, options: HumanTableOptions, withKind: boolean): string {
  const table = tableFor(group.resource.group, group.resource.kind);
  let rows: Row[] = group.objects.map((object) => ({ cells: table.row(object, { now: options.now }), object }));
  if (options.sortBy) {
    const sorted = sortTableRows(rows, (row) => row.object, options.sortBy);
    if (sorted === undefined) return '';
    rows = sorted;
  }
  if (rows.length === 0 && !options.noHeaders) return '';

  const withNamespace = options.allNamespaces && group.resource.namespaced;
  const nameColumn = withKind ? table.columns.findIndex((c) => c.format === 'name') : -1;
  const visible = (c: TableColumn): boolean => options.wide || c.priority === 0;

  const headers: string[] = [];
  if (withNamespace) headers.push('NAMESPACE');
  headers.push(...table.columns.filter(visible).map((c) => c.name.toUpperCase()));
  headers.push(...options.labelColumns.map(labelHeader));
  if (options.showLabels) headers.push('LABELS');

  const lines: string[] = [];
  if (!options.noHeaders) lines.push(headers.join('\t'));
  for (const row of rows) {
    const cells: string[] = [];
    if (withNamespace) cells.push(row.object.metadata.namespace ?? '');
    table.columns.forEach((column, i) => {
      if (!visible(column)) return;
      const text = cellText(row.cells[i] ?? null);
      cells.push(i === nameColumn ? resourceName(group.resource.kind, group.resource.group, text) : text);
    });
    const labels = row.object.metadata.labels ?? {};
    for (const key of options.labelColumns) cells.push(labels[key] ?? '');
    if (options.showLabels) cells.push(formatLabels(labels));
    lines.push(cells.join('\t'));
  }
  return alignColumns(lines.map((line) => `${line}\n`).join(''), KUBECTL_GET_TABWRITER);
}

/** The tables of `kubectl get` for these objects, in order. */
export function printHumanTables(items: { resource: ResourceInfo; object: KubeObject }[], options: HumanTableOptions): string {
  const withKind = options.showKind || multipleKinds(items);
  const groups = groupByResource(items);
  if (options.sortBy && groups.length > 1) checkSortFieldOnTables(options.sortBy);
  let out = '';
  let first = true;
  for (const group of groups) {
    const text = renderGroup(group, options, withKind);
    // a blank line separates a table from output written before it (get.go separatorWriterWrapper)
    if (!first && !options.noHeaders && out.length > 0 && text.length > 0) out += '\n';
    out += text;
    first = false;
  }
  return out;
}

/**
 * The describer kubectl falls back to for kinds without their own (genericDescriber,
 * printUnstructuredContent and smartLabelFor in k8s.io/kubectl/pkg/describe/describe.go):
 * name, namespace, labels, annotations, then every other field of the object sorted by key,
 * nested maps indented a level, field names turned into labels (`involvedObject` ->
 * `Involved Object`), scalars printed with Go's %v, and the object's events.
 */
import type { KubeObject } from '../../api/meta.ts';
import type { ApiServer } from '../../apiserver/types.ts';
import { formatGoValue } from '../printers/go-format.ts';
import { compareStrings } from '../printers/label-format.ts';
import { DEFAULT_DESCRIBER_SETTINGS, type DescriberSettings, describeEvents, searchEvents, targetOf } from './events.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './multiline.ts';
import { LEVEL_0, type PrefixWriter, tabbedString } from './prefix-writer.ts';

const SKIPPED_FIELDS = ['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations'];
const COMMON_ACRONYMS = ['API', 'URL', 'UID', 'OSB', 'GUID'];

function charClass(ch: string): number {
  if (/\p{Ll}/u.test(ch)) return 1;
  if (/\p{Lu}/u.test(ch)) return 2;
  if (/\p{Nd}/u.test(ch)) return 3;
  return 4;
}

/** github.com/fatih/camelcase Split: runs of one character class, an upper-case letter moved onto a following lower-case run. */
export function camelcaseSplit(text: string): string[] {
  const runs: string[][] = [];
  let last = 0;
  for (const ch of text) {
    const cls = charClass(ch);
    if (cls === last && runs.length > 0) runs[runs.length - 1].push(ch);
    else runs.push([ch]);
    last = cls;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    if (charClass(runs[i][0]) === 2 && charClass(runs[i + 1][0]) === 1) {
      runs[i + 1].unshift(runs[i].pop()!);
    }
  }
  return runs.filter((run) => run.length > 0).map((run) => run.join(''));
}

/** smartLabelFor: `podIP` -> `Pod IP`, `apiVersion` -> `API Version`; fields with characters other than letters and `-` stay as they are. */
export function smartLabelFor(field: string): string {
  if ([...field].some((ch) => !/\p{L}/u.test(ch) && ch !== '-')) return field;
  return camelcaseSplit(field)
    .filter((part) => part !== '_')
    // strings.Title upper-cases the first letter of each word and leaves the rest alone
    .map((part) => (COMMON_ACRONYMS.includes(part.toUpperCase()) ? part.toUpperCase() : part.charAt(0).toUpperCase() + part.slice(1)))
    .join(' ');
}

function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function printUnstructuredContent(w: PrefixWriter, level: number, content: Record<string, unknown>, skipPrefix: string): void {
  // sort.Strings: byte order
  for (const field of Object.keys(content).sort(compareStrings)) {
    const value = content[field];
    const path = `${skipPrefix}.${field}`;
    if (SKIPPED_FIELDS.includes(path)) continue;
    if (isMap(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      printUnstructuredContent(w, level + 1, value, path);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of value) {
        if (isMap(child)) printUnstructuredContent(w, level + 1, child, path);
        else w.write(level + 1, `${formatGoValue(child)}\n`);
      }
    } else {
      w.write(level, `${smartLabelFor(field)}:\t${formatGoValue(value)}\n`);
    }
  }
}

export function describeGeneric(object: KubeObject, api: ApiServer, now: number, settings: DescriberSettings = DEFAULT_DESCRIBER_SETTINGS): string {
  const events = searchEvents(api, targetOf(object), settings);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${object.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${object.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', object.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', object.metadata.annotations);
    printUnstructuredContent(w, LEVEL_0, object as unknown as Record<string, unknown>, '');
    describeEvents(events, w, now);
  });
}

/**
 * The file `kubectl edit` hands its editor, and the queued field changes made
 * to it. Its shape follows kubectl/pkg/cmd/util/editor/editoptions.go:
 * - YAML (the default) starts with a comment block ("# Please edit the object
 *   below. ..."), after a failed save also the reasons; JSON (`-o json`) has none;
 * - one object, or a `kind: List` (apiVersion v1) holding every object when
 *   several were named;
 * - CRLF line ends with `--windows-line-endings`.
 * The leading comment block is kept byte for byte, and a file no change
 * applies to is returned unchanged, so kubectl says "Edit cancelled, no
 * changes made." as it would for a person who saved without editing.
 * The i-th change goes to the i-th object, as the memory backend's kubectl does.
 */
import { isMap, parseDocument, type Document, type YAMLMap } from 'yaml';
import type { FieldEdit } from '../../../backend/backend.ts';
import { mergePatchFor } from '../../../dsl/field-edit.ts';

export class EditorFileError extends Error {}

export interface EditorFile {
  /** How many objects the file holds (the items of a List, else 1). */
  readonly itemCount: number;
  /** The file's text with `edits[i]` made to object i; the original text when there are none. */
  withEdits(edits: readonly FieldEdit[]): string;
}

/** The dotted path of a change; the same syntax the memory backend accepts (throws FieldPathError). */
function pathParts(edit: FieldEdit): string[] {
  mergePatchFor(edit);
  return edit.path.split('.');
}

/** Splits off the leading lines that start with '#' (kubectl's header). */
function splitHeader(text: string): { header: string; body: string } {
  const lines = text.split('\n');
  let n = 0;
  while (n < lines.length - 1 && lines[n].startsWith('#')) n++;
  const header = lines.slice(0, n).map((l) => `${l}\n`).join('');
  return { header, body: text.slice(header.length) };
}

function jsonFile(body: string): { count: number; edit: (edits: readonly FieldEdit[]) => string } {
  let root: unknown;
  try {
    root = JSON.parse(body);
  } catch (error) {
    throw new EditorFileError(`the file to edit is not JSON: ${(error as Error).message}`);
  }
  const asObject = (v: unknown): Record<string, unknown> | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);
  const top = asObject(root);
  if (!top) throw new EditorFileError('the file to edit does not hold an object');
  const items = top.kind === 'List' && Array.isArray(top.items) ? (top.items as unknown[]).map(asObject) : [top];
  // kubectl's JSON printer indents by 4; keep whatever the file uses.
  const indent = /\n( +)"/.exec(body)?.[1].length ?? 4;
  return {
    count: items.length,
    edit(edits) {
      edits.forEach((edit, i) => {
        const target = items[i];
        if (!target) return;
        const parts = pathParts(edit);
        let at = target;
        for (const part of parts.slice(0, -1)) {
          // A merge patch replaces whatever is on the way by an object: so does this editor.
          at = asObject(at[part]) ?? (at[part] = {});
        }
        const last = parts[parts.length - 1];
        if (edit.value === null) delete at[last];
        else at[last] = edit.value;
      });
      return `${JSON.stringify(root, null, indent)}${body.endsWith('\n') ? '\n' : ''}`;
    },
  };
}

function setIn(doc: Document, map: YAMLMap, parts: string[], value: unknown): void {
  let at = map;
  for (const part of parts.slice(0, -1)) {
    const next = at.get(part, true);
    if (isMap(next)) at = next;
    else {
      const created = doc.createNode({}) as YAMLMap;
      at.set(part, created);
      at = created;
    }
  }
  const last = parts[parts.length - 1];
  if (value === null) at.delete(last);
  else at.set(last, doc.createNode(value));
}

function yamlFile(body: string): { count: number; edit: (edits: readonly FieldEdit[]) => string } {
  // YAML 1.1, as kubectl reads the saved file (sigs.k8s.io/yaml): a text such as "yes" is written quoted.
  const doc = parseDocument(body, { version: '1.1' });
  if (doc.errors.length > 0) throw new EditorFileError(`the file to edit is not YAML: ${doc.errors[0].message.split('\n')[0]}`);
  const root = doc.contents;
  if (!isMap(root)) throw new EditorFileError('the file to edit does not hold an object');
  const listItems = (root.get('kind') as unknown) === 'List' ? root.get('items', true) : undefined;
  const items: unknown[] = listItems && typeof listItems === 'object' && 'items' in listItems ? (listItems.items as unknown[]) : [root];
  return {
    count: items.length,
    edit(edits) {
      edits.forEach((edit, i) => {
        const target = items[i];
        if (isMap(target)) setIn(doc, target, pathParts(edit), edit.value);
      });
      // Lists as kubectl prints them (not indented under their key), no folding of long lines.
      return doc.toString({ indentSeq: false, lineWidth: 0 });
    },
  };
}

/** Reads the file kubectl wrote for its editor. */
export function openEditorFile(text: string): EditorFile {
  const crlf = text.includes('\r\n');
  const unix = crlf ? text.replace(/\r\n/g, '\n') : text;
  const { header, body } = splitHeader(unix);
  if (body.trim() === '') throw new EditorFileError('the file to edit holds no object');
  const file = body.trimStart().startsWith('{') ? jsonFile(body) : yamlFile(body);
  return {
    itemCount: file.count,
    withEdits(edits) {
      if (edits.length === 0) return text;
      const edited = header + file.edit(edits);
      return crlf ? edited.replace(/\n/g, '\r\n') : edited;
    },
  };
}

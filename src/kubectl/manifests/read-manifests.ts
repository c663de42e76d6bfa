/**
 * `-f FILE|DIR|-` and `-R`: the objects of manifest files, as cli-runtime's
 * builder visits them (pkg/resource/visitor.go: ExpandPathsToFileVisitors,
 * StreamVisitor; FileExtensions [.json .yaml .yml]). Multi-document YAML and
 * `kind: List` give several objects; a document that fails leaves the others
 * (ContinueOnError), its error is collected with kubectl's text.
 */
import { parseDocument } from 'yaml';
import type { KubeObject } from '../../api/meta.ts';
import type { FileSystem } from '../../shell/types.ts';
import { KubectlError } from '../errors.ts';
import { goYamlMessage } from './yaml-error.ts';

export interface ManifestObject {
  /** The file name as kubectl reports it (`./x.yaml`, `dir/x.yaml`, `STDIN`). */
  source: string;
  object: KubeObject;
}

export interface ManifestRead {
  objects: ManifestObject[];
  /** Errors of single files or documents; the objects read before them are still there. */
  errors: Error[];
}

const EXTENSIONS = ['.json', '.yaml', '.yml'];

export interface ManifestInput {
  fs: FileSystem;
  cwd: string;
  stdin: string;
}

function validationError(source: string, problem: string): KubectlError {
  return new KubectlError(`error validating "${source}": error validating data: ${problem}; if you choose to ignore these errors, turn validation off with --validate=false`);
}

/**
 * apimachinery's YAML reader: a line starting with `---` followed by nothing
 * or a comment ends a document; each document is converted on its own, so
 * error line numbers count from the document's first line.
 */
export function splitYamlDocuments(text: string): string[] {
  const docs: string[] = [];
  let current: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('---')) {
      const rest = line.slice(3).trim();
      if (rest === '' || rest.startsWith('#')) {
        docs.push(current.join('\n'));
        current = [];
        continue;
      }
    }
    current.push(line);
  }
  docs.push(current.join('\n'));
  return docs;
}

/** Decodes one stream; appends objects and errors. */
function decodeStream(source: string, text: string, read: ManifestRead): void {
  for (const chunk of splitYamlDocuments(text)) {
    const doc = parseDocument(chunk, { version: '1.1', uniqueKeys: false, prettyErrors: false });
    if (doc.errors.length > 0) {
      read.errors.push(new KubectlError(`error parsing ${source}: error converting YAML to JSON: ${goYamlMessage(chunk, doc.errors[0])}`));
      return; // the decoder cannot go past a syntax error
    }
    const value: unknown = doc.toJS({ maxAliasCount: 100 });
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || Array.isArray(value)) {
      read.errors.push(validationError(source, 'invalid object to validate'));
      continue;
    }
    const obj = value as Record<string, unknown>;
    const missing = [obj.apiVersion ? '' : 'apiVersion not set', obj.kind ? '' : 'kind not set'].filter((m) => m !== '');
    if (missing.length > 0) {
      read.errors.push(validationError(source, missing.length === 1 ? missing[0] : `[${missing.join(', ')}]`));
      continue;
    }
    if (obj.kind === 'List' || (typeof obj.kind === 'string' && obj.kind.endsWith('List') && Array.isArray(obj.items))) {
      for (const item of (obj.items as KubeObject[] | undefined) ?? []) read.objects.push({ source, object: withMetadata(item) });
      continue;
    }
    read.objects.push({ source, object: withMetadata(obj as KubeObject) });
  }
}

function withMetadata(obj: KubeObject): KubeObject {
  return obj.metadata && typeof obj.metadata === 'object' ? obj : { ...obj, metadata: {} };
}

/** The files under a directory with a manifest extension, in lexical order, descending when recursive. */
function filesUnder(fs: FileSystem, dir: string, shown: string, recursive: boolean): { path: string; shown: string }[] {
  const out: { path: string; shown: string }[] = [];
  for (const name of fs.list(dir) ?? []) {
    const path = `${dir.replace(/\/$/, '')}/${name}`;
    const display = `${shown.replace(/\/$/, '')}/${name}`;
    if (fs.isDirectory(path)) {
      if (recursive) out.push(...filesUnder(fs, path, display, true));
    } else if (EXTENSIONS.some((ext) => name.endsWith(ext))) {
      out.push({ path, shown: display });
    }
  }
  return out;
}

/**
 * Reads every `-f` argument. A path that does not exist, or a directory with
 * no manifest, is a fatal error (the builder fails before visiting anything).
 */
export function readManifests(input: ManifestInput, filenames: string[], recursive: boolean): ManifestRead {
  const read: ManifestRead = { objects: [], errors: [] };
  const streams: { source: string; text: string }[] = [];
  for (const name of filenames) {
    if (name === '-') {
      streams.push({ source: 'STDIN', text: input.stdin });
      continue;
    }
    if (/^https?:\/\//.test(name)) throw new KubectlError(`unable to read URL "${name}", server reported 404 Not Found, status code=404`);
    const path = input.fs.resolve(input.cwd, name);
    if (!input.fs.exists(path)) throw new KubectlError(`the path "${name}" does not exist`);
    if (input.fs.isDirectory(path)) {
      const files = filesUnder(input.fs, path, name, recursive);
      if (files.length === 0) throw new KubectlError(`error reading [${name}]: recognized file extensions are [${EXTENSIONS.join(' ')}]`);
      for (const f of files) streams.push({ source: f.shown, text: input.fs.readFile(f.path) ?? '' });
      continue;
    }
    streams.push({ source: name, text: input.fs.readFile(path) ?? '' });
  }
  for (const s of streams) decodeStream(s.source, s.text, read);
  return read;
}

/**
 * Turns resource arguments, selectors and `-f` files into the objects a
 * command acts on, as cli-runtime's builder does with ContinueOnError: every
 * object found is returned, every failure (NotFound ...) is collected in order.
 */
import type { KubeObject } from '../api/meta.ts';
import type { ApiServer, ObjectKey, ResourceInfo } from '../apiserver/types.ts';
import type { Invocation } from './command.ts';
import { KubectlError } from './errors.ts';
import { readManifests } from './manifests/read-manifests.ts';
import { resourceForObject } from './manifests/resource-for-object.ts';
import { NO_RESOURCES_MESSAGE, parseResourceArgs } from './resource-args.ts';
import type { PrintItem } from './print-result.ts';

export interface SelectOptions {
  namespace: string;
  /** `-n` given: objects in files must be in that namespace. */
  enforceNamespace: boolean;
  allNamespaces: boolean;
  labelSelector: string;
  fieldSelector: string;
  /** `--all`. */
  selectAll: boolean;
  /** `get TYPE` lists without a selector; delete/label need a name, a selector or --all. */
  allowEmptySelector: boolean;
  filenames: string[];
  recursive: boolean;
}

export interface Selection {
  items: PrintItem[];
  errors: Error[];
  /** How many resource types were asked for (kubectl shows kinds when several). */
  typeCount: number;
  /** builder's singleItemImplied: one object named, not a list. */
  singleItemImplied: boolean;
  /** The types listed (for `No resources found`). */
  types: ResourceInfo[];
}

/** The key of a named object of `resource` in `namespace`. */
export function keyFor(resource: ResourceInfo, namespace: string, name: string): ObjectKey {
  return resource.namespaced ? { kind: resource.kind, namespace, name } : { kind: resource.kind, name };
}

function fetch(api: ApiServer, resource: ResourceInfo, namespace: string, name: string, sel: Selection): void {
  try {
    sel.items.push({ resource, object: api.get<KubeObject>(keyFor(resource, namespace, name)) });
  } catch (e) {
    sel.errors.push(e as Error);
  }
}

/** The builder's rule for objects read from files under `-n`. */
export function checkFileNamespace(obj: KubeObject, options: { namespace: string; enforceNamespace: boolean }): void {
  const ns = obj.metadata.namespace;
  if (options.enforceNamespace && ns && ns !== options.namespace) {
    throw new KubectlError(
      `the namespace from the provided object "${ns}" does not match the namespace "${options.namespace}". You must pass '--namespace=${ns}' to perform this operation.`,
    );
  }
}

/** The selection of commands that act on `TYPE NAME...`, `TYPE/NAME` or `-f FILE` only (no -l, no --all): expose, patch, edit, scale ... */
export function byNameOrFile(inv: Invocation, namespace: string, enforceNamespace: boolean): SelectOptions {
  return {
    namespace,
    enforceNamespace,
    allNamespaces: false,
    labelSelector: '',
    fieldSelector: '',
    selectAll: false,
    allowEmptySelector: false,
    filenames: inv.flags.list('filename'),
    recursive: inv.flags.bool('recursive'),
  };
}

export function selectObjects(inv: Invocation, args: string[], options: SelectOptions): Selection {
  const api = inv.host.api;
  const sel: Selection = { items: [], errors: [], typeCount: 0, singleItemImplied: false, types: [] };
  if (options.filenames.length > 0) {
    const read = readManifests({ fs: inv.ctx.fs, cwd: inv.ctx.cwd, stdin: inv.ctx.stdin }, options.filenames, options.recursive);
    sel.errors.push(...read.errors);
    const kinds = new Set<string>();
    for (const { source, object } of read.objects) {
      try {
        const resource = resourceForObject(api, object, source);
        checkFileNamespace(object, options);
        kinds.add(resource.kind);
        fetch(api, resource, object.metadata.namespace ?? options.namespace, object.metadata.name ?? '', sel);
      } catch (e) {
        sel.errors.push(e as Error);
      }
    }
    sel.typeCount = kinds.size;
    sel.singleItemImplied = read.objects.length === 1;
    return sel;
  }
  const parsed = parseResourceArgs(api, args);
  const hasSelector = options.labelSelector !== '' || options.fieldSelector !== '';
  if (parsed.tuples.length > 0) {
    if (hasSelector) throw new KubectlError('name cannot be provided when a selector is specified');
    if (options.allNamespaces) throw new KubectlError('a resource cannot be retrieved by name across all namespaces');
    sel.typeCount = new Set(parsed.tuples.map((t) => `${t.resource.group}/${t.resource.kind}`)).size;
    sel.singleItemImplied = parsed.tuples.length === 1;
    for (const t of parsed.tuples) fetch(api, t.resource, options.namespace, t.name, sel);
    return sel;
  }
  if (parsed.types.length === 0) throw new KubectlError(NO_RESOURCES_MESSAGE);
  sel.typeCount = parsed.types.length;
  sel.types = parsed.types;
  if (parsed.names.length > 0) {
    if (hasSelector) throw new KubectlError('name cannot be provided when a selector is specified');
    if (options.allNamespaces) throw new KubectlError('a resource cannot be retrieved by name across all namespaces');
    sel.singleItemImplied = parsed.types.length === 1 && parsed.names.length === 1;
    for (const resource of parsed.types) for (const name of parsed.names) fetch(api, resource, options.namespace, name, sel);
    return sel;
  }
  if (!hasSelector && !options.selectAll && !options.allowEmptySelector) {
    throw new KubectlError('resource(s) were provided, but no name was specified');
  }
  for (const resource of parsed.types) {
    try {
      const objects = api.list<KubeObject>(resource.kind, {
        namespace: resource.namespaced && !options.allNamespaces ? options.namespace : undefined,
        labelSelector: options.labelSelector || undefined,
        fieldSelector: options.fieldSelector || undefined,
      });
      for (const object of objects) sel.items.push({ resource, object });
    } catch (e) {
      sel.errors.push(e as Error);
    }
  }
  return sel;
}

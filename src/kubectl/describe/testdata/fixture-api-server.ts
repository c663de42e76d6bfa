/**
 * Test fixture: a read-only ApiServer over a fixed set of objects, enough for the describers
 * (get, tryGet, list by namespace and label selector). Kinds outside `served` throw, as the
 * memory cluster's API server does for kinds it does not serve.
 */
import type { KubeObject } from '../../../api/meta.ts';
import { ApiError, type ApiServer, type ListOptions, type ObjectKey, type ResourceInfo } from '../../../apiserver/types.ts';
import { matchesSelector } from '../../label-selector.ts';

function notServed(kind: string): ApiError {
  return new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `the server doesn't have a resource type "${kind}"`, reason: 'NotFound', code: 404 });
}

export function fixtureApiServer(objects: KubeObject[], served: ResourceInfo[]): ApiServer {
  const servedKind = (kind: string) => {
    const info = served.find((r) => r.kind === kind);
    if (!info) throw notServed(kind);
    return info;
  };
  const copy = <T>(o: KubeObject): T => structuredClone(o) as T;
  const key = (o: KubeObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
  const unsupported = (): never => {
    throw new Error('the describe fixture API server is read-only');
  };
  const api: ApiServer = {
    resources: () => served,
    resolveResource: (typed) => served.find((r) => r.resource === typed || r.singular === typed || r.kind === typed || r.shortNames.includes(typed)),
    get<T extends KubeObject>(k: ObjectKey): T {
      const found = api.tryGet<T>(k);
      if (!found) throw new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `${servedKind(k.kind).resource} "${k.name}" not found`, reason: 'NotFound', code: 404 });
      return found;
    },
    tryGet<T extends KubeObject>(k: ObjectKey): T | undefined {
      const info = servedKind(k.kind);
      const found = objects.find((o) => o.kind === k.kind && o.metadata.name === k.name && (!info.namespaced || o.metadata.namespace === k.namespace));
      return found ? copy<T>(found) : undefined;
    },
    resourceFor(apiVersion: string, kind: string): ResourceInfo | undefined {
      const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
      return this.resources().find((r) => r.kind === kind && r.group === group && r.version === version);
    },
    listShared<T extends KubeObject>(kind: string, options: ListOptions = {}): readonly T[] {
      return this.list<T>(kind, options);
    },
    list<T extends KubeObject>(kind: string, options: ListOptions = {}): T[] {
      const info = servedKind(kind);
      return objects
        .filter((o) => o.kind === kind)
        .filter((o) => !info.namespaced || options.namespace === undefined || o.metadata.namespace === options.namespace)
        .filter((o) => !options.labelSelector || matchesSelector(options.labelSelector, o.metadata.labels ?? {}))
        .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
        .map((o) => copy<T>(o));
    },
    create: unsupported,
    update: unsupported,
    updateStatus: unsupported,
    patch: unsupported,
    delete: unsupported,
    watch: () => () => {},
  };
  return api;
}

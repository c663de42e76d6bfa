/**
 * The kubelet's service variables per namespace (kubelet_pods.go getServiceEnvVarMap over its
 * service lister): computed once after the Services change and shared by every container that
 * starts meanwhile, instead of read from every Service of the cluster for each container.
 * A namespace's entry depends on its own Services and on `default/kubernetes`: a change to
 * either drops it.
 */
import type { Service } from '../../api/core.ts';
import type { ApiServer } from '../../apiserver/types.ts';
import { serviceEnvVarMap } from './envvars.ts';

export class ServiceVariablesCache {
  /** `enableServiceLinks` -> namespace -> variables */
  private readonly cache = new Map<boolean, Map<string, ReadonlyMap<string, string>>>([
    [true, new Map()],
    [false, new Map()],
  ]);

  constructor(private readonly api: ApiServer) {
    api.watch('Service', (e) => {
      const { namespace, name } = e.object.metadata;
      if (namespace === 'default' && name === 'kubernetes') {
        for (const byNamespace of this.cache.values()) byNamespace.clear();
      } else {
        // Without service links only `default/kubernetes` counts, whatever the namespace.
        this.cache.get(true)!.delete(namespace ?? '');
      }
    });
  }

  /** The variables of `namespace` (read only: the map is shared). */
  variables(namespace: string, enableServiceLinks: boolean): ReadonlyMap<string, string> {
    const byNamespace = this.cache.get(enableServiceLinks)!;
    let variables = byNamespace.get(namespace);
    if (!variables) {
      variables = serviceEnvVarMap(this.api.listShared<Service>('Service'), namespace, enableServiceLinks);
      byNamespace.set(namespace, variables);
    }
    return variables;
  }
}

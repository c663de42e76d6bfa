/**
 * The REST mapping of an object read from a file: which served resource its
 * apiVersion and kind name. An unserved pair is kubectl's mapping error
 * (cli-runtime pkg/resource/mapper.go infoForData and builder.go), e.g. an
 * extensions/v1beta1 Ingress sent to a 1.22+ cluster.
 */
import type { KubeObject } from '../../api/meta.ts';
import type { ApiServer, ResourceInfo } from '../../apiserver/types.ts';
import { KubectlError } from '../errors.ts';

export function resourceForObject(api: ApiServer, obj: KubeObject, source: string): ResourceInfo {
  const found = api.resourceFor(obj.apiVersion, obj.kind);
  if (found) return found;
  throw new KubectlError(
    `resource mapping not found for name: "${obj.metadata.name ?? ''}" namespace: "${obj.metadata.namespace ?? ''}" from "${source}": ` +
      `no matches for kind "${obj.kind}" in version "${obj.apiVersion}"\nensure CRDs are installed first`,
  );
}

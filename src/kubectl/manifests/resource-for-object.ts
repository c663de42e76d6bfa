/**
 * The REST mapping of an object read from a file: which served resource its
 * apiVersion and kind name. An unserved pair is kubectl's mapping error
 * (cli-runtime pkg/resource/mapper.go infoForData and builder.go), e.g. an
 * extensions/v1beta1 Ingress sent to a 1.22+ cluster.
 */
import type { KubeObject } from '../../api/meta.ts';
import type { ApiServer, ResourceInfo } from '../../apiserver/types.ts';
import { KubectlError } from '../errors.ts';

function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

export function resourceForObject(api: ApiServer, obj: KubeObject, source: string): ResourceInfo {
  const { group, version } = splitApiVersion(obj.apiVersion);
  const found = api.resources().find((r) => r.kind === obj.kind && r.group === group && r.version === version);
  if (found) return found;
  throw new KubectlError(
    `resource mapping not found for name: "${obj.metadata.name ?? ''}" namespace: "${obj.metadata.namespace ?? ''}" from "${source}": ` +
      `no matches for kind "${obj.kind}" in version "${obj.apiVersion}"\nensure CRDs are installed first`,
  );
}

/**
 * The ServiceAccount admission plugin (plugin/pkg/admission/serviceaccount/admission.go,
 * 1.31) for new pods: serviceAccountName defaults to `default` (also written
 * to the deprecated serviceAccount field) and, unless automounting is off,
 * the projected `kube-api-access-<5 chars>` volume is added and mounted
 * read-only at /var/run/secrets/kubernetes.io/serviceaccount in every container.
 */
import type { Pod } from '../../api/core.ts';

export const SERVICE_ACCOUNT_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
/** The token lifetime the plugin requests (serviceaccount.WarnOnlyBoundTokenExpirationSeconds). */
const TOKEN_EXPIRATION_SECONDS = 3607;

/** `generateSuffix` returns the 5 random characters of names.SimpleNameGenerator. */
export function admitServiceAccount(pod: Pod, generateSuffix: () => string): void {
  const spec = pod.spec;
  spec.serviceAccountName ||= spec.serviceAccount || 'default';
  spec.serviceAccount = spec.serviceAccountName;
  if (spec.automountServiceAccountToken === false) return;
  const containers = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
  const alreadyMounted = containers.some((c) => (c.volumeMounts ?? []).some((m) => m.mountPath === SERVICE_ACCOUNT_MOUNT_PATH));
  if (alreadyMounted) return;
  const name = `kube-api-access-${generateSuffix()}`;
  spec.volumes = [
    ...(spec.volumes ?? []),
    {
      name,
      projected: {
        sources: [
          { serviceAccountToken: { expirationSeconds: TOKEN_EXPIRATION_SECONDS, path: 'token' } },
          { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
          { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
        ],
        defaultMode: 0o644,
      },
    },
  ];
  for (const c of containers) {
    c.volumeMounts = [...(c.volumeMounts ?? []), { name, readOnly: true, mountPath: SERVICE_ACCOUNT_MOUNT_PATH }];
  }
}

/**
 * The kube-api-access volume the ServiceAccount admission plugin adds to every
 * pod (plugin/pkg/admission/serviceaccount/admission.go): a projected token,
 * the kube-root-ca.crt ConfigMap's ca.crt and the namespace, mounted read-only
 * at /var/run/secrets/kubernetes.io/serviceaccount. When the API server of
 * this cluster did not add it, the kubelet side adds the same mount so that
 * `ls` and `cat` in a pod find what a real pod has.
 */
import { createHash } from 'node:crypto';
import type { ConfigMap, Pod, Volume } from '../../api/core.ts';

export const SERVICE_ACCOUNT_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';

/** The projected volume admission writes (the name suffix is admission's; ours is derived from the pod uid). */
export function kubeApiAccessVolume(pod: Pod): Volume {
  const suffix = createHash('sha256').update(pod.metadata.uid ?? pod.metadata.name ?? '').digest('hex').slice(0, 5);
  return {
    name: `kube-api-access-${suffix}`,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
      ],
    },
  };
}

/** A version-4-looking UUID derived from `seed`. */
function uuidFrom(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function base64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}

/**
 * A bound service-account token's shape (header.payload.signature, RS256),
 * with the claims kube-apiserver puts in it; the signature is not a real one.
 */
export function serviceAccountToken(pod: Pod, issuedAtSeconds: number): string {
  const namespace = pod.metadata.namespace ?? 'default';
  const account = pod.spec.serviceAccountName || 'default';
  const header = { alg: 'RS256', kid: createHash('sha256').update('kind-sa-key').digest('base64url').slice(0, 43) };
  const payload = {
    aud: ['https://kubernetes.default.svc.cluster.local'],
    exp: issuedAtSeconds + 3607,
    iat: issuedAtSeconds,
    iss: 'https://kubernetes.default.svc.cluster.local',
    jti: uuidFrom(`${pod.metadata.uid}/jti/${issuedAtSeconds}`),
    'kubernetes.io': {
      namespace,
      node: { name: pod.spec.nodeName ?? '', uid: uuidFrom(`node/${pod.spec.nodeName}`) },
      pod: { name: pod.metadata.name ?? '', uid: pod.metadata.uid ?? '' },
      serviceaccount: { name: account, uid: uuidFrom(`sa/${namespace}/${account}`) },
    },
    nbf: issuedAtSeconds,
    sub: `system:serviceaccount:${namespace}:${account}`,
  };
  // An RSA-2048 signature is 256 bytes: 342 base64url characters.
  const signature = Buffer.concat([0, 1, 2, 3].map((i) => createHash('sha512').update(`${i}/${JSON.stringify(payload)}`).digest())).subarray(0, 256).toString('base64url');
  return `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}.${signature}`;
}

/**
 * kube-controller-manager's root-ca-cert-publisher puts the cluster CA into a
 * `kube-root-ca.crt` ConfigMap in every namespace. When this cluster has no
 * such ConfigMap (no publisher), the kubelet mounts this stand-in instead of
 * leaving every pod stuck on FailedMount.
 */
export function fallbackRootCA(namespace: string): ConfigMap {
  const body = createHash('sha512').update('kind-cluster-ca').digest('base64').repeat(14).match(/.{1,64}/g) ?? [];
  const pem = `-----BEGIN CERTIFICATE-----\n${body.join('\n')}\n-----END CERTIFICATE-----\n`;
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kube-root-ca.crt', namespace }, data: { 'ca.crt': pem } };
}

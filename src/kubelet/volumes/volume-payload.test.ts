import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { ConfigMap, Pod, Secret, Volume } from '../../api/core.ts';
import { volumePayload, type VolumeSources } from './volume-payload.ts';
import { kubeApiAccessVolume, serviceAccountToken } from './service-account-token.ts';

const pod: Pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default', uid: 'u-1', labels: { app: 'web', tier: 'fe' } }, spec: { containers: [], nodeName: 'kind-worker' } };
const configMap: ConfigMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'nginxconfigmap', namespace: 'default' }, data: { 'default.conf': 'server {}\n', other: 'x' } };
const secret: Secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'nginxsecret', namespace: 'default' }, data: { 'tls.crt': Buffer.from('CERT').toString('base64'), 'tls.key': Buffer.from('KEY').toString('base64') } };
const sources: VolumeSources = {
  configMap: (ns, name) => (ns === 'default' && name === configMap.metadata.name ? configMap : name === 'kube-root-ca.crt' ? { ...configMap, data: { 'ca.crt': 'CA' } } : undefined),
  secret: (ns, name) => (ns === 'default' && name === secret.metadata.name ? secret : undefined),
  serviceAccountToken: () => 'TOKEN',
  podIP: '10.244.1.2',
  hostIP: '172.18.0.3',
};

describe('volumePayload (pkg/volume/secret, configmap, downwardapi, projected)', () => {
  const table: [string, Volume, ReturnType<typeof volumePayload>][] = [
    ['every Secret key, decoded', { name: 'v', secret: { secretName: 'nginxsecret' } }, { ok: true, files: { 'tls.crt': 'CERT', 'tls.key': 'KEY' } }],
    ['ConfigMap items at their paths', { name: 'v', configMap: { name: 'nginxconfigmap', items: [{ key: 'default.conf', path: 'conf/site.conf' }] } }, { ok: true, files: { 'conf/site.conf': 'server {}\n' } }],
    ['missing Secret', { name: 'v', secret: { secretName: 'nope' } }, { ok: false, error: 'secret "nope" not found' }],
    ['missing optional ConfigMap', { name: 'v', configMap: { name: 'nope', optional: true } }, { ok: true, files: {} }],
    ['missing key', { name: 'v', configMap: { name: 'nginxconfigmap', items: [{ key: 'nope', path: 'x' }] } }, { ok: false, error: 'configmap references non-existent config key: nope' }],
    ['missing secret key', { name: 'v', secret: { secretName: 'nginxsecret', items: [{ key: 'ca.crt', path: 'ca.crt' }] } }, { ok: false, error: 'secret references non-existent secret key: ca.crt' }],
    [
      'downward API labels (sorted key="value" lines) and name',
      { name: 'v', downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }, { path: 'name', fieldRef: { fieldPath: 'metadata.name' } }] } },
      { ok: true, files: { labels: 'app="web"\ntier="fe"', name: 'p' } },
    ],
    ['kube-api-access: token, ca.crt, namespace', kubeApiAccessVolume(pod), { ok: true, files: { token: 'TOKEN', 'ca.crt': 'CA', namespace: 'default' } }],
    ['emptyDir holds no cluster data', { name: 'v', emptyDir: {} }, undefined],
  ];
  for (const [title, volume, expected] of table) {
    it(title, () => {
      expect(volumePayload(pod, volume, sources)).to.deep.equal(expected);
    });
  }

  it('writes a JWT-shaped token whose subject is the pod\'s service account', () => {
    const token = serviceAccountToken({ ...pod, spec: { ...pod.spec, serviceAccountName: 'default' } }, 1_767_225_600);
    const [header, payload, signature] = token.split('.');
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).to.include({ alg: 'RS256' });
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).to.include({ sub: 'system:serviceaccount:default:default', iat: 1_767_225_600, exp: 1_767_229_207 });
    expect(signature.length).to.equal(342);
  });
});

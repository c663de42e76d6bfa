/** Kubeconfig files for the reference cluster's users, with certificates embedded. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';

/** The context every kubeconfig of the reference cluster names (what --allow-context must name). */
export const REFERENCE_CONTEXT = 'kube-scenarios-reference';

/** Writes a kubeconfig for the client certificate `user`.crt/.key of the pki dir. */
export function writeKubeconfig(path: string, pkiDir: string, user: string, server: string): void {
  const b64 = (file: string) => readFileSync(join(pkiDir, file)).toString('base64');
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: REFERENCE_CONTEXT, cluster: { server, 'certificate-authority-data': b64('ca.crt') } }],
    users: [{ name: `${REFERENCE_CONTEXT}-${user}`, user: { 'client-certificate-data': b64(`${user}.crt`), 'client-key-data': b64(`${user}.key`) } }],
    contexts: [{ name: REFERENCE_CONTEXT, context: { cluster: REFERENCE_CONTEXT, user: `${REFERENCE_CONTEXT}-${user}` } }],
    'current-context': REFERENCE_CONTEXT,
    preferences: {},
  };
  writeFileSync(path, stringify(config), { mode: 0o600 });
}

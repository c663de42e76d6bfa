/**
 * A node's certificates and kubeconfigs, signed by the cluster CA the way
 * kubeadm's kubelet bootstrap ends up (client certificate CN system:node:NAME
 * in O system:nodes, which the Node authorizer and NodeRestriction admission
 * recognise; kube-proxy as system:kube-proxy, bound to system:node-proxier)
 * and a serving certificate for the kubelet's port 10250 naming the node's
 * address, so `kubectl exec` and `logs` reach the kubelet over TLS.
 * Everything is written under the node's state directory; the CA's own
 * directory is only read.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeKubeconfig } from '../kubeconfig-file.ts';
import { runCommand } from './run-command.ts';

export interface Certificate {
  /** File stem in the node's pki dir. */
  name: string;
  subject: string;
  extensions: string;
}

/** The certificates of node `name` at `address`. */
export function nodeCertificates(name: string, address: string): Certificate[] {
  return [
    { name: 'kubelet-client', subject: `/O=system:nodes/CN=system:node:${name}`, extensions: 'keyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth\n' },
    {
      name: 'kubelet-serving',
      subject: `/CN=${name}`,
      extensions: `keyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:${name},IP:${address}\n`,
    },
    { name: 'kube-proxy', subject: '/CN=system:kube-proxy', extensions: 'keyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth\n' },
  ];
}

async function issue(dir: string, caDir: string, cert: Certificate): Promise<void> {
  if (existsSync(join(dir, `${cert.name}.crt`))) return;
  const at = (f: string) => join(dir, f);
  await runCommand('openssl', ['genrsa', '-out', at(`${cert.name}.key`), '2048']);
  await runCommand('openssl', ['req', '-new', '-key', at(`${cert.name}.key`), '-subj', cert.subject, '-out', at(`${cert.name}.csr`)]);
  writeFileSync(at(`${cert.name}.ext`), cert.extensions);
  // A random serial instead of -CAcreateserial, which would write into the CA's directory.
  await runCommand('openssl', [
    'x509', '-req', '-in', at(`${cert.name}.csr`), '-CA', join(caDir, 'ca.crt'), '-CAkey', join(caDir, 'ca.key'),
    '-set_serial', `0x${randomBytes(12).toString('hex')}`, '-days', '365', '-sha256', '-extfile', at(`${cert.name}.ext`), '-out', at(`${cert.name}.crt`),
  ]);
}

/**
 * Issues the node's certificates (kept when present) and writes the kubelet's
 * and kube-proxy's kubeconfigs.
 */
export async function ensureNodeCredentials(o: { name: string; address: string; caDir: string; pkiDir: string; apiServer: string; kubeletKubeconfig: string; kubeProxyKubeconfig: string }): Promise<void> {
  mkdirSync(o.pkiDir, { recursive: true });
  copyFileSync(join(o.caDir, 'ca.crt'), join(o.pkiDir, 'ca.crt'));
  for (const cert of nodeCertificates(o.name, o.address)) await issue(o.pkiDir, o.caDir, cert);
  writeKubeconfig(o.kubeletKubeconfig, o.pkiDir, 'kubelet-client', o.apiServer);
  writeKubeconfig(o.kubeProxyKubeconfig, o.pkiDir, 'kube-proxy', o.apiServer);
}

/**
 * The cluster's certificates, as kubeadm lays them out (cmd/kubeadm/app/phases/certs):
 * one CA, the API server's serving certificate with the Service IP and node
 * address among its names, client certificates whose CN and O are the
 * identities RBAC knows (system:kube-controller-manager, system:kube-scheduler,
 * the admin in system:masters), and the service-account key pair.
 * Made with the openssl command: nothing here is a secret worth more than the
 * throw-away cluster it protects.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ClientIdentity {
  /** file stem under the pki dir */
  name: string;
  commonName: string;
  organization?: string;
}

/** Client identities of the control plane (kubeadm's kubeconfig phase names the same users). */
export const CONTROL_PLANE_CLIENTS: ClientIdentity[] = [
  { name: 'admin', commonName: 'kubernetes-admin', organization: 'system:masters' },
  { name: 'controller-manager', commonName: 'system:kube-controller-manager' },
  { name: 'scheduler', commonName: 'system:kube-scheduler' },
  { name: 'apiserver-kubelet-client', commonName: 'kube-apiserver-kubelet-client', organization: 'system:masters' },
];

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

function subject(id: { commonName: string; organization?: string }): string {
  return (id.organization ? `/O=${id.organization}` : '') + `/CN=${id.commonName}`;
}

/** Signs `name`.crt for `name`.key with the CA, with the given X.509 v3 extensions. */
export function signWithCa(dir: string, name: string, subj: string, extensions: string): void {
  openssl(['genrsa', '-out', `${name}.key`, '2048'], dir);
  openssl(['req', '-new', '-key', `${name}.key`, '-subj', subj, '-out', `${name}.csr`], dir);
  writeFileSync(join(dir, `${name}.ext`), extensions);
  openssl(['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '365', '-sha256', '-extfile', `${name}.ext`, '-out', `${name}.crt`], dir);
}

/** Issues a client certificate (idempotent: an existing one is kept). */
export function issueClient(dir: string, id: ClientIdentity): void {
  if (existsSync(join(dir, `${id.name}.crt`))) return;
  signWithCa(dir, id.name, subject(id), 'keyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth\n');
}

/**
 * Creates every certificate the control plane needs (idempotent).
 * @param apiServerNames extra DNS names and IPs for the serving certificate
 */
export function ensureControlPlanePki(dir: string, apiServerNames: { dns: string[]; ips: string[] }): void {
  mkdirSync(dir, { recursive: true });
  if (!existsSync(join(dir, 'ca.crt'))) {
    openssl(['genrsa', '-out', 'ca.key', '2048'], dir);
    openssl(['req', '-x509', '-new', '-key', 'ca.key', '-subj', '/CN=kubernetes', '-days', '3650', '-sha256',
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,digitalSignature,keyEncipherment,keyCertSign', '-out', 'ca.crt'], dir);
  }
  if (!existsSync(join(dir, 'apiserver.crt'))) {
    const dns = ['kubernetes', 'kubernetes.default', 'kubernetes.default.svc', 'kubernetes.default.svc.cluster.local', 'localhost', ...apiServerNames.dns];
    const san = [...dns.map((d) => `DNS:${d}`), ...['127.0.0.1', ...apiServerNames.ips].map((i) => `IP:${i}`)].join(',');
    signWithCa(dir, 'apiserver', '/CN=kube-apiserver', `keyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=${san}\n`);
  }
  for (const id of CONTROL_PLANE_CLIENTS) issueClient(dir, id);
  if (!existsSync(join(dir, 'sa.key'))) {
    openssl(['genrsa', '-out', 'sa.key', '2048'], dir);
    openssl(['rsa', '-in', 'sa.key', '-pubout', '-out', 'sa.pub'], dir);
  }
}

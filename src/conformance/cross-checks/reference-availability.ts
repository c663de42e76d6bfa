/**
 * Whether the reference cluster can be cross-checked now, and if not, why:
 * the reason a command prints and a test skips with.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Layout } from '../../../reference-cluster/layout.ts';
import { REFERENCE_KUBECTL } from './reference-side.ts';

/** Undefined when the API server answers /readyz; otherwise what is missing. */
export function referenceClusterDown(layout: Layout, kubeconfig = layout.kubeconfig): string | undefined {
  if (!existsSync(kubeconfig)) return `no kubeconfig at ${kubeconfig} (start it with: scripts/reference-cluster up)`;
  if (!existsSync(REFERENCE_KUBECTL)) return `no kubectl 1.31 client at ${REFERENCE_KUBECTL} (KUBE_SCENARIOS_KUBECTL names another)`;
  const r = spawnSync(REFERENCE_KUBECTL, ['--kubeconfig', kubeconfig, 'get', '--raw', '/readyz'], { encoding: 'utf8', timeout: 15_000 });
  if (r.status !== 0) return `the API server does not answer: ${(r.stderr || r.stdout || r.error?.message || 'no answer').trim()}`;
  const dig = spawnSync('dig', ['-v'], { encoding: 'utf8' });
  if (dig.status !== 0) return 'no dig on this machine (apt-get install bind9-dnsutils)';
  return undefined;
}

/** Undefined when kube-proxy can be run in a network namespace here; otherwise why not. */
export function kubeProxyUnavailable(layout: Layout): string | undefined {
  if (process.getuid?.() !== 0) return 'making a network namespace and running kube-proxy need root';
  if (!existsSync(join(layout.binDir, 'kube-proxy'))) return `no kube-proxy binary in ${layout.binDir}`;
  if (!existsSync(join(layout.pkiDir, 'ca.key'))) return `no reference CA key in ${layout.pkiDir}`;
  return undefined;
}

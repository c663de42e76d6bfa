/**
 * A real kube-proxy v1.31.4 (the reference cluster's build) in iptables mode,
 * in a network namespace of its own attached to the reference cluster's
 * bridge, standing in for node kind-worker: its nat table is what kube-proxy
 * on that node of a kind cluster programs for the same Services and
 * EndpointSlices. It authenticates as system:kube-proxy (bound to
 * system:node-proxier by the API server's bootstrap RBAC) with a certificate
 * signed by the reference CA, and is configured as kind configures it
 * (kind pkg/cluster/internal/kubeadm/config.go: mode iptables, clusterCIDR
 * 10.244.0.0/16, conntrack maxPerCore 0, minSyncPeriod 1s).
 *
 * The machine's FORWARD policy is DROP (dockerd) and frames bridged on ks-br0
 * traverse it (br_netfilter): one ACCEPT rule for ks-br0 to ks-br0, marked
 * with this check's own comment, is inserted for the run and removed after.
 * Stopping deletes the namespace, which takes its veth and its iptables along.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { API_SERVER_URL } from '../../../reference-cluster/control-plane/components.ts';
import { writeKubeconfig } from '../../../reference-cluster/kubeconfig-file.ts';
import type { Layout } from '../../../reference-cluster/layout.ts';
import { BRIDGE, deleteNodeNamespace, ensureNodeNamespace } from '../../../reference-cluster/network.ts';

export interface KubeProxyNamespaceOptions {
  layout: Layout;
  /** The network namespace made for the check. */
  netns: string;
  /**
   * Its address on the bridge. Not 172.18.0.9/.10, which the reference
   * cluster's stage-2 nodes (kind-worker3, kind-worker4) take.
   */
  address: string;
  /** The node whose rules kube-proxy programs (--hostname-override). */
  hostname: string;
  clusterCidr: string;
  log: (line: string) => void;
}

export const DEFAULT_KUBE_PROXY_NAMESPACE = { netns: 'ks-proxy-check', address: '172.18.0.250', hostname: 'kind-worker', clusterCidr: '10.244.0.0/16' };

const FORWARD_RULE = ['-i', BRIDGE, '-o', BRIDGE, '-m', 'comment', '--comment', 'kube-scenarios cross-check: kube-proxy reaches the API server', '-j', 'ACCEPT'];

export interface RunningKubeProxy {
  /** `iptables-save -t nat` in the namespace. */
  natTable(): string;
  /** Where kube-proxy logs. */
  logPath: string;
  /** Stops kube-proxy, deletes the namespace, the FORWARD rule and the credentials. */
  stop(): Promise<void>;
}

function run(file: string, args: string[]): { ok: boolean; stdout: string; stderr: string } {
  const r = spawnSync(file, args, { encoding: 'utf8' });
  return { ok: r.status === 0, stdout: r.stdout ?? '', stderr: r.stderr ?? r.error?.message ?? '' };
}

function must(file: string, args: string[]): string {
  const r = run(file, args);
  if (!r.ok) throw new Error(`${file} ${args.join(' ')}: ${r.stderr.trim()}`);
  return r.stdout;
}

/** A client certificate for system:kube-proxy signed by the reference CA, and a kubeconfig with it. */
function writeCredentials(dir: string, pkiDir: string): string {
  const at = (f: string) => join(dir, f);
  copyFileSync(join(pkiDir, 'ca.crt'), at('ca.crt'));
  must('openssl', ['genrsa', '-out', at('kube-proxy.key'), '2048']);
  must('openssl', ['req', '-new', '-key', at('kube-proxy.key'), '-subj', '/CN=system:kube-proxy', '-out', at('kube-proxy.csr')]);
  writeFileSync(at('kube-proxy.ext'), 'keyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth\n');
  // A random serial: -CAcreateserial would write into the reference cluster's pki directory.
  must('openssl', [
    'x509', '-req', '-in', at('kube-proxy.csr'), '-CA', join(pkiDir, 'ca.crt'), '-CAkey', join(pkiDir, 'ca.key'),
    '-set_serial', `0x${randomBytes(12).toString('hex')}`, '-days', '1', '-sha256', '-extfile', at('kube-proxy.ext'), '-out', at('kube-proxy.crt'),
  ]);
  const kubeconfig = at('kubeconfig');
  writeKubeconfig(kubeconfig, dir, 'kube-proxy', API_SERVER_URL);
  return kubeconfig;
}

/** kube-proxy's configuration, as kind writes it. */
export function kubeProxyConfiguration(kubeconfig: string, hostname: string, clusterCidr: string): string {
  return stringify({
    apiVersion: 'kubeproxy.config.k8s.io/v1alpha1',
    kind: 'KubeProxyConfiguration',
    mode: 'iptables',
    clientConnection: { kubeconfig },
    clusterCIDR: clusterCidr,
    hostnameOverride: hostname,
    // nf_conntrack_max is not per network namespace: kube-proxy must leave it alone.
    conntrack: { maxPerCore: 0 },
    iptables: { minSyncPeriod: '1s' },
    // This machine cannot lower OOM scores.
    oomScoreAdj: 0,
  });
}

/** Processes left in the namespace by a run that was killed: started by this check, so this check ends them. */
function endLeftovers(netns: string, log: (line: string) => void): void {
  const pids = run('ip', ['netns', 'pids', netns]);
  if (!pids.ok) return;
  for (const pid of pids.stdout.split('\n').map(Number).filter((p) => p > 0)) {
    log(`ending pid ${pid} left in ${netns} by an earlier run`);
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  deleteNodeNamespace(netns);
}

export async function startKubeProxy(o: KubeProxyNamespaceOptions): Promise<RunningKubeProxy> {
  endLeftovers(o.netns, o.log);
  const dir = mkdtempSync(join(tmpdir(), 'kube-scenarios-cross-check-'));
  const kubeconfig = writeCredentials(dir, o.layout.pkiDir);
  const configPath = join(dir, 'kube-proxy.yaml');
  writeFileSync(configPath, kubeProxyConfiguration(kubeconfig, o.hostname, o.clusterCidr));
  ensureNodeNamespace({ node: o.hostname, netns: o.netns, address: o.address });
  // The rule carries this check's comment: one left by a killed run is reused, and removed at the end.
  if (!run('iptables', ['-w', '-C', 'FORWARD', ...FORWARD_RULE]).ok) must('iptables', ['-w', '-I', 'FORWARD', '1', ...FORWARD_RULE]);

  const logPath = join(dir, 'kube-proxy.log');
  const logFd = openSync(logPath, 'a');
  const child = spawn('ip', ['netns', 'exec', o.netns, join(o.layout.binDir, 'kube-proxy'), `--config=${configPath}`], { stdio: ['ignore', logFd, logFd] });
  closeSync(logFd);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  o.log(`kube-proxy pid ${child.pid} in ${o.netns} (${o.address}) as ${o.hostname}, log ${logPath}`);

  let stopped = false;
  return {
    logPath,
    natTable: () => must('ip', ['netns', 'exec', o.netns, 'iptables-save', '-t', 'nat']),
    async stop() {
      if (stopped) return;
      stopped = true;
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(killer);
      }
      deleteNodeNamespace(o.netns);
      while (run('iptables', ['-w', '-D', 'FORWARD', ...FORWARD_RULE]).ok);
      rmSync(dir, { recursive: true, force: true });
      o.log(`kube-proxy stopped; ${o.netns} deleted`);
    },
  };
}

/**
 * Builds the reference cluster's programs from their official Go modules
 * (the small modules beside this file pin the versions and hold the go.sum),
 * into the cache's bin dir. A build is skipped when its stamp (a hash of the
 * module's files and the Go version) matches, so `up` is fast after the first.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KUBERNETES_VERSION } from '../layout.ts';

const HERE = dirname(fileURLToPath(import.meta.url));

export interface BuildUnit {
  /** folder of the Go module beside this file */
  module: string;
  /** output name → package path */
  outputs: Record<string, string>;
  ldflags?: string;
}

/** The version stamps kubectl version and /version report (hack/lib/version.sh sets the same variables). */
function kubernetesLdflags(version: string): string {
  const [major, minor] = version.replace(/^v/, '').split('.');
  const vars = { gitVersion: version, gitMajor: major, gitMinor: minor, gitTreeState: 'clean', buildDate: '2024-12-10T00:00:00Z' };
  return ['k8s.io/component-base/version', 'k8s.io/client-go/pkg/version']
    .flatMap((pkg) => Object.entries(vars).map(([k, v]) => `-X ${pkg}.${k}=${v}`))
    .join(' ');
}

export const BUILD_UNITS: BuildUnit[] = [
  {
    module: 'kubernetes',
    outputs: {
      'kube-apiserver': 'k8s.io/kubernetes/cmd/kube-apiserver',
      'kube-controller-manager': 'k8s.io/kubernetes/cmd/kube-controller-manager',
      'kube-scheduler': 'k8s.io/kubernetes/cmd/kube-scheduler',
      kubelet: 'k8s.io/kubernetes/cmd/kubelet',
      'kube-proxy': 'k8s.io/kubernetes/cmd/kube-proxy',
    },
    ldflags: kubernetesLdflags(KUBERNETES_VERSION),
  },
  { module: 'etcd', outputs: { etcd: 'go.etcd.io/etcd/server/v3' } },
  { module: 'kwok', outputs: { kwok: 'sigs.k8s.io/kwok/cmd/kwok' } },
  { module: 'coredns', outputs: { coredns: '.' } },
];

function stampOf(unit: BuildUnit): string {
  const dir = join(HERE, unit.module);
  const hash = createHash('sha256');
  for (const f of readdirSync(dir).sort()) if (/\.(go|mod|sum)$/.test(f)) hash.update(f).update(readFileSync(join(dir, f)));
  hash.update(execFileSync('go', ['version'], { encoding: 'utf8' }));
  hash.update(JSON.stringify(unit));
  return hash.digest('hex');
}

/** Builds what is missing or stale; returns the seconds each build took. */
export function buildBinaries(binDir: string, log: (line: string) => void): Record<string, number> {
  mkdirSync(binDir, { recursive: true });
  const took: Record<string, number> = {};
  for (const unit of BUILD_UNITS) {
    const stampFile = join(binDir, `.stamp-${unit.module}`);
    const stamp = stampOf(unit);
    const present = Object.keys(unit.outputs).every((o) => existsSync(join(binDir, o)));
    if (present && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) continue;
    const started = Date.now();
    for (const [output, pkg] of Object.entries(unit.outputs)) {
      log(`building ${output} (${unit.module} module)`);
      const args = ['build', '-trimpath', '-ldflags', `-s -w ${unit.ldflags ?? ''}`.trim(), '-o', join(binDir, output), pkg];
      // -mod=readonly: the committed go.sum is the checksum authority (the sum database is not reachable for every module here).
      const r = spawnSync('go', args, { cwd: join(HERE, unit.module), stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, GOFLAGS: '-mod=readonly -buildvcs=false' } });
      if (r.status !== 0) throw new Error(`go build of ${output} failed (exit ${r.status}); run it again to see the compiler's words`);
    }
    writeFileSync(stampFile, stamp);
    took[unit.module] = Math.round((Date.now() - started) / 1000);
  }
  return took;
}

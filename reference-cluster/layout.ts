/**
 * Where the reference cluster keeps things. Builds are cached outside the
 * repository (they are large and per machine); the run directory holds the
 * state of the cluster that is up: certificates, etcd data, logs, pid files.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The Kubernetes release the reference cluster runs (the memory backend imitates 1.31). */
export const KUBERNETES_VERSION = 'v1.31.4';

export interface Layout {
  cacheDir: string;
  binDir: string;
  runDir: string;
  pkiDir: string;
  logDir: string;
  pidDir: string;
  kubeconfig: string;
}

/** KUBE_SCENARIOS_REFERENCE_DIR moves everything (CI caches it between runs). */
export function layout(env: NodeJS.ProcessEnv = process.env): Layout {
  const cacheDir = env.KUBE_SCENARIOS_REFERENCE_DIR ?? join(homedir(), '.cache', 'kube-scenarios', 'reference-cluster');
  const runDir = join(cacheDir, 'run');
  return {
    cacheDir,
    binDir: join(cacheDir, 'bin'),
    runDir,
    pkiDir: join(runDir, 'pki'),
    logDir: join(runDir, 'logs'),
    pidDir: join(runDir, 'pids'),
    kubeconfig: join(runDir, 'kubeconfig'),
  };
}

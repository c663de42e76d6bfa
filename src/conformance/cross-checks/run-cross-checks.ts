/**
 * One cross-check run: the fixture applied to the reference cluster and to a
 * memory scenario, both settled, then the kubectl, DNS and iptables checks.
 * The reference's namespace is made afresh (a previous run's is deleted
 * first) and deleted after unless kept; kube-proxy runs only for the
 * iptables check and is always stopped.
 */
import type { Layout } from '../../../reference-cluster/layout.ts';
import { MemoryBackend } from '../../backends/memory/memory-backend.ts';
import { readRunSettings } from '../../backend/run-settings.ts';
import { buildAddressBook } from './address-book.ts';
import type { ClusterObjects } from './cluster-objects.ts';
import type { ClusterUnderCheck, NamedCluster } from './cluster-under-check.ts';
import { waitFor } from './cluster-under-check.ts';
import type { CheckResult } from './comparison.ts';
import { dnsQuestions } from './dns-questions.ts';
import { runDnsChecks } from './dns-check.ts';
import { unsettledServices } from './endpoints-settled.ts';
import type { Fixture } from './fixture.ts';
import { compareNatTables, programmedFor } from './iptables-check.ts';
import type { KnownDifference } from './known-differences.ts';
import { DEFAULT_KUBE_PROXY_NAMESPACE, startKubeProxy } from './kube-proxy-namespace.ts';
import { runKubectlCheck } from './kubectl-check.ts';
import { MemorySide } from './memory-side.ts';
import type { RecordOutput } from './raw-outputs.ts';
import { readClusterObjects } from './read-cluster-objects.ts';
import { kubeProxyUnavailable } from './reference-availability.ts';
import { ReferenceSide } from './reference-side.ts';

export type CheckGroup = 'kubectl' | 'dns' | 'iptables';
export const CHECK_GROUPS: readonly CheckGroup[] = ['kubectl', 'dns', 'iptables'];

export interface CrossCheckOptions {
  layout: Layout;
  kubeconfig: string;
  fixture: Fixture;
  known: readonly KnownDifference[];
  checks: ReadonlySet<CheckGroup>;
  /** The memory backend's seed: the same seed, the same memory cluster. */
  seed: string;
  /** Leave the fixture's namespace on the reference cluster. */
  keepNamespace: boolean;
  record: RecordOutput;
  log: (line: string) => void;
}

/** Seconds the reference gets to run the pods and fill the EndpointSlices (kwok pods start at once). */
const SETTLE_SECONDS = 120;
/** Seconds kube-proxy gets to sync the fixture's rules after it starts (minSyncPeriod 1s). */
const PROXY_SYNC_SECONDS = 60;

interface Settled extends NamedCluster {
  objects: ClusterObjects;
}

async function applyAndSettle(cluster: ClusterUnderCheck, fixture: Fixture, apply: () => Promise<void>, timeoutSeconds: number, log: (line: string) => void): Promise<Settled> {
  await apply();
  let objects = await readClusterObjects(cluster);
  const settled = await waitFor(cluster, timeoutSeconds, async () => {
    objects = await readClusterObjects(cluster);
    return unsettledServices(objects, fixture).length === 0;
  });
  if (!settled) throw new Error(`${cluster.side}: endpoints not ready after ${timeoutSeconds}s: ${unsettledServices(objects, fixture).join(', ')}`);
  log(`${cluster.side}: fixture applied, every Service has its ready endpoints`);
  return { cluster, objects, book: buildAddressBook(objects, fixture.namespace) };
}

async function prepareReference(o: CrossCheckOptions, reference: ReferenceSide): Promise<Settled> {
  const ns = o.fixture.namespace;
  return applyAndSettle(
    reference,
    o.fixture,
    async () => {
      // Afresh: objects left by an earlier run would keep their addresses but not their ages and events.
      const del = await reference.kubectl(['delete', 'namespace', ns, '--ignore-not-found', '--wait=true', '--timeout=180s']);
      if (del.exitCode !== 0) throw new Error(`reference: could not delete namespace ${ns}: ${del.stderr.trim()}`);
      const r = await reference.kubectl(['apply', '-f', '-'], o.fixture.text);
      if (r.exitCode !== 0) throw new Error(`reference: kubectl apply failed: ${r.stderr.trim()}`);
    },
    SETTLE_SECONDS,
    o.log,
  );
}

async function prepareMemory(o: CrossCheckOptions, backend: MemoryBackend, memory: MemorySide): Promise<Settled> {
  await backend.startScenario({ id: 'cross-check', name: 'cross-check', tags: [], seed: o.seed });
  return applyAndSettle(
    memory,
    o.fixture,
    async () => {
      await backend.writeFile('fixture.yaml', o.fixture.text);
      const r = await backend.run('kubectl apply -f fixture.yaml');
      if (r.exitCode !== 0) throw new Error(`memory: kubectl apply failed: ${r.stderr.trim()}`);
    },
    // Virtual seconds: image pulls and container starts take their modelled time.
    300,
    o.log,
  );
}

/** What kube-proxy must show before its table is read: every fixture Service port with all its endpoints. */
function expectedProgramming(o: CrossCheckOptions) {
  return o.fixture.services
    .filter((s) => s.readyEndpoints > 0 && !s.headless && s.type !== 'ExternalName')
    .flatMap((s) => s.ports.map((p) => ({ servicePortName: `${o.fixture.namespace}/${s.name}${p.name ? `:${p.name}` : ''}`, endpoints: s.readyEndpoints })));
}

async function runIptablesCheck(o: CrossCheckOptions, memory: Settled, referenceSide: ReferenceSide): Promise<CheckResult> {
  const title = 'kube-proxy `iptables-save -t nat` for kind-worker';
  const unavailable = kubeProxyUnavailable(o.layout);
  if (unavailable) return { check: 'iptables', title, blocks: [], notes: [], notRun: unavailable };
  const proxy = await startKubeProxy({ layout: o.layout, ...DEFAULT_KUBE_PROXY_NAMESPACE, log: o.log });
  const interrupted = () => void proxy.stop().finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    referenceSide.natSource = async () => proxy.natTable();
    const expected = expectedProgramming(o);
    let nat = '';
    const synced = await waitFor(referenceSide, PROXY_SYNC_SECONDS, async () => {
      nat = await referenceSide.natTable();
      return programmedFor(nat, expected);
    });
    if (!synced) return { check: 'iptables', title, blocks: [], notes: [], notRun: `kube-proxy did not program the fixture's rules within ${PROXY_SYNC_SECONDS}s (log ${proxy.logPath})` };
    // kube-proxy reads the objects as they are now: name its chains after the same state.
    const objects = await readClusterObjects(referenceSide);
    const book = buildAddressBook(objects, o.fixture.namespace);
    const memNat = await memory.cluster.natTable();
    o.record('reference', 'iptables-save -t nat', nat);
    o.record('memory', 'iptables-save -t nat', memNat);
    return compareNatTables({ text: nat, objects, book }, { text: memNat, objects: memory.objects, book: memory.book }, o.fixture.namespace, o.known);
  } finally {
    process.removeListener('SIGINT', interrupted);
    process.removeListener('SIGTERM', interrupted);
    await proxy.stop();
  }
}

/** Runs the chosen checks; the results, in the order kubectl, dns, dig-noall, iptables. */
export async function runCrossChecks(o: CrossCheckOptions): Promise<CheckResult[]> {
  const referenceSide = new ReferenceSide(o.kubeconfig);
  const backend = new MemoryBackend(readRunSettings({}, { KUBE_SCENARIOS_SEED: o.seed }, () => o.seed));
  const memorySide = new MemorySide(backend);
  const results: CheckResult[] = [];
  try {
    const reference = await prepareReference(o, referenceSide);
    const memory = await prepareMemory(o, backend, memorySide);
    const digPod = [...memory.book.podNames].find(([, object]) => object === 'pod web#1')?.[0];
    if (!digPod) throw new Error('memory: no pod web#1 to ask DNS questions from');
    memorySide.askDnsFrom(o.fixture.namespace, digPod);

    if (o.checks.has('kubectl')) results.push(await runKubectlCheck(o.fixture, reference, memory, o.known, o.record));
    if (o.checks.has('dns')) results.push(...(await runDnsChecks(dnsQuestions(o.fixture), reference, memory, o.known, o.record)));
    if (o.checks.has('iptables')) results.push(await runIptablesCheck(o, memory, referenceSide));
    return results;
  } finally {
    await backend.endScenario();
    await backend.close();
    if (!o.keepNamespace) await referenceSide.kubectl(['delete', 'namespace', o.fixture.namespace, '--ignore-not-found', '--wait=false']);
  }
}

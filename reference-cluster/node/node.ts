/**
 * A real node of the reference cluster (stage 2): containerd, the kubelet and
 * kube-proxy in iptables mode, all inside the node's network namespace, so
 * pods are real processes in network namespaces of their own, wired by the
 * ptp CNI plugin, and Service traffic crosses the iptables rules kube-proxy
 * writes into the node's namespace. The machine's own network, containerd
 * and kernel settings are left alone (see kubelet-launch.ts, containerd-config.ts).
 *
 * The CLI (reference-cluster/control-plane/real-nodes.ts) calls buildImages
 * once, then startNode per node; `down` calls stopNode.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { layout } from '../layout.ts';
import { BRIDGE, BRIDGE_ADDRESS } from '../network.ts';
import { ociLayoutDir } from '../images/build-images.ts';
import { importImages } from '../images/import-images.ts';
import { PAUSE_IMAGE } from '../images/image-recipes.ts';
import { allowBridgeForwarding, removeBridgeForwarding } from './bridge-forwarding.ts';
import { cniConflist } from './cni-config.ts';
import { containerdConfig } from './containerd-config.ts';
import { kubeletConfig } from './kubelet-config.ts';
import { kubeProxyConfig } from './kube-proxy-config.ts';
import { ensureMasquerade } from './masquerade.ts';
import { maskedKubeletArgv, makeSharedMount, tunablesToMask } from './kubelet-launch.ts';
import { createCgroupRoot, removeCgroupRoot } from './node-cgroups.ts';
import { CONTAINER_LOG_LINKS, killAll, processesInCgroup, removeContainerLogLinks, removeContainers, shimsOf, unmountUnder } from './node-cleanup.ts';
import { ensureNodeCredentials } from './node-credentials.ts';
import { nodePaths, type NodePaths } from './node-paths.ts';
import { isAlive, recordedNodeProcesses, startInNetns, stopNodeProcess, type NodeProcess } from './node-process.ts';
import { namespacesOnBridge, removePodRoutesVia, syncPodRoutes } from './pod-routes.ts';
import { registriesOf, writeRegistryHosts } from './registry-hosts.ts';
import { runCommand, runInNetns } from './run-command.ts';

export { buildImages } from '../images/build-images.ts';

/** Cluster-wide settings every node shares (the lead's control plane uses the same: control-plane/components.ts). */
export const CLUSTER_DNS = '10.96.0.10';
export const CLUSTER_DOMAIN = 'cluster.local';
export const CLUSTER_POD_CIDR = '10.244.0.0/16';
/** Addresses of the namespaces on the cluster's bridge (172.18.0.0/16) start so. */
const BRIDGE_SUBNET_PREFIX = BRIDGE_ADDRESS.split('.').slice(0, 2).join('.') + '.';
/** The node's local registry, inside its network namespace (images/registry-server.ts). */
export const LOCAL_REGISTRY_PORT = 5000;
const REGISTRY_PROGRAM = fileURLToPath(new URL('../images/registry-server.ts', import.meta.url));

export interface StartNodeOptions {
  /** Node name (`kind-worker`). */
  name: string;
  /** The node's network namespace (exists, with eth0 on the bridge). */
  netns: string;
  /** The node's InternalIP (its eth0 address). */
  address: string;
  /** Pod CIDR to use until the Node object says otherwise (the controller-manager assigns spec.podCIDR). */
  podCidr: string;
  /** `https://172.18.0.2:6443`. */
  apiServer: string;
  /** The cluster's pki dir: ca.crt and ca.key are read from it. */
  pkiDir: string;
  /** The node's own state directory. */
  stateDir: string;
  /** Where kubelet and kube-proxy are. */
  binDir: string;
  /** Taints the Node registers with (kind-control-plane's, or a test node's that other workloads must not land on). */
  taints?: { key: string; value?: string; effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute' }[];
  /** The node's resolv.conf (what dnsPolicy Default pods get); the machine's when absent. */
  resolvConf?: string;
  log: (line: string) => void;
}

/** What a started node records for stopNode. */
interface NodeRecord {
  name: string;
  netns: string;
  address: string;
  podCidr: string;
  cgroupRoot: string;
}

function recordFile(paths: NodePaths): string {
  return join(paths.stateDir, 'node.json');
}

async function waitFor<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>, alive?: () => string | undefined): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const dead = alive?.();
    if (dead) throw new Error(`${what}: ${dead}`);
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000}s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

function tail(file: string, lines = 15): string {
  if (!existsSync(file)) return '(no log)';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

/** Fails fast with the log's tail when a process of the node has died. */
function deathOf(p: NodeProcess): () => string | undefined {
  return () => (isAlive(p.pid) ? undefined : `${p.name} exited; last lines of ${p.log}:\n${tail(p.log)}`);
}

/**
 * Starts containerd, the kubelet and kube-proxy of one node and waits until
 * the Node object exists; returns their pids and lines for the CLI to print.
 */
export async function startNode(opts: StartNodeOptions): Promise<{ pids: number[]; describe: string[] }> {
  const paths = nodePaths(opts.stateDir);
  const log = (line: string) => opts.log(`${opts.name}: ${line}`);
  if (recordedNodeProcesses(paths).some((p) => isAlive(p.pid))) {
    // Started before and not stopped: a clean restart rather than a second containerd and kubelet.
    log('stopping what runs of this node first');
    await stopNode(opts);
  }
  for (const dir of [paths.containerdDir, paths.socketDir, paths.podLogsDir, paths.cniConfDir, paths.cniIpamDir, paths.kubeletRoot, paths.registryHostsDir, paths.logDir, paths.pidDir]) mkdirSync(dir, { recursive: true });
  const record: NodeRecord = { name: opts.name, netns: opts.netns, address: opts.address, podCidr: opts.podCidr, cgroupRoot: `/${opts.netns}` };
  writeFileSync(recordFile(paths), JSON.stringify(record, null, 2));

  await ensureNodeCredentials({
    name: opts.name,
    address: opts.address,
    caDir: opts.pkiDir,
    pkiDir: paths.pkiDir,
    apiServer: opts.apiServer,
    kubeletKubeconfig: paths.kubeletKubeconfig,
    kubeProxyKubeconfig: paths.kubeProxyKubeconfig,
  });
  await allowBridgeForwarding(BRIDGE);
  // The node routes its pods' packets (kind's node entrypoint enables forwarding too); per namespace, not the machine's.
  await runInNetns(opts.netns, 'sysctl', ['-q', '-w', 'net.ipv4.ip_forward=1']);
  await ensureMasquerade(opts.netns, CLUSTER_POD_CIDR);
  createCgroupRoot(record.cgroupRoot);

  writeFileSync(paths.containerdConfig, containerdConfig(paths, PAUSE_IMAGE));
  writeFileSync(join(paths.cniConfDir, '10-kindnet.conflist'), cniConflist(opts.podCidr, paths.cniIpamDir));
  // Without one given, the node's resolver is the machine's.
  if (opts.resolvConf !== undefined) writeFileSync(paths.resolvConf, opts.resolvConf);
  else copyFileSync('/etc/resolv.conf', paths.resolvConf);

  const containerd = startInNetns(paths, 'containerd', opts.netns, ['containerd', '--config', paths.containerdConfig]);
  await waitFor('containerd', 30_000, async () => ((await runCommand('ctr', ['--address', paths.containerdSocket, 'version'])).code === 0 ? true : undefined), deathOf(containerd));
  const layoutDir = ociLayoutDir(join(layout().cacheDir, 'images'));
  if (!existsSync(join(layoutDir, 'index.json'))) throw new Error(`no pod images in ${layoutDir}: run buildImages first`);
  const imported = await importImages(layoutDir, paths.containerdSocket);
  log(`containerd up (pid ${containerd.pid}), ${imported.filter((n) => !n.startsWith('sha256:')).length} images imported`);
  // Pulls (imagePullPolicy Always) go to the node's own registry over the same images.
  const registry = startInNetns(paths, 'registry', opts.netns, [process.execPath, '--import', import.meta.resolve('tsx'), REGISTRY_PROGRAM, layoutDir, String(LOCAL_REGISTRY_PORT)]);
  await waitFor('the local registry', 30_000, async () => ((await runInNetns(opts.netns, 'curl', ['-sf', `http://127.0.0.1:${LOCAL_REGISTRY_PORT}/v2/`], { allowFailure: true })).code === 0 ? true : undefined), deathOf(registry));
  writeRegistryHosts(paths.registryHostsDir, registriesOf(imported), `http://127.0.0.1:${LOCAL_REGISTRY_PORT}`);

  writeFileSync(paths.kubeletConfig, kubeletConfig({ paths, cgroupRoot: record.cgroupRoot, clusterDns: CLUSTER_DNS, clusterDomain: CLUSTER_DOMAIN, clientCaFile: join(paths.pkiDir, 'ca.crt'), taints: opts.taints }));
  await makeSharedMount(paths.kubeletRoot);
  const kubeletArgs = [
    `--config=${paths.kubeletConfig}`,
    `--kubeconfig=${paths.kubeletKubeconfig}`,
    `--hostname-override=${opts.name}`,
    `--node-ip=${opts.address}`,
    `--root-dir=${paths.kubeletRoot}`,
    `--cert-dir=${join(paths.kubeletRoot, 'pki')}`,
    '--v=1',
  ];
  const masks = tunablesToMask();
  const kubelet = startInNetns(paths, 'kubelet', opts.netns, maskedKubeletArgv(join(opts.binDir, 'kubelet'), kubeletArgs, masks, paths.sysctlDir));
  const kubectl = (args: string[]) => runCommand('kubectl', ['--kubeconfig', paths.kubeletKubeconfig, ...args]);
  const podCidr = await waitFor('the kubelet registering its Node', 90_000, async () => {
    const out = await kubectl(['get', 'node', opts.name, '-o', 'jsonpath={.spec.podCIDR}']);
    return out.stdout.trim() || undefined;
  }, deathOf(kubelet));
  if (podCidr !== opts.podCidr) {
    // kindnetd writes the CNI config from spec.podCIDR; so do we.
    log(`the controller-manager assigned ${podCidr} (not ${opts.podCidr}): CNI config follows the Node`);
    writeFileSync(join(paths.cniConfDir, '10-kindnet.conflist'), cniConflist(podCidr, paths.cniIpamDir));
    record.podCidr = podCidr;
    writeFileSync(recordFile(paths), JSON.stringify(record, null, 2));
  }
  log(`kubelet up (pid ${kubelet.pid}), Node registered with podCIDR ${podCidr}${masks.length ? `; kernel tunables it sees but the machine keeps: ${masks.join(', ')}` : ''}`);

  writeFileSync(paths.kubeProxyConfig, kubeProxyConfig({ kubeconfig: paths.kubeProxyKubeconfig, hostname: opts.name, clusterCidr: CLUSTER_POD_CIDR }));
  const kubeProxy = startInNetns(paths, 'kube-proxy', opts.netns, [join(opts.binDir, 'kube-proxy'), `--config=${paths.kubeProxyConfig}`, '--v=1']);
  await waitFor('kube-proxy writing its rules', 60_000, async () => {
    const out = await runInNetns(opts.netns, 'iptables-save', ['-t', 'nat']);
    return out.stdout.includes(':KUBE-SERVICES') ? true : undefined;
  }, deathOf(kubeProxy));
  log(`kube-proxy up (pid ${kubeProxy.pid}), iptables mode`);

  const routes = await syncPodRoutes(paths.kubeletKubeconfig, await namespacesOnBridge(BRIDGE_SUBNET_PREFIX));
  for (const line of routes) log(`route ${line}`);

  return {
    pids: [containerd.pid, registry.pid, kubelet.pid, kubeProxy.pid],
    describe: [
      `${opts.name} (netns ${opts.netns}, ${opts.address}, pods ${podCidr}): containerd pid ${containerd.pid}, registry pid ${registry.pid} (127.0.0.1:${LOCAL_REGISTRY_PORT}), kubelet pid ${kubelet.pid}, kube-proxy pid ${kubeProxy.pid}; logs ${paths.logDir}`,
    ],
  };
}

/**
 * Stops a node started by startNode and removes what it left: containers,
 * pod processes, mounts under its state directory, its cgroups. The network
 * namespace itself stays (the CLI deletes it).
 */
export async function stopNode(opts: { name: string; netns: string; stateDir: string }): Promise<void> {
  const paths = nodePaths(opts.stateDir);
  const record: NodeRecord = existsSync(recordFile(paths))
    ? (JSON.parse(readFileSync(recordFile(paths), 'utf8')) as NodeRecord)
    : { name: opts.name, netns: opts.netns, address: '', podCidr: '', cgroupRoot: `/${opts.netns}` };
  const processes = recordedNodeProcesses(paths);
  const byName = (n: string) => processes.find((p) => p.name === n);
  for (const name of ['kube-proxy', 'kubelet', 'registry']) {
    const p = byName(name);
    if (p) await stopNodeProcess(paths, p);
  }
  const containerd = byName('containerd');
  if (containerd && isAlive(containerd.pid)) await removeContainers(paths.containerdSocket);
  if (containerd) await stopNodeProcess(paths, containerd);
  // Sockets kept outside the state directory (node-paths.ts) go with containerd.
  if (paths.socketDir !== paths.containerdDir) {
    rmSync(paths.socketDir, { recursive: true, force: true });
    try {
      rmdirSync(dirname(paths.socketDir));
    } catch {
      // another node's sockets are still there
    }
  }
  killAll([...shimsOf(paths.containerdSocket), ...processesInCgroup(record.cgroupRoot)]);
  await new Promise((r) => setTimeout(r, 300));
  await unmountUnder(paths.stateDir);
  removeContainerLogLinks(paths.podLogsDir);
  removeCgroupRoot(record.cgroupRoot);
  if (record.address) await removePodRoutesVia(record.address, await namespacesOnBridge(BRIDGE_SUBNET_PREFIX));
  if (!otherKubeletsRun(paths.kubeletRoot)) {
    await removeBridgeForwarding(BRIDGE);
    // Every kubelet makes /var/log/containers; the last of ours takes it away when it is empty.
    try {
      rmdirSync(CONTAINER_LOG_LINKS);
    } catch {
      // not empty (someone else's logs) or already gone
    }
  }
}

/** Whether a kubelet of another node of ours still runs (its --root-dir differs from `ownRoot`). */
function otherKubeletsRun(ownRoot: string): boolean {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      const root = argv.find((a) => a.startsWith('--root-dir='));
      if (argv.some((a) => a.endsWith('/kubelet')) && root && root !== `--root-dir=${ownRoot}`) return true;
    } catch {
      // gone meanwhile
    }
  }
  return false;
}

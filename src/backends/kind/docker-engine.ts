/**
 * The NodeEngine of a docker engine, through testcontainers: its container
 * runtime client finds the engine (DOCKER_HOST, the socket, a testcontainers
 * configuration) and GenericContainer creates and waits for the nodes.
 * Errors of the engine come back in its words, with what to do where we know.
 */
import { existsSync } from 'node:fs';
import { getContainerRuntimeClient, type ContainerRuntimeClient } from 'testcontainers';
import { SettingsError } from '../../backend/run-settings.ts';
import { CLUSTER_LABEL } from './cluster-labels.ts';
import { KindNodeContainer } from './kind-node-container.ts';
import type { NodeContainerSpec } from './node-container-spec.ts';
import type { NodeEngine, NodeExecResult } from './node-engine.ts';
import type { ExistingNode } from './reuse-decision.ts';

/** Files go into nodes as one base64 argument: well under Linux's 128 KiB limit for one argument. */
const MAX_FILE_BYTES = 90_000;

/** Explains an engine's refusal to start a node, when we know the remedy. */
export function explainStartFailure(spec: NodeContainerSpec, message: string): string {
  if (/unable to apply caps|operation not permitted/.test(message) && spec.privileges.kind === 'privileged') {
    return (
      `the container engine refused the privileged node container ${spec.name} (${message.trim()}). ` +
      `On machines whose capability bounding set lacks a capability (often CAP_SYS_RESOURCE), start the nodes with an explicit list instead: --node-capabilities ALL,-SYS_RESOURCE`
    );
  }
  if (/No such image|pull access denied|manifest unknown|failed to resolve reference|dial tcp|Get "https?:/.test(message)) {
    return `the node image ${spec.image} is not on this machine and could not be pulled (${message.trim().split('\n')[0]}); pull or load it first, or name a local image with --kind-image`;
  }
  return `could not start the node container ${spec.name}: ${message.trim()}`;
}

export class DockerEngine implements NodeEngine {
  private constructor(private readonly client: ContainerRuntimeClient) {}

  /** Connects to the engine testcontainers finds; a clear SettingsError when there is none. */
  static async connect(): Promise<DockerEngine> {
    try {
      return new DockerEngine(await getContainerRuntimeClient());
    } catch (error) {
      throw new SettingsError(`the kind backend needs a docker engine, and none answered (${(error as Error).message.split('\n')[0]}): start dockerd, or point DOCKER_HOST at one`);
    }
  }

  private get docker() {
    return this.client.container.dockerode;
  }

  async listNodes(cluster: string): Promise<ExistingNode[]> {
    const found = await this.docker.listContainers({ all: true, filters: { label: [`${CLUSTER_LABEL}=${cluster}`] } });
    return found.map((c) => ({ name: (c.Names[0] ?? c.Id).replace(/^\//, ''), labels: c.Labels ?? {}, running: c.State === 'running' }));
  }

  async ensureNetwork(name: string): Promise<{ subnet: string | undefined }> {
    const exact = (await this.docker.listNetworks({ filters: { name: [name] } })).filter((n) => n.Name === name);
    let id = exact[0]?.Id;
    if (!id) {
      // providers/docker/network.go createNetwork: a bridge with IP masquerade, the MTU of docker's default bridge.
      const bridge = await this.docker.getNetwork('bridge').inspect().catch(() => undefined);
      const mtu = bridge?.Options?.['com.docker.network.driver.mtu'];
      const created = await this.docker.createNetwork({
        Name: name,
        Driver: 'bridge',
        CheckDuplicate: true,
        Options: { 'com.docker.network.bridge.enable_ip_masquerade': 'true', ...(mtu ? { 'com.docker.network.driver.mtu': mtu } : {}) },
      });
      id = created.id;
    }
    const inspected = await this.docker.getNetwork(id).inspect();
    const subnets: string[] = (inspected.IPAM?.Config ?? []).map((c: { Subnet?: string }) => c.Subnet ?? '');
    return { subnet: subnets.find((s) => /^\d+\.\d+\.\d+\.\d+\/\d+$/.test(s)) };
  }

  async startNode(spec: NodeContainerSpec, startupTimeoutSeconds: number): Promise<void> {
    try {
      await new KindNodeContainer(spec, startupTimeoutSeconds).start();
    } catch (error) {
      throw new SettingsError(explainStartFailure(spec, (error as Error).message));
    }
  }

  private async inspect(node: string) {
    return this.docker.getContainer(node).inspect();
  }

  async nodeAddress(node: string, network: string): Promise<string> {
    const address = (await this.inspect(node)).NetworkSettings.Networks[network]?.IPAddress;
    if (!address) throw new Error(`node ${node} has no address on the ${network} network`);
    return address;
  }

  async hostPort(node: string, containerPort: number): Promise<number> {
    const bindings = (await this.inspect(node)).NetworkSettings.Ports[`${containerPort}/tcp`] ?? [];
    const port = Number(bindings[0]?.HostPort);
    if (!port) throw new Error(`node ${node} does not publish port ${containerPort}`);
    return port;
  }

  async exec(node: string, argv: string[]): Promise<NodeExecResult> {
    const { exitCode, stdout, stderr } = await this.client.container.exec(this.client.container.getById(node), argv);
    return { exitCode, stdout, stderr };
  }

  async writeFile(node: string, path: string, content: string): Promise<void> {
    const bytes = Buffer.from(content, 'utf8');
    if (bytes.length > MAX_FILE_BYTES) throw new Error(`${path} is ${bytes.length} bytes: too large to write into a node in one command`);
    const r = await this.exec(node, ['sh', '-c', 'mkdir -p "$(dirname "$1")" && printf %s "$2" | base64 -d > "$1"', 'sh', path, bytes.toString('base64')]);
    if (r.exitCode !== 0) throw new Error(`writing ${path} on ${node} failed (exit ${r.exitCode}): ${r.stderr.trim()}`);
  }

  async removeNodes(names: string[]): Promise<void> {
    for (const name of names) {
      try {
        await this.docker.getContainer(name).remove({ force: true, v: true });
      } catch (error) {
        if (!/no such container|404/i.test((error as Error).message)) throw error;
      }
    }
  }

  hostHasModules(): boolean {
    // Only meaningful when the engine runs on this machine, which is the case kind supports too.
    return existsSync('/lib/modules');
  }
}

/**
 * What the kind backend needs from a container engine, and nothing more: the
 * cluster logic (kind-cluster.ts) is written against this, the docker engine
 * (docker-engine.ts) implements it with testcontainers, tests with a fake.
 */
import type { NodeContainerSpec } from './node-container-spec.ts';
import type { ExistingNode } from './reuse-decision.ts';

export interface NodeExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface NodeEngine {
  /** The node containers labelled as belonging to the cluster, running or not. */
  listNodes(cluster: string): Promise<ExistingNode[]>;
  /** Makes the network if it is missing; returns its IPv4 subnet. */
  ensureNetwork(name: string): Promise<{ subnet: string | undefined }>;
  /** Creates and starts a node container and waits until its init system is far enough for `exec`. */
  startNode(spec: NodeContainerSpec, startupTimeoutSeconds: number): Promise<void>;
  /** The node's address on a network. */
  nodeAddress(node: string, network: string): Promise<string>;
  /** The host port a container port is published on. */
  hostPort(node: string, containerPort: number): Promise<number>;
  /** Runs a command in a node; never throws for a non-zero exit. */
  exec(node: string, argv: string[]): Promise<NodeExecResult>;
  /** Writes a file into a node (making its directory). */
  writeFile(node: string, path: string, content: string): Promise<void>;
  /** Removes node containers with their volumes; missing ones are fine. */
  removeNodes(names: string[]): Promise<void>;
  /** Whether the engine's host has /lib/modules to share with the nodes. */
  hostHasModules(): boolean;
}

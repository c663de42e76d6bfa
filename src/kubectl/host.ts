/**
 * What kubectl of the memory backend is bound to: the scenario's cluster, seen
 * through the API server and the few things a real kubectl reaches by other
 * routes (the kubelet's exec and log streams, the kubeconfig, the server version).
 */
import type { ApiServer } from '../apiserver/types.ts';
import type { CommandResult } from '../shell/types.ts';

/**
 * One change `kubectl edit` applies instead of opening an editor: either a
 * function from the YAML kubectl would show to the YAML the user saves, or a
 * JSON merge patch (RFC 7386) applied to that object.
 */
export type PendingEdit = ((yamlText: string) => string) | { mergePatch: Record<string, unknown> };

/** The changes steps queued for `kubectl edit`, taken one per edited object. */
export interface EditQueue {
  /** The next queued change, removed from the queue; undefined when none is queued (the editor is closed unchanged). */
  take(): PendingEdit | undefined;
}

/** The kube-apiserver version kubectl reads from /version. */
export interface ServerVersion {
  major: string;
  minor: string;
  gitVersion: string;
  platform: string;
  goVersion: string;
  buildDate: string;
  gitCommit: string;
}

export interface KubectlHost {
  api: ApiServer;
  /** Virtual clock, ms since the epoch. */
  now(): number;
  /** Lets controllers converge after writes. */
  settle(): void;
  /** Advances virtual time until `check` holds or `timeoutSeconds` pass; resolves whether it held. */
  waitFor(check: () => boolean, timeoutSeconds: number): Promise<boolean>;
  /** The kubelet runs argv in the container (exec and attach). */
  exec(ns: string, pod: string, container: string | undefined, argv: string[], stdin: string, tty: boolean): Promise<CommandResult>;
  /** The container's log as the kubelet would stream it; undefined when the host keeps no logs (kubectl then prints nothing). */
  logs?(ns: string, pod: string, container: string): string | undefined;
  serverVersion: ServerVersion;
  /** https://127.0.0.1:<port>, as kind writes it in the kubeconfig. */
  controlPlaneURL: string;
  /** kind-kind. */
  currentContext: string;
  /** The namespace of the kubeconfig context (the scenario's). */
  namespace: string;
  pendingEdits: EditQueue;
}

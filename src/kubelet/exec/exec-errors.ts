/**
 * Why `kubectl exec` fails before the command runs, as kubectl 1.31 prints it
 * against a kind cluster, and which side says what:
 *
 * - the API server refuses the exec subresource (pkg/registry/core/pod
 *   strategy.go streamLocation): kubectl prints `Error from server (<Reason>): <message>`;
 * - the kubelet cannot find a running container (pkg/kubelet/server:
 *   `container not found ("x")`) and the upgrade fails: kubectl prints
 *   `error: unable to upgrade connection: container not found ("x")`;
 * - runc cannot start argv[0]: containerd's CRI streaming server returns the
 *   error, the kubelet's remotecommand server sends it as an InternalError
 *   (`error executing command in container: ...`), and since 1.30 the API
 *   server's websocket stream translator wraps it once more, so kubectl
 *   prints `error: Internal error occurred: Internal error occurred: ...`.
 *
 * In every case kubectl exits 1. A command that ran and exited non-zero is
 * not an ExecError: Kubelet.exec returns its result and kubectl prints
 * `command terminated with exit code N` and exits with N.
 */
import type { Status, StatusReason } from '../../api/meta.ts';

export class ExecError extends Error {
  constructor(
    /** The Status the failure carries. */
    readonly status: Status,
    /** What kubectl writes to stderr, newline included. */
    readonly kubectlOutput: string,
  ) {
    super(status.message);
  }

  /** kubectl's exit status for every exec failure. */
  get exitCode(): number {
    return 1;
  }
}

function status(code: number, reason: StatusReason, message: string): Status {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
}

/** The API server has no such pod. */
export function podNotFound(name: string): ExecError {
  const message = `pods "${name}" not found`;
  return new ExecError({ ...status(404, 'NotFound', message), details: { name, kind: 'pods' } }, `Error from server (NotFound): ${message}\n`);
}

/** The pod is not bound to a node yet. */
export function noHostAssigned(name: string): ExecError {
  const message = `pod ${name} does not have a host assigned`;
  return new ExecError(status(400, 'BadRequest', message), `Error from server (BadRequest): ${message}\n`);
}

/** Any other refusal the API server relays as BadRequest (kubectl logs of a container that never ran ...). */
export function badRequest(message: string): ExecError {
  return new ExecError(status(400, 'BadRequest', message), `Error from server (BadRequest): ${message}\n`);
}

/** The pod has no container of that name. */
export function containerNotValid(container: string, pod: string): ExecError {
  const message = `container ${container} is not valid for pod ${pod}`;
  return new ExecError(status(400, 'BadRequest', message), `Error from server (BadRequest): ${message}\n`);
}

/** The container exists in the spec but does not run (still creating, crashed, completed). */
export function containerNotRunning(container: string): ExecError {
  const message = `container not found ("${container}")`;
  return new ExecError(status(500, 'InternalError', message), `error: unable to upgrade connection: ${message}\n`);
}

/** runc could not start argv[0] in the container. `runtimeMessage`: `OCI runtime exec failed: ...`. */
export function execStartFailed(execID: string, runtimeMessage: string): ExecError {
  const inner = `error executing command in container: failed to exec in container: failed to start exec "${execID}": ${runtimeMessage}`;
  const message = `Internal error occurred: ${inner}`;
  return new ExecError(status(500, 'InternalError', message), `error: Internal error occurred: ${message}\n`);
}

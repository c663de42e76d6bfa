/**
 * `kubectl logs POD|TYPE/NAME [-c C]` (kubectl/pkg/cmd/logs/logs.go): the
 * container's log as the host keeps it; `--tail`; the API server's errors for
 * a container that has not started.
 */
import type { CommandSpec, Invocation } from '../command.ts';
import { ApiError } from '../../apiserver/types.ts';
import { KubectlError, UsageError } from '../errors.ts';
import { bool, duration, int, str } from '../flags/flag-spec.ts';
import { commandNamespace } from '../namespace.ts';
import { defaultContainer } from '../pod-for-object.ts';
import { targetPod } from './exec.ts';

function badRequest(message: string): ApiError {
  return new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'BadRequest', code: 400 });
}

function run(inv: Invocation): void {
  const { namespace } = commandNamespace(inv);
  if (inv.args.length === 0) {
    throw new UsageError("expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command", inv.commandPath);
  }
  if (inv.args.length > 2) throw new UsageError("expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command", inv.commandPath);
  const pod = targetPod(inv, inv.args[0], namespace);
  let container = inv.flags.string('container') || inv.args[1] || '';
  if (container === '') {
    const chosen = defaultContainer(pod);
    if (chosen.notice) inv.out.err(chosen.notice);
    container = chosen.name;
  } else if (!pod.spec.containers.some((c) => c.name === container)) {
    throw badRequest(`container ${container} is not valid for pod ${pod.metadata.name}`);
  }
  const status = pod.status?.containerStatuses?.find((c) => c.name === container);
  if (!status || status.state.waiting) {
    const reason = status?.state.waiting?.reason ?? 'ContainerCreating';
    throw badRequest(`container "${container}" in pod "${pod.metadata.name}" is waiting to start: ${reason}`);
  }
  let text = inv.host.logs?.(pod.metadata.namespace ?? namespace, pod.metadata.name ?? '', container) ?? '';
  const tail = inv.flags.int('tail');
  if (tail >= 0) {
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    text = lines.slice(Math.max(0, lines.length - tail)).map((l) => l + '\n').join('');
  }
  inv.out.out(text);
}

export const logsCommand: CommandSpec = {
  name: 'logs',
  flags: [
    bool('all-containers'),
    str('container', 'c'),
    bool('follow', 'f'),
    bool('ignore-errors'),
    bool('insecure-skip-tls-verify-backend'),
    int('limit-bytes', undefined, '0', 'int64'),
    int('max-log-requests', undefined, '5'),
    duration('pod-running-timeout', '20s'),
    bool('prefix'),
    bool('previous', 'p'),
    str('selector', 'l'),
    duration('since', '0s'),
    str('since-time'),
    int('tail', undefined, '-1', 'int64'),
    bool('timestamps'),
  ],
  run,
};

/**
 * `kubectl exec` (kubectl/pkg/cmd/exec/exec.go): `POD` or `TYPE/NAME`, `-c`,
 * the command after `--` (without it, the usage error of kubectl 1.31+); the kubelet runs
 * it (host.exec). A non-zero exit becomes kubectl's
 * `command terminated with exit code N` and exit status N. `-t` has no
 * terminal to use in a scenario, so kubectl's TTY warning is printed.
 */
import type { Pod } from '../../api/core.ts';
import type { KubeObject } from '../../api/meta.ts';
import { ApiError } from '../../apiserver/types.ts';
import type { CommandSpec, Invocation } from '../command.ts';
import { KubectlError, RemoteExitError, UsageError } from '../errors.ts';
import { FILENAME_FLAGS, bool, duration, str } from '../flags/flag-spec.ts';
import { commandNamespace } from '../namespace.ts';
import { defaultContainer, podForObject } from '../pod-for-object.ts';
import { resolveType } from '../resource-args.ts';
import { keyFor } from '../select-objects.ts';

/** The message kubectl prints when -t is asked for without a terminal (pkg/util/term/term.go). */
export const NO_TTY_WARNING = 'Unable to use a TTY - input is not a terminal or the right kind of file\n';

/** Resolves `POD` or `TYPE/NAME` to the pod to run in. */
export function targetPod(inv: Invocation, arg: string, namespace: string): Pod {
  const api = inv.host.api;
  if (!arg.includes('/')) return api.get<Pod>({ kind: 'Pod', namespace, name: arg });
  const [type, name] = arg.split('/');
  const resource = resolveType(api, type);
  return podForObject(api, api.get<KubeObject>(keyFor(resource, namespace, name)));
}

/** Checks a pod can run a command now and picks the container (exec.go Run, the kubelet's upgrade errors). */
export function execContainer(inv: Invocation, pod: Pod, requested: string): string {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') throw new KubectlError(`cannot exec into a container in a completed pod; current phase is ${phase}`);
  let container = requested;
  if (container === '') {
    const chosen = defaultContainer(pod);
    if (chosen.notice) inv.out.err(chosen.notice);
    container = chosen.name;
  } else if (!pod.spec.containers.some((c) => c.name === container)) {
    throw new ApiError({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: `container ${container} is not valid for pod ${pod.metadata.name}`,
      reason: 'BadRequest',
      code: 400,
    });
  }
  if (!pod.spec.nodeName) throw new KubectlError(`pod ${pod.metadata.name} does not have a host assigned`);
  const status = pod.status?.containerStatuses?.find((c) => c.name === container);
  if (!status?.state?.running) throw new KubectlError(`unable to upgrade connection: container not found ("${container}")`);
  return container;
}

async function run(inv: Invocation): Promise<void> {
  const { namespace } = commandNamespace(inv);
  const dash = inv.argsLenAtDash;
  // Complete() refuses the command without `--` before Validate() looks for a pod: the old form was
  // removed in kubectl 1.31 (kubernetes/kubernetes#125437, pkg/cmd/exec/exec.go).
  if (dash === -1 && (inv.args.length > 1 || (inv.args.length > 0 && inv.flags.list('filename').length > 0))) {
    throw new UsageError('exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead', inv.commandPath);
  }
  if (inv.args.length === 0 || dash === 0) {
    if (inv.flags.list('filename').length === 0) throw new KubectlError('pod, type/name or --filename must be specified');
  }
  const command = dash > -1 ? inv.args.slice(dash) : [];
  if (command.length === 0) throw new KubectlError('you must specify at least one command for the container');
  const tty = inv.flags.bool('tty');
  if (tty) inv.out.err(NO_TTY_WARNING);
  const pod = targetPod(inv, inv.args[0], namespace);
  const container = execContainer(inv, pod, inv.flags.string('container'));
  const result = await inv.host.exec(pod.metadata.namespace ?? namespace, pod.metadata.name ?? '', container, command, inv.flags.bool('stdin') ? inv.ctx.stdin : '', false);
  inv.out.out(result.stdout);
  inv.out.err(result.stderr);
  if (result.exitCode !== 0) throw new RemoteExitError(result.exitCode);
}

export const execCommand: CommandSpec = {
  name: 'exec',
  flags: [str('container', 'c'), ...FILENAME_FLAGS.filter((f) => f.name === 'filename'), duration('pod-running-timeout', '1m0s'), bool('quiet', 'q'), bool('stdin', 'i'), bool('tty', 't')],
  run,
};

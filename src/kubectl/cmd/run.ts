/**
 * `kubectl run NAME --image=...` (kubectl/pkg/cmd/run/run.go and the pod
 * generator generate/versioned/run.go): one pod labelled run=NAME. With
 * `-i`/`--attach` kubectl waits for the pod to run, attaches, prints the
 * output and, with `--rm`, deletes the pod (`pod "x" deleted`). There is no
 * terminal in a scenario, so `-t` gives kubectl's TTY warning; attaching runs
 * the container's command through the kubelet with the given stdin.
 */
import type { Pod } from '../../api/core.ts';
import type { KubeObject } from '../../api/meta.ts';
import type { CommandSpec, Invocation } from '../command.ts';
import { dryRunStrategy, dryRunSuffix } from '../dry-run.ts';
import { KubectlError, SilentExit, UsageError } from '../errors.ts';
import { DRY_RUN_FLAG, FILENAME_FLAGS, PRINT_FLAGS, bool, duration, int, str, strArray } from '../flags/flag-spec.ts';
import { commandNamespace } from '../namespace.ts';
import { checkWriteOutput, printWritten } from '../print-result.ts';
import { forServer } from '../server-object.ts';
import { NO_TTY_WARNING } from './exec.ts';

function parseLabels(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new KubectlError(`invalid label spec: ${pair}`);
    out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}

export interface PodGeneratorOptions {
  name: string;
  image: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  port: string;
  env: string[];
  args: string[];
  command: boolean;
  stdin: boolean;
  tty: boolean;
  leaveStdinOpen: boolean;
  restartPolicy: string;
  imagePullPolicy: string;
  namespace?: string;
}

/** BasicPod, fields in core/v1 struct order. */
export function generatePod(o: PodGeneratorOptions): KubeObject {
  const container: Record<string, unknown> = { name: o.name, image: o.image };
  if (o.args.length > 0) container[o.command ? 'command' : 'args'] = o.args;
  if (o.port !== '') {
    if (!/^\d+$/.test(o.port)) throw new KubectlError(`strconv.Atoi: parsing "${o.port}": invalid syntax`);
    container.ports = [{ containerPort: Number(o.port) }];
  }
  if (o.env.length > 0) {
    container.env = o.env.map((e) => {
      const eq = e.indexOf('=');
      if (eq <= 0) throw new KubectlError(`invalid env: ${e}`);
      return { name: e.slice(0, eq), value: e.slice(eq + 1) };
    });
  }
  container.resources = {};
  if (o.imagePullPolicy) container.imagePullPolicy = o.imagePullPolicy;
  if (o.stdin) container.stdin = true;
  if (o.stdin && !o.leaveStdinOpen) container.stdinOnce = true;
  if (o.tty) container.tty = true;
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: {
      name: o.name,
      ...(o.namespace ? { namespace: o.namespace } : {}),
      creationTimestamp: null as unknown as string,
      labels: o.labels,
      ...(Object.keys(o.annotations).length > 0 ? { annotations: o.annotations } : {}),
    },
    spec: { containers: [container], restartPolicy: o.restartPolicy, dnsPolicy: 'ClusterFirst' },
    status: {},
  };
}

async function run(inv: Invocation): Promise<void> {
  const dash = inv.argsLenAtDash;
  if (inv.args.length === 0 || dash === 0) throw new UsageError('NAME is required for run', inv.commandPath);
  if (inv.flags.duration('pod-running-timeout') <= 0) throw new UsageError('--pod-running-timeout must be higher than zero', inv.commandPath);
  const image = inv.flags.string('image');
  if (image === '') throw new KubectlError('--image is required');
  if (!/^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(\/[a-z0-9]+([._-]+[a-z0-9]+)*)*(:[\w][\w.-]{0,127})?(@[A-Za-z][A-Za-z0-9]*:[0-9a-fA-F]{32,})?$/i.test(image)) {
    throw new KubectlError(`Invalid image name "${image}": invalid reference format`);
  }
  const stdin = inv.flags.bool('stdin');
  const tty = inv.flags.bool('tty');
  if (tty && !stdin) throw new UsageError('-i/--stdin is required for containers with -t/--tty=true', inv.commandPath);
  if (inv.flags.bool('expose') && inv.flags.string('port') === '') throw new UsageError('--port must be set when exposing a service', inv.commandPath);
  const restart = inv.flags.string('restart');
  const restartPolicy = restart === '' ? (stdin ? 'OnFailure' : 'Always') : restart;
  if (!['Always', 'OnFailure', 'Never'].includes(restartPolicy)) throw new UsageError(`invalid restart policy: ${restart}`, inv.commandPath);
  const attach = inv.flags.bool('attach') || (!inv.flags.changed('attach') && stdin);
  const remove = inv.flags.bool('rm');
  if (!attach && remove) throw new UsageError('--rm should only be used for attached containers', inv.commandPath);
  const strategy = dryRunStrategy(inv);
  if (attach && strategy !== 'none') {
    throw new UsageError("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)", inv.commandPath);
  }
  checkWriteOutput(inv.flags.string('output'));
  const name = inv.args[0];
  const ns = commandNamespace(inv);
  const labelsText = inv.flags.string('labels');
  const annotations: Record<string, string> = {};
  for (const a of inv.flags.list('annotations')) annotations[a.slice(0, a.indexOf('='))] = a.slice(a.indexOf('=') + 1);
  const pod = generatePod({
    name,
    image,
    labels: labelsText ? parseLabels(labelsText) : { run: name },
    annotations,
    port: inv.flags.string('port'),
    env: inv.flags.list('env'),
    args: inv.args.slice(1),
    command: inv.flags.bool('command'),
    stdin,
    tty,
    leaveStdinOpen: inv.flags.bool('leave-stdin-open'),
    restartPolicy,
    imagePullPolicy: inv.flags.string('image-pull-policy'),
    namespace: ns.enforce ? ns.namespace : undefined,
  });
  const api = inv.host.api;
  const podResource = api.resolveResource('pods')!;
  if (strategy === 'client') {
    printWritten(inv, { resource: podResource, object: pod }, `created${dryRunSuffix(strategy)}`, true);
    return;
  }
  const toSend = forServer(pod);
  toSend.metadata.namespace = ns.namespace;
  const created = api.create(toSend, { dryRun: strategy === 'server', fieldManager: inv.flags.string('field-manager') });
  for (const w of created.warnings) inv.out.warning(w);
  inv.host.settle();
  if (!attach) {
    printWritten(inv, { resource: podResource, object: created.object }, `created${dryRunSuffix(strategy)}`, true);
    return;
  }
  if (tty) inv.out.err(NO_TTY_WARNING);
  const key = { kind: 'Pod', namespace: ns.namespace, name };
  const started = () => ['Running', 'Succeeded', 'Failed'].includes(api.tryGet<Pod>(key)?.status?.phase ?? '');
  const ok = started() || (await inv.host.waitFor(started, inv.flags.duration('pod-running-timeout') / 1000));
  if (!ok) throw new KubectlError('timed out waiting for the condition');
  if (!inv.flags.bool('quiet')) inv.out.err("If you don't see a command prompt, try pressing enter.\n");
  const spec = (created.object as Pod).spec.containers[0];
  const argv = [...(spec.command ?? []), ...(spec.args ?? [])];
  const result = await inv.host.exec(ns.namespace, name, name, argv.length > 0 ? argv : ['sh'], stdin ? inv.ctx.stdin : '', false);
  inv.out.out(result.stdout);
  inv.out.err(result.stderr);
  if (remove) {
    api.delete(key);
    inv.host.settle();
    inv.out.out(`pod "${name}" deleted\n`);
  }
  if (restartPolicy === 'Never' && result.exitCode !== 0) throw new SilentExit(result.exitCode);
}

export const runCommand: CommandSpec = {
  name: 'run',
  flags: [
    ...PRINT_FLAGS,
    strArray('annotations'),
    bool('attach'),
    { name: 'cascade', type: 'string', default: 'background', noOptDefVal: 'background' },
    bool('command'),
    DRY_RUN_FLAG,
    strArray('env'),
    bool('expose'),
    str('field-manager', undefined, 'kubectl-run'),
    ...FILENAME_FLAGS,
    bool('force'),
    int('grace-period', undefined, '-1'),
    str('image'),
    str('image-pull-policy'),
    str('labels', 'l'),
    bool('leave-stdin-open'),
    str('override-type', undefined, 'merge'),
    str('overrides'),
    duration('pod-running-timeout', '1m0s'),
    str('port'),
    bool('privileged'),
    bool('quiet', 'q'),
    str('restart', undefined, 'Always'),
    bool('rm'),
    bool('save-config'),
    bool('stdin', 'i'),
    duration('timeout', '0s'),
    bool('tty', 't'),
    bool('wait'),
  ],
  requiredFlags: ['image'],
  run,
};

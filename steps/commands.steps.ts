/**
 * Running commands: on the user's machine (kubectl goes to the scenario's
 * cluster), in a pod, on a node, or from outside the cluster network.
 * A failing command never fails its step: the Then steps judge the outcome.
 */
import { redact } from '../src/report/redact.ts';
import { execInPod } from '../src/dsl/command-lines.ts';
import { yamlScalar } from '../src/dsl/field-edit.ts';
import { defineStep } from './support/define-step.ts';
import type { ScenarioWorld } from './support/world.ts';

/** Drops a leading `$ ` from each line, as tutorials print prompts. */
function withoutPrompts(script: string): string {
  return script
    .split('\n')
    .map((line) => line.replace(/^\s*\$ /, ''))
    .join('\n');
}

defineStep(
  {
    keyword: 'When',
    phrase: 'I run `COMMAND`',
    zh: ['我运行 `COMMAND`', '执行 `COMMAND`'],
    summary:
      'Runs one command line in a shell on the user\'s machine: `;`, `&&`, `||`, `|`, redirections into scenario files and the usual text tools work; `kubectl` goes to the scenario\'s cluster. Its standard output becomes "the output".',
    example: 'When I run `kubectl get pods -l run=my-nginx -o wide`',
    group: 'Commands',
  },
  /^I run `(.*)`$/,
  async function (this: ScenarioWorld, command: string) {
    await this.run(withoutPrompts(command));
  },
  [/^我运行 `(.*)`$/, /^执行 `(.*)`$/],
);

defineStep(
  {
    keyword: 'When',
    phrase: 'I run:',
    zh: ['我运行:'],
    summary:
      'Runs each line of the doc string in turn, in one shell (a leading `$ ` is dropped, here-documents span lines). "The output" is the output of the last command; an earlier failing line is logged in the report.',
    example: 'When I run:\n  """\n  $ kubectl scale deployment my-nginx --replicas=0\n  $ kubectl scale deployment my-nginx --replicas=2\n  """',
    group: 'Commands',
    argument: 'doc string',
  },
  /^I run:$/,
  async function (this: ScenarioWorld, script: string) {
    const result = await this.run(withoutPrompts(script));
    for (const { command, result: r } of result.commands.slice(0, -1)) {
      if (r.exitCode !== 0) this.log(redact(`line \`${command}\` exited with ${r.exitCode}: ${r.stderr.trim()}`));
    }
  },
  [/^我运行[:：]$/],
);

defineStep(
  {
    keyword: 'When',
    phrase: 'I run `COMMAND` in pod "NAME"',
    zh: ['我在 pod "NAME" 中运行 `COMMAND`'],
    summary: "Exactly `kubectl exec NAME -- sh -c 'COMMAND'`: runs COMMAND with the pod's own shell and tools.",
    example: 'When I run `nslookup my-nginx` in pod "curl"',
    group: 'Commands',
  },
  /^I run `(.*)` in pod "([^"]+)"$/,
  async function (this: ScenarioWorld, command: string, pod: string) {
    await this.run(execInPod(pod, command));
  },
  [{ pattern: /^我在 pod "([^"]+)" 中运行 `(.*)`$/, argOrder: [1, 0] }],
);

defineStep(
  {
    keyword: 'When',
    phrase: 'I run `COMMAND` on node "NODE"',
    zh: ['我在节点 "NODE" 上运行 `COMMAND`'],
    summary: 'Runs COMMAND in a shell on a cluster node: curl to ClusterIPs and pod IPs, `iptables-save`, `ipvsadm -Ln`.',
    example: 'When I run `iptables-save -t nat` on node "kind-worker"',
    group: 'Commands',
  },
  /^I run `(.*)` on node "([^"]+)"$/,
  async function (this: ScenarioWorld, command: string, node: string) {
    await this.run(command, { kind: 'node', node });
  },
  [{ pattern: /^我在节点 "([^"]+)" 上运行 `(.*)`$/, argOrder: [1, 0] }],
);

defineStep(
  {
    keyword: 'When',
    phrase: 'I run `COMMAND` from outside the cluster',
    zh: ['我从集群外运行 `COMMAND`'],
    summary: 'Runs COMMAND as a client outside the cluster network: it reaches NodePorts on node addresses, LoadBalancer addresses and Ingress, never ClusterIPs or pod IPs.',
    example: 'When I run `curl -s http://${NODE_IP}:${NODE_PORT}` from outside the cluster',
    group: 'Commands',
  },
  /^I run `(.*)` from outside the cluster$/,
  async function (this: ScenarioWorld, command: string) {
    await this.run(command, { kind: 'outside' });
  },
  [/^我从集群外运行 `(.*)`$/],
);

defineStep(
  {
    keyword: 'When',
    phrase: 'I run `kubectl edit ...` changing "FIELD" to "VALUE"',
    zh: ['我运行 `kubectl edit ...` 把 "FIELD" 改为 "VALUE"'],
    summary:
      'Runs `kubectl edit` as a person would, whose editor changes FIELD (a dotted path such as spec.type) to VALUE and saves. Numbers and true/false are read as YAML reads them.',
    example: 'When I run `kubectl edit svc my-nginx` changing "spec.type" to "LoadBalancer"',
    group: 'Commands',
  },
  /^I run `(kubectl edit .*)` changing "([^"]+)" to "([^"]*)"$/,
  async function (this: ScenarioWorld, command: string, path: string, value: string) {
    await this.backend.queueEdit({ path, value: yamlScalar(value) });
    await this.run(command);
  },
  [/^我运行 `(kubectl edit .*)` 把 "([^"]+)" 改为 "([^"]*)"$/],
);

/**
 * `kubectl config current-context|view|get-contexts` for the kubeconfig kind
 * writes (one cluster, context and user named kind-kind). `view` redacts
 * certificate data as kubectl does (`DATA+OMITTED`) unless `--raw`.
 */
import type { CommandSpec, Invocation } from '../command.ts';
import { KubectlError } from '../errors.ts';
import { bool, str } from '../flags/flag-spec.ts';
import { formatTable } from '../table-text.ts';

function viewYaml(inv: Invocation): string {
  const name = inv.host.currentContext;
  const data = inv.flags.bool('raw') ? 'REDACTED' : 'DATA+OMITTED';
  const ns = inv.host.namespace && inv.host.namespace !== 'default' ? `    namespace: ${inv.host.namespace}\n` : '';
  return [
    'apiVersion: v1',
    'clusters:',
    '- cluster:',
    `    certificate-authority-data: ${data}`,
    `    server: ${inv.host.controlPlaneURL}`,
    `  name: ${name}`,
    'contexts:',
    '- context:',
    `    cluster: ${name}`,
    `${ns}    user: ${name}`,
    `  name: ${name}`,
    `current-context: ${name}`,
    'kind: Config',
    'preferences: {}',
    'users:',
    `- name: ${name}`,
    '  user:',
    `    client-certificate-data: ${data}`,
    `    client-key-data: ${data}`,
    '',
  ].join('\n');
}

export const configCommand: CommandSpec = {
  name: 'config',
  flags: [],
  subcommands: [
    { name: 'current-context', flags: [], run: (inv) => inv.out.out(`${inv.host.currentContext}\n`) },
    {
      name: 'get-contexts',
      flags: [bool('no-headers'), str('output', 'o')],
      run: (inv) => {
        const name = inv.host.currentContext;
        if (inv.args.length > 0 && inv.args[0] !== name) throw new KubectlError(`context ${inv.args[0]} not found`);
        const ns = inv.host.namespace && inv.host.namespace !== 'default' ? inv.host.namespace : '';
        if (inv.flags.string('output') === 'name') return inv.out.out(`${name}\n`);
        const rows = [['*', name, name, name, ns]];
        inv.out.out(formatTable(inv.flags.bool('no-headers') ? rows : [['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE'], ...rows]));
      },
    },
    {
      name: 'view',
      flags: [bool('allow-missing-template-keys', undefined, 'true'), bool('flatten'), bool('merge', undefined, 'true'), bool('minify'), str('output', 'o', 'yaml'), bool('raw'), str('template')],
      run: (inv) => {
        const output = inv.flags.string('output');
        if (output !== 'yaml') throw new KubectlError(`the memory backend's kubeconfig prints only as yaml, not ${output}`);
        inv.out.out(viewYaml(inv));
      },
    },
  ],
};

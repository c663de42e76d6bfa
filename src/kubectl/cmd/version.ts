/**
 * `kubectl version` (kubectl/pkg/cmd/version/version.go): the client is
 * kubectl v1.31.9 as built for this machine (its `version --client -o json`),
 * the server is the cluster's; the skew warning when they are more than one
 * minor version apart.
 */
import type { CommandSpec, Invocation } from '../command.ts';
import { KubectlError } from '../errors.ts';
import { bool, str } from '../flags/flag-spec.ts';

export const CLIENT_VERSION = {
  major: '1',
  minor: '31',
  gitVersion: 'v1.31.9',
  gitCommit: '8f3800390d488f54f74111f22973059e133f9cba',
  gitTreeState: 'clean',
  buildDate: '2025-05-15T09:17:16Z',
  goVersion: 'go1.23.8',
  compiler: 'gc',
  platform: 'linux/amd64',
};

export const KUSTOMIZE_VERSION = 'v5.4.2';

/** go-yaml's plain-or-quoted choice for the scalar strings of a version document. */
function yamlScalar(value: string): string {
  const ambiguous = value === '' || /^[-+]?(\d[\d_]*(\.\d*)?([eE][-+]?\d+)?|\.\d+)$/.test(value) || /^\d{4}-\d\d-\d\d/.test(value);
  const keyword = /^(true|false|yes|no|on|off|y|n|null|~)$/i.test(value);
  return ambiguous || keyword ? `"${value}"` : value;
}

/** sigs.k8s.io/yaml of the version document: keys sorted, two-space indent. */
function versionYaml(doc: Record<string, unknown>): string {
  let out = '';
  for (const key of Object.keys(doc).sort()) {
    const value = doc[key];
    if (typeof value === 'string') {
      out += `${key}: ${yamlScalar(value)}\n`;
      continue;
    }
    out += `${key}:\n`;
    const fields = value as Record<string, string>;
    for (const f of Object.keys(fields).sort()) out += `  ${f}: ${yamlScalar(fields[f])}\n`;
  }
  return out;
}

function run(inv: Invocation): void {
  if (inv.args.length > 0) throw new KubectlError(`extra arguments: [${inv.args.join(' ')}]`);
  const output = inv.flags.string('output');
  if (output !== '' && output !== 'yaml' && output !== 'json') throw new KubectlError("--output must be 'yaml' or 'json'");
  const clientOnly = inv.flags.bool('client');
  const s = inv.host.serverVersion;
  const server = { major: s.major, minor: s.minor, gitVersion: s.gitVersion, gitCommit: s.gitCommit, gitTreeState: 'clean', buildDate: s.buildDate, goVersion: s.goVersion, compiler: 'gc', platform: s.platform };
  const doc: Record<string, unknown> = { clientVersion: CLIENT_VERSION, kustomizeVersion: KUSTOMIZE_VERSION };
  if (!clientOnly) doc.serverVersion = server;
  if (output === 'json') {
    inv.out.out(JSON.stringify(doc, null, 2) + '\n');
  } else if (output === 'yaml') {
    // version.go prints the marshalled YAML with Fprintln, hence the blank line.
    inv.out.out(versionYaml(doc) + "\n");
  } else {
    inv.out.out(`Client Version: ${CLIENT_VERSION.gitVersion}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`);
    if (!clientOnly) inv.out.out(`Server Version: ${s.gitVersion}\n`);
  }
  if (!clientOnly) {
    const skew = Math.abs(Number.parseInt(CLIENT_VERSION.minor, 10) - Number.parseInt(s.minor, 10));
    if (skew > 1) {
      inv.out.err(`WARNING: version difference between client (${CLIENT_VERSION.major}.${CLIENT_VERSION.minor}) and server (${s.major}.${Number.parseInt(s.minor, 10)}) exceeds the supported minor version skew of +/-1\n`);
    }
  }
}

export const versionCommand: CommandSpec = { name: 'version', flags: [bool('client'), str('output', 'o')], run };

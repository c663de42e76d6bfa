/**
 * `kubectl api-resources` (kubectl/pkg/cmd/apiresources/apiresources.go):
 * NAME SHORTNAMES APIVERSION NAMESPACED KIND, core group first then by group,
 * names sorted within a group; `-o wide` adds VERBS, `-o name` prints
 * `resource[.group]`; `--namespaced`, `--api-group`, `--verbs` filter.
 */
import type { ResourceInfo } from '../../apiserver/types.ts';
import type { CommandSpec, Invocation } from '../command.ts';
import { KubectlError } from '../errors.ts';
import { bool, str, strSlice } from '../flags/flag-spec.ts';
import { formatTable } from '../table-text.ts';

function run(inv: Invocation): void {
  const output = inv.flags.string('output');
  if (output !== '' && output !== 'wide' && output !== 'name') throw new KubectlError(`--output ${output} is not available`);
  let resources: ResourceInfo[] = inv.host.api.resources();
  // One row per group/resource: several served versions show the preferred (first) one.
  const seen = new Set<string>();
  resources = resources.filter((r) => {
    const id = `${r.group}/${r.resource}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  if (inv.flags.changed('namespaced')) resources = resources.filter((r) => r.namespaced === inv.flags.bool('namespaced'));
  if (inv.flags.changed('api-group')) resources = resources.filter((r) => r.group === inv.flags.string('api-group'));
  const verbs = inv.flags.list('verbs');
  if (verbs.length > 0) resources = resources.filter((r) => verbs.every((v) => r.verbs.includes(v)));
  const groupOrder = [...new Set(resources.map((r) => r.group))];
  resources.sort((a, b) => {
    if (a.group !== b.group) return a.group === '' ? -1 : b.group === '' ? 1 : groupOrder.indexOf(a.group) - groupOrder.indexOf(b.group);
    return a.resource < b.resource ? -1 : a.resource > b.resource ? 1 : 0;
  });
  if (output === 'name') {
    inv.out.out(resources.map((r) => (r.group ? `${r.resource}.${r.group}\n` : `${r.resource}\n`)).join(''));
    return;
  }
  const header = ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(output === 'wide' ? ['VERBS'] : [])];
  const rows = resources.map((r) => [
    r.resource,
    r.shortNames.join(','),
    r.group ? `${r.group}/${r.version}` : r.version,
    String(r.namespaced),
    r.kind,
    ...(output === 'wide' ? [`[${r.verbs.join(' ')}]`] : []),
  ]);
  inv.out.out(formatTable(inv.flags.bool('no-headers') ? rows : [header, ...rows]));
}

export const apiResourcesCommand: CommandSpec = {
  name: 'api-resources',
  flags: [str('api-group'), bool('cached'), str('categories'), bool('namespaced', undefined, 'true'), bool('no-headers'), str('output', 'o'), str('sort-by'), strSlice('verbs')],
  run,
};

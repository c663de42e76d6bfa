/**
 * `kubectl top pod|node`: kind has no metrics-server, so kubectl reports the
 * missing Metrics API (kubectl/pkg/cmd/top/top_pod.go, top_node.go).
 */
import type { CommandSpec } from '../command.ts';
import { KubectlError } from '../errors.ts';
import { bool, str } from '../flags/flag-spec.ts';

const noMetrics = () => {
  throw new KubectlError('Metrics API not available');
};

export const topCommand: CommandSpec = {
  name: 'top',
  flags: [],
  subcommands: [
    { name: 'node', aliases: ['nodes', 'no'], flags: [bool('no-headers'), str('selector', 'l'), str('sort-by'), bool('show-capacity')], run: noMetrics },
    {
      name: 'pod',
      aliases: ['pods', 'po'],
      flags: [bool('all-namespaces', 'A'), bool('containers'), str('field-selector'), bool('no-headers'), str('selector', 'l'), str('sort-by'), bool('sum')],
      run: noMetrics,
    },
  ],
};

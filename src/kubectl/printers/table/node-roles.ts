/**
 * Node roles from labels: `node-role.kubernetes.io/<role>` keys and the `kubernetes.io/role`
 * value, sorted and de-duplicated (findNodeRoles in pkg/printers/internalversion/printers.go
 * and k8s.io/kubectl/pkg/describe/describe.go).
 */
import type { Node } from '../../../api/core.ts';
import { compareStrings } from '../label-format.ts';

const NODE_ROLE_PREFIX = 'node-role.kubernetes.io/';
const NODE_LABEL_ROLE = 'kubernetes.io/role';

export function findNodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata.labels ?? {})) {
    if (key.startsWith(NODE_ROLE_PREFIX)) {
      const role = key.slice(NODE_ROLE_PREFIX.length);
      if (role.length > 0) roles.add(role);
    } else if (key === NODE_LABEL_ROLE && value !== '') {
      roles.add(value);
    }
  }
  return [...roles].sort(compareStrings);
}

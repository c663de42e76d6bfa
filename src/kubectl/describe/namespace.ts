/**
 * `kubectl describe namespace` (NamespaceDescriber and describeNamespace in
 * k8s.io/kubectl/pkg/describe/describe.go): name, labels, annotations, phase, the conditions a
 * terminating namespace carries, then the quota and limit-range sections. kind clusters serve
 * both kinds and a fresh namespace has neither, so the sections read `No resource quota.` and
 * `No LimitRange resource.`; the memory cluster does not model quotas, so they always do.
 */
import type { Namespace } from '../../api/core.ts';
import type { Condition } from '../../api/meta.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './multiline.ts';
import { LEVEL_0, LEVEL_1, tabbedString } from './prefix-writer.ts';
import { formatRfc1123z } from './time-format.ts';

export function describeNamespace(ns: Namespace): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ns.metadata.name}\n`);
    printLabelsMultiline(w, 'Labels', ns.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', ns.metadata.annotations);
    w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`);
    const conditions = (ns.status as { conditions?: Condition[] } | undefined)?.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n');
      for (const c of conditions) {
        w.write(LEVEL_1, `${c.type}\t${c.status}\t${formatRfc1123z(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
      }
    }
    w.write(LEVEL_0, '\n');
    w.write(LEVEL_0, 'No resource quota.\n');
    w.write(LEVEL_0, '\n');
    w.write(LEVEL_0, 'No LimitRange resource.\n');
  });
}

/** `kubectl describe replicaset` (describeReplicaSet in k8s.io/kubectl/pkg/describe/describe.go). */
import type { ReplicaSet } from '../../api/apps.ts';
import type { ApiServer } from '../../apiserver/types.ts';
import { formatLabelSelector, selectorString } from '../printers/label-format.ts';
import { podStatusForController } from './controller-pods.ts';
import { DEFAULT_DESCRIBER_SETTINGS, type DescriberSettings, describeEvents, searchEvents, targetOf } from './events.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './multiline.ts';
import { controllerOf } from './owner.ts';
import { describePodTemplate } from './pod-template.ts';
import { LEVEL_0, tabbedString } from './prefix-writer.ts';
import { writeControllerConditions } from './workload-conditions.ts';

export function describeReplicaSet(rs: ReplicaSet, api: ApiServer, now: number, settings: DescriberSettings = DEFAULT_DESCRIBER_SETTINGS): string {
  const podsStatus = podStatusForController(api, rs, selectorString(rs.spec.selector));
  const events = searchEvents(api, targetOf(rs), settings);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${rs.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${rs.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec.selector)}\n`);
    printLabelsMultiline(w, 'Labels', rs.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', rs.metadata.annotations);
    const controlledBy = controllerOf(rs);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec.replicas ?? 1} desired\n`);
    w.write(LEVEL_0, 'Pods Status:\t');
    w.write(LEVEL_0, `${podsStatus}\n`);
    describePodTemplate(rs.spec.template, w);
    writeControllerConditions(w, (rs.status as { conditions?: { type: string; status: string; reason?: string }[] } | undefined)?.conditions);
    describeEvents(events, w, now);
  });
}

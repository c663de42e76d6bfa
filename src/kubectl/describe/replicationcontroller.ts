/** `kubectl describe replicationcontroller` (describeReplicationController in k8s.io/kubectl/pkg/describe/describe.go). */
import type { ReplicationController } from '../../api/core.ts';
import type { ApiServer } from '../../apiserver/types.ts';
import { formatLabels, labelsString } from '../printers/label-format.ts';
import { podStatusForController } from './controller-pods.ts';
import { DEFAULT_DESCRIBER_SETTINGS, type DescriberSettings, describeEvents, searchEvents, targetOf } from './events.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './multiline.ts';
import { describePodTemplate } from './pod-template.ts';
import { LEVEL_0, tabbedString } from './prefix-writer.ts';
import { writeControllerConditions } from './workload-conditions.ts';

export function describeReplicationController(rc: ReplicationController, api: ApiServer, now: number, settings: DescriberSettings = DEFAULT_DESCRIBER_SETTINGS): string {
  const podsStatus = podStatusForController(api, rc, labelsString(rc.spec.selector));
  const events = searchEvents(api, targetOf(rc), settings);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${rc.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${rc.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabels(rc.spec.selector)}\n`);
    printLabelsMultiline(w, 'Labels', rc.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', rc.metadata.annotations);
    w.write(LEVEL_0, `Replicas:\t${rc.status?.replicas ?? 0} current / ${rc.spec.replicas ?? 1} desired\n`);
    w.write(LEVEL_0, `Pods Status:\t${podsStatus}\n`);
    describePodTemplate(rc.spec.template, w);
    writeControllerConditions(w, (rc.status as { conditions?: { type: string; status: string; reason?: string }[] } | undefined)?.conditions);
    describeEvents(events, w, now);
  });
}

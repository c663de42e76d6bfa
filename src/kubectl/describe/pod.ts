/**
 * `kubectl describe pod` (describePod in k8s.io/kubectl/pkg/describe/describe.go, as kubectl v1.32.4
 * prints it).
 */
import type { Pod } from '../../api/core.ts';
import type { ApiServer } from '../../apiserver/types.ts';
import { translateTimestampSince } from '../printers/age.ts';
import { describeContainers, podEnvResolver } from './containers.ts';
import { DEFAULT_DESCRIBER_SETTINGS, type DescriberSettings, describeEvents, searchEvents, targetOf } from './events.ts';
import { printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline } from './multiline.ts';
import { controllerOf } from './owner.ts';
import { LEVEL_0, LEVEL_1, tabbedString } from './prefix-writer.ts';
import { podQosClass } from './qos.ts';
import { formatRfc1123z } from './time-format.ts';
import { describeVolumes } from './volumes.ts';

export function describePod(pod: Pod, api: ApiServer, now: number, settings: DescriberSettings = DEFAULT_DESCRIBER_SETTINGS): string {
  // pod events are searched without their kind (describe.go clears ref.Kind)
  const events = searchEvents(api, { ...targetOf(pod), kind: '' }, settings);
  const status = pod.status ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${pod.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${pod.metadata.namespace ?? ''}\n`);
    if (pod.spec.priority !== undefined) w.write(LEVEL_0, `Priority:\t${pod.spec.priority}\n`);
    if (pod.spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${pod.spec.priorityClassName}\n`);
    if (pod.spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${pod.spec.serviceAccountName}\n`);
    w.write(LEVEL_0, pod.spec.nodeName ? `Node:\t${pod.spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n');
    if (status.startTime) w.write(LEVEL_0, `Start Time:\t${formatRfc1123z(status.startTime)}\n`);
    printLabelsMultiline(w, 'Labels', pod.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', pod.metadata.annotations);
    if (pod.metadata.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
      w.write(LEVEL_0, `Status:\tTerminating (lasts ${translateTimestampSince(pod.metadata.deletionTimestamp, now)})\n`);
      w.write(LEVEL_0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`);
    } else {
      w.write(LEVEL_0, `Status:\t${status.phase ?? ''}\n`);
    }
    if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`);
    if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`);
    w.write(LEVEL_0, `IP:\t${status.podIP ?? ''}\n`);
    const podIPs = status.podIPs ?? [];
    if (podIPs.length === 0) {
      w.write(LEVEL_0, 'IPs:\t<none>\n');
    } else {
      w.write(LEVEL_0, 'IPs:\n');
      for (const ip of podIPs) w.write(LEVEL_1, `IP:\t${ip.ip}\n`);
    }
    const controlledBy = controllerOf(pod);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    if (status.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
    const resolve = podEnvResolver(pod);
    if ((pod.spec.initContainers ?? []).length > 0) {
      describeContainers('Init Containers', pod.spec.initContainers ?? [], status.initContainerStatuses, resolve, w, '');
    }
    describeContainers('Containers', pod.spec.containers, status.containerStatuses, resolve, w, '');
    const gates = pod.spec.readinessGates ?? [];
    if (gates.length > 0) {
      w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n');
      for (const gate of gates) {
        const condition = (status.conditions ?? []).find((c) => c.type === gate.conditionType);
        w.write(LEVEL_1, `${gate.conditionType} \t${condition ? condition.status : '<none>'} \n`);
      }
    }
    const conditions = status.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
      for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
    }
    describeVolumes(pod.spec.volumes, w, '');
    w.write(LEVEL_0, `QoS Class:\t${podQosClass(pod)}\n`);
    printLabelsMultiline(w, 'Node-Selectors', pod.spec.nodeSelector);
    printTolerationsMultiline(w, 'Tolerations', pod.spec.tolerations);
    describeEvents(events, w, now);
  });
}

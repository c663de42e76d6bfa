/**
 * `kubectl describe deployment` (describeDeployment in k8s.io/kubectl/pkg/describe/describe.go, and
 * the new/old ReplicaSet lookup of k8s.io/kubectl/pkg/util/deployment: the ReplicaSets the
 * deployment controls, the oldest one whose template equals the deployment's, ignoring
 * pod-template-hash, being the new one).
 */
import type { Deployment, ReplicaSet } from '../../api/apps.ts';
import type { PodTemplateSpec } from '../../api/core.ts';
import type { ApiServer } from '../../apiserver/types.ts';
import { marshalJson } from '../printers/go-json.ts';
import { selectorString } from '../printers/label-format.ts';
import { DEFAULT_DESCRIBER_SETTINGS, type DescriberSettings, describeEvents, searchEvents, targetOf } from './events.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './multiline.ts';
import { describePodTemplate } from './pod-template.ts';
import { LEVEL_0, tabbedString } from './prefix-writer.ts';
import { formatRfc1123z } from './time-format.ts';
import { writeControllerConditions } from './workload-conditions.ts';

function templateWithoutHash(template: PodTemplateSpec | undefined): string {
  if (!template) return 'null';
  const labels = { ...(template.metadata?.labels ?? {}) };
  delete labels['pod-template-hash'];
  return marshalJson({ ...template, metadata: { ...(template.metadata ?? {}), labels } });
}

function controlledReplicaSets(api: ApiServer, d: Deployment): ReplicaSet[] {
  try {
    return api
      .list<ReplicaSet>('ReplicaSet', { namespace: d.metadata.namespace, labelSelector: selectorString(d.spec.selector) || undefined })
      .filter((rs) => (rs.metadata.ownerReferences ?? []).some((r) => r.controller === true && r.uid === d.metadata.uid));
  } catch {
    return [];
  }
}

function replicaSetsString(list: ReplicaSet[]): string {
  const text = list.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec.replicas ?? 1} replicas created)`).join(', ');
  return text === '' ? '<none>' : text;
}

export function describeDeployment(d: Deployment, api: ApiServer, now: number, settings: DescriberSettings = DEFAULT_DESCRIBER_SETTINGS): string {
  const events = searchEvents(api, targetOf(d), settings);
  const all = controlledReplicaSets(api, d);
  const wanted = templateWithoutHash(d.spec.template);
  const byAge = [...all].sort(
    (a, b) => (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '') || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''),
  );
  const newRS = byAge.find((rs) => templateWithoutHash(rs.spec.template) === wanted);
  const oldRSs = all.filter((rs) => rs !== newRS);
  const status = d.status ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${d.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${d.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${formatRfc1123z(d.metadata.creationTimestamp)}\n`);
    printLabelsMultiline(w, 'Labels', d.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', d.metadata.annotations);
    w.write(LEVEL_0, `Selector:\t${selectorString(d.spec.selector)}\n`);
    w.write(
      LEVEL_0,
      `Replicas:\t${d.spec.replicas ?? 1} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable\n`,
    );
    w.write(LEVEL_0, `StrategyType:\t${d.spec.strategy?.type ?? ''}\n`);
    w.write(LEVEL_0, `MinReadySeconds:\t${d.spec.minReadySeconds ?? 0}\n`);
    const rolling = d.spec.strategy?.rollingUpdate;
    if (rolling) w.write(LEVEL_0, `RollingUpdateStrategy:\t${rolling.maxUnavailable ?? 0} max unavailable, ${rolling.maxSurge ?? 0} max surge\n`);
    describePodTemplate(d.spec.template, w);
    writeControllerConditions(w, status.conditions);
    if (all.length > 0) {
      w.write(LEVEL_0, `OldReplicaSets:\t${replicaSetsString(oldRSs)}\n`);
      w.write(LEVEL_0, `NewReplicaSet:\t${replicaSetsString(newRS ? [newRS] : [])}\n`);
    }
    describeEvents(events, w, now);
  });
}

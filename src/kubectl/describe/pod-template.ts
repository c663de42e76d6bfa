/**
 * `Pod Template:` of workload descriptions (DescribePodTemplate in k8s.io/kubectl/pkg/describe/describe.go,
 * as kubectl v1.32.4 prints it: labels, annotations when present, service account, init containers,
 * containers, volumes, priority class, node selectors and tolerations).
 */
import type { PodTemplateSpec } from '../../api/core.ts';
import { describeContainers } from './containers.ts';
import { printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline } from './multiline.ts';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefix-writer.ts';
import { describeVolumes } from './volumes.ts';

export function describePodTemplate(template: PodTemplateSpec | undefined, w: PrefixWriter): void {
  w.write(LEVEL_0, 'Pod Template:\n');
  if (!template) {
    w.write(LEVEL_1, '<unset>');
    return;
  }
  printLabelsMultiline(w, '  Labels', template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0) printAnnotationsMultiline(w, '  Annotations', template.metadata?.annotations);
  const spec = template.spec;
  if (spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`);
  if ((spec.initContainers ?? []).length > 0) describeContainers('Init Containers', spec.initContainers ?? [], undefined, undefined, w, '  ');
  describeContainers('Containers', spec.containers ?? [], undefined, undefined, w, '  ');
  describeVolumes(spec.volumes, w, '  ');
  if (spec.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  printLabelsMultiline(w, '  Node-Selectors', spec.nodeSelector);
  printTolerationsMultiline(w, '  Tolerations', spec.tolerations);
}

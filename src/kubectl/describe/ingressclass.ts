/** `kubectl describe ingressclass` (describeIngressClassV1 in k8s.io/kubectl/pkg/describe/describe.go). */
import type { ApiServer } from '../../apiserver/types.ts';
import type { IngressClass } from '../../api/networking.ts';
import { DEFAULT_DESCRIBER_SETTINGS, type DescriberSettings, describeEvents, searchEvents, targetOf } from './events.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './multiline.ts';
import { LEVEL_0, LEVEL_1, tabbedString } from './prefix-writer.ts';

export function describeIngressClass(ic: IngressClass, api: ApiServer, now: number, settings: DescriberSettings = DEFAULT_DESCRIBER_SETTINGS): string {
  const events = searchEvents(api, targetOf(ic), settings);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ic.metadata.name}\n`);
    printLabelsMultiline(w, 'Labels', ic.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', ic.metadata.annotations);
    w.write(LEVEL_0, `Controller:\t${ic.spec.controller ?? ''}\n`);
    const parameters = ic.spec.parameters as { apiGroup?: string; kind?: string; name?: string } | undefined;
    if (parameters) {
      w.write(LEVEL_0, 'Parameters:\n');
      if (parameters.apiGroup !== undefined) w.write(LEVEL_1, `APIGroup:\t${parameters.apiGroup}\n`);
      w.write(LEVEL_1, `Kind:\t${parameters.kind ?? ''}\n`);
      w.write(LEVEL_1, `Name:\t${parameters.name ?? ''}\n`);
    }
    describeEvents(events, w, now);
  });
}

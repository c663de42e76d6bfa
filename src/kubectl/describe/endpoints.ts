/** `kubectl describe endpoints` (describeEndpoints in k8s.io/kubectl/pkg/describe/describe.go): one block per subset. */
import type { Endpoints } from '../../api/core.ts';
import type { ApiServer } from '../../apiserver/types.ts';
import { DEFAULT_DESCRIBER_SETTINGS, type DescriberSettings, describeEvents, searchEvents, targetOf } from './events.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './multiline.ts';
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbedString } from './prefix-writer.ts';

export function describeEndpoints(ep: Endpoints, api: ApiServer, now: number, settings: DescriberSettings = DEFAULT_DESCRIBER_SETTINGS): string {
  const events = searchEvents(api, targetOf(ep), settings);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ep.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${ep.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', ep.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', ep.metadata.annotations);
    w.write(LEVEL_0, 'Subsets:\n');
    for (const subset of ep.subsets ?? []) {
      const ready = (subset.addresses ?? []).map((a) => a.ip).join(',');
      w.write(LEVEL_1, `Addresses:\t${ready || '<none>'}\n`);
      const notReady = (subset.notReadyAddresses ?? []).map((a) => a.ip).join(',');
      w.write(LEVEL_1, `NotReadyAddresses:\t${notReady || '<none>'}\n`);
      if ((subset.ports ?? []).length > 0) {
        w.write(LEVEL_1, 'Ports:\n');
        w.write(LEVEL_2, 'Name\tPort\tProtocol\n');
        w.write(LEVEL_2, '----\t----\t--------\n');
        for (const port of subset.ports ?? []) w.write(LEVEL_2, `${port.name || '<unset>'}\t${port.port}\t${port.protocol ?? 'TCP'}\n`);
      }
      w.write(LEVEL_0, '\n');
    }
    describeEvents(events, w, now);
  });
}

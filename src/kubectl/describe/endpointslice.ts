/** `kubectl describe endpointslice` (describeEndpointSliceV1 in k8s.io/kubectl/pkg/describe/describe.go). */
import type { EndpointSlice } from '../../api/discovery.ts';
import type { ApiServer } from '../../apiserver/types.ts';
import { DEFAULT_DESCRIBER_SETTINGS, type DescriberSettings, describeEvents, searchEvents, targetOf } from './events.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './multiline.ts';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, tabbedString } from './prefix-writer.ts';

export function describeEndpointSlice(slice: EndpointSlice, api: ApiServer, now: number, settings: DescriberSettings = DEFAULT_DESCRIBER_SETTINGS): string {
  const events = searchEvents(api, targetOf(slice), settings);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${slice.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${slice.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', slice.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', slice.metadata.annotations);
    w.write(LEVEL_0, `AddressType:\t${slice.addressType}\n`);
    const ports = slice.ports ?? [];
    if (ports.length === 0) {
      w.write(LEVEL_0, 'Ports: <unset>\n');
    } else {
      w.write(LEVEL_0, 'Ports:\n');
      w.write(LEVEL_1, 'Name\tPort\tProtocol\n');
      w.write(LEVEL_1, '----\t----\t--------\n');
      for (const port of ports) {
        const portNum = port.port === undefined || port.port === null ? '<unset>' : String(port.port);
        w.write(LEVEL_1, `${port.name || '<unset>'}\t${portNum}\t${port.protocol ?? 'TCP'}\n`);
      }
    }
    const endpoints = slice.endpoints ?? [];
    if (endpoints.length === 0) {
      w.write(LEVEL_0, 'Endpoints: <none>\n');
    } else {
      w.write(LEVEL_0, 'Endpoints:\n');
      for (const endpoint of endpoints) {
        w.write(LEVEL_1, `- Addresses:\t${endpoint.addresses.join(',') || '<none>'}\n`);
        w.write(LEVEL_2, 'Conditions:\n');
        const ready = endpoint.conditions?.ready;
        w.write(LEVEL_3, `Ready:\t${ready === undefined || ready === null ? '<unset>' : String(ready)}\n`);
        w.write(LEVEL_2, `Hostname:\t${endpoint.hostname ?? '<unset>'}\n`);
        if (endpoint.targetRef) w.write(LEVEL_2, `TargetRef:\t${endpoint.targetRef.kind}/${endpoint.targetRef.name}\n`);
        w.write(LEVEL_2, `NodeName:\t${endpoint.nodeName ?? '<unset>'}\n`);
        w.write(LEVEL_2, `Zone:\t${endpoint.zone ?? '<unset>'}\n`);
      }
    }
    describeEvents(events, w, now);
  });
}

/**
 * `kubectl describe configmap` (ConfigMapDescriber in k8s.io/kubectl/pkg/describe/describe.go, 1.31:
 * each value followed by a blank line since kubernetes/kubernetes#123597; seed 000 shows the older
 * layout without it). Keys are sorted (1.31 iterates the map in random order).
 */
import type { ConfigMap } from '../../api/core.ts';
import type { ApiServer } from '../../apiserver/types.ts';
import { compareStrings } from '../printers/label-format.ts';
import { DEFAULT_DESCRIBER_SETTINGS, type DescriberSettings, describeEvents, searchEvents, targetOf } from './events.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './multiline.ts';
import { LEVEL_0, tabbedString } from './prefix-writer.ts';

export function describeConfigMap(cm: ConfigMap, api: ApiServer, now: number, settings: DescriberSettings = DEFAULT_DESCRIBER_SETTINGS): string {
  const events = searchEvents(api, targetOf(cm), settings);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${cm.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${cm.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', cm.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', cm.metadata.annotations);
    w.write(LEVEL_0, '\nData\n====\n');
    const data = cm.data ?? {};
    for (const key of Object.keys(data).sort(compareStrings)) {
      w.write(LEVEL_0, `${key}:\n----\n`);
      w.write(LEVEL_0, `${data[key]}\n`);
      w.write(LEVEL_0, '\n');
    }
    w.write(LEVEL_0, '\nBinaryData\n====\n');
    const binary = cm.binaryData ?? {};
    for (const key of Object.keys(binary).sort(compareStrings)) {
      w.write(LEVEL_0, `${key}: ${Buffer.from(binary[key], 'base64').length} bytes\n`);
    }
    w.write(LEVEL_0, '\n');
    describeEvents(events, w, now);
  });
}

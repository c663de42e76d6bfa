/**
 * `kubectl describe serviceaccount` (describeServiceAccount in k8s.io/kubectl/pkg/describe/describe.go,
 * as kubectl v1.32.4 prints it: image pull secrets, mountable secrets and tokens).
 */
import type { KubeObject } from '../../api/meta.ts';
import type { ApiServer } from '../../apiserver/types.ts';
import { DEFAULT_DESCRIBER_SETTINGS, type DescriberSettings, describeEvents, searchEvents, targetOf } from './events.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './multiline.ts';
import { LEVEL_0, tabbedString } from './prefix-writer.ts';

const EMPTY_HEADER = '                   ';

export function describeServiceAccount(sa: KubeObject, api: ApiServer, now: number, settings: DescriberSettings = DEFAULT_DESCRIBER_SETTINGS): string {
  const events = searchEvents(api, targetOf(sa), settings);
  const names = (list: unknown): string[] => (Array.isArray(list) ? list.map((s) => (s as { name?: string }).name ?? '') : []);
  const sections: [string, string[]][] = [
    ['Image pull secrets:', names(sa.imagePullSecrets)],
    ['Mountable secrets: ', names(sa.secrets)],
    ['Tokens:            ', []],
  ];
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${sa.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${sa.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', sa.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', sa.metadata.annotations);
    for (const [header, list] of sections) {
      if (list.length === 0) {
        w.write(LEVEL_0, `${header}\t<none>\n`);
        continue;
      }
      let prefix = header;
      for (const name of list) {
        w.write(LEVEL_0, `${prefix}\t${name}\n`);
        prefix = EMPTY_HEADER;
      }
    }
    describeEvents(events, w, now);
  });
}

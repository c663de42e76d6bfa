/**
 * `kubectl describe secret` (describeSecret in k8s.io/kubectl/pkg/describe/describe.go): data sizes
 * only (`tls.crt:  1164 bytes`), never the values, except the token of a service-account-token secret.
 * Keys are sorted (kubectl 1.31 iterates the map in random order; sorting picks one of its outputs).
 */
import type { Secret } from '../../api/core.ts';
import { compareStrings } from '../printers/label-format.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './multiline.ts';
import { LEVEL_0, tabbedString } from './prefix-writer.ts';

export function describeSecret(secret: Secret): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${secret.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${secret.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', secret.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', secret.metadata.annotations);
    w.write(LEVEL_0, `\nType:\t${secret.type ?? ''}\n`);
    w.write(LEVEL_0, '\nData\n====\n');
    const data = secret.data ?? {};
    for (const key of Object.keys(data).sort(compareStrings)) {
      const bytes = Buffer.from(data[key], 'base64');
      if (key === 'token' && secret.type === 'kubernetes.io/service-account-token') w.write(LEVEL_0, `${key}:\t${bytes.toString('utf8')}\n`);
      else w.write(LEVEL_0, `${key}:\t${bytes.length} bytes\n`);
    }
  });
}

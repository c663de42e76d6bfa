/**
 * Makes two clusters' outputs comparable: what legitimately differs between
 * runs (generated name suffixes, addresses, NodePorts, ages, timestamps, uids,
 * resource versions) becomes a placeholder; everything else must match.
 */

/** Kubernetes' generated-name alphabet (apimachinery pkg/util/rand: no vowels, no 0/1/3). */
const SUFFIX = '[bcdfghjklmnpqrstvwxz2456789]';

const RULES: [RegExp, string][] = [
  // The kubeconfig backend's scenario namespace stands where memory's scenarios use default.
  [/\bks-r[a-z0-9]+-\d+-\d+\b/g, 'default'],
  // kube-proxy's chain names hash the namespace and endpoint addresses (proxier.go servicePortChainName).
  [/\bKUBE-(SVC|SEP|EXT|FW|SVL|XLB)-[A-Z0-9]{16}\b/g, 'KUBE-$1-<hash>'],
  // Long base64 runs: keys and certificates made fresh by each run.
  [/^[A-Za-z0-9+/]{60,}={0,2}$/gm, '<base64>'],
  // A node port remembered on its own.
  [/^3[0-2]\d{3}$/gm, '<nodeport>'],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, '<uid>'],
  [/\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z\b/g, '<time>'],
  [/\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}\b/g, '<time>'],
  [/(resourceVersion"?:\s*)"?\d+"?/g, '$1<rv>'],
  [/\b\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,2})?\b/g, '<ip>'],
  // pod names: <replicaset hash>-<suffix>, then <owner>-<suffix>
  [new RegExp(`-${SUFFIX}{8,10}-${SUFFIX}{5}\\b`, 'g'), '-<hash>-<suffix>'],
  [new RegExp(`-${SUFFIX}{5}\\b`, 'g'), '-<suffix>'],
  [new RegExp(`-${SUFFIX}{8,10}\\b`, 'g'), '-<hash>'],
  [/:3[0-2]\d{3}\//g, ':<nodeport>/'],
  [/(--dport |:|test )3[0-2]\d{3}\b/g, '$1<nodeport>'],
  [/\b(nodePort"?:\s*)3[0-2]\d{3}\b/g, '$1<nodeport>'],
  [/\b\d+(?:d\d*h?|h\d*m?|m\d*s?|s)\b/g, '<age>'],
  [/<invalid>/g, '<age>'],
];

/** Lines whose content depends on timing or chance, not on the cluster's behaviour. */
const UNSTABLE_LINES: RegExp[] = [
  // kubectl rollout status prints progress while it polls: how many lines depends on speed.
  /^Waiting for (deployment|daemon set|statefulset|rollout) .*to finish: .*$/,
  // openssl's prime search draws random dots and pluses.
  /^[.+*\n]+$/,
  // curl's progress meter: speeds and times.
  /^(stderr: )?\s*(% Total|Dload|\d+\s+\d+\s+\d+\s+\d+\s).*$/,
  // kubectl 1.31's exec client logs dropped websocket frames (client-go remotecommand) at random.
  /^(stderr: )?E\d{4} \d{2}:\d{2}:\d{2}\.\d+\s+\d+ websocket\.go:\d+\].*$/,
];

export function normaliseOutput(text: string): string {
  let out = text
    .split('\n')
    .filter((line) => !UNSTABLE_LINES.some((p) => p.test(line.trim()) && line.trim() !== ''))
    .join('\n');
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  // Column widths follow the values: compare tables cell by cell, not by spaces.
  return out
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, '  ').trimEnd())
    .join('\n')
    .trimEnd();
}

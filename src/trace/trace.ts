/**
 * A request's path through the cluster, hop by hop, as the memory backend
 * walked it: what the report draws and what steps can assert on.
 */

export type HopKind =
  | 'client'
  | 'dns'
  | 'service'
  | 'iptables'
  | 'ipvs'
  | 'dnat'
  | 'snat'
  | 'node'
  | 'ingress'
  | 'tls'
  | 'pod'
  | 'answer'
  | 'error';

export interface Hop {
  kind: HopKind;
  /** Short label for the picture, e.g. "10.96.0.10:53" or "KUBE-SVC-CDGGSHYLG3RE2FKL". */
  label: string;
  /** One sentence for the text trace. */
  detail: string;
}

export interface Trace {
  /** The tool and its target as typed, e.g. "curl http://my-nginx". */
  request: string;
  /** Where the request started: a pod, a node or outside the cluster. */
  from: string;
  hops: Hop[];
  ok: boolean;
  /** When !ok: where and why it failed, in words a person can act on. */
  failure?: string;
}

/** The text form attached to the report. */
export function formatTrace(trace: Trace): string {
  const lines = [`${trace.request}  (from ${trace.from})`];
  trace.hops.forEach((hop, i) => lines.push(`  ${String(i + 1).padStart(2)}. [${hop.kind}] ${hop.label}: ${hop.detail}`));
  if (!trace.ok && trace.failure) lines.push(`  failed: ${trace.failure}`);
  return lines.join('\n');
}

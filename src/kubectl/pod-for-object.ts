/**
 * Which pod `kubectl exec|logs TYPE/NAME` talks to
 * (polymorphichelpers.AttachablePodForObject): a pod as itself; for a
 * deployment, replica set, replication controller or service, the pods its
 * selector matches, ranked as kubectl's ActivePods sort does (running and
 * ready first, then the older), the first one taken.
 */
import type { Pod } from '../api/core.ts';
import type { KubeObject, LabelSelector } from '../api/meta.ts';
import type { ApiServer } from '../apiserver/types.ts';
import { KubectlError } from './errors.ts';

function selectorString(obj: KubeObject): string {
  const spec = (obj.spec ?? {}) as Record<string, unknown>;
  if (obj.kind === 'Service' || obj.kind === 'ReplicationController') {
    return Object.entries((spec.selector ?? {}) as Record<string, string>).map(([k, v]) => `${k}=${v}`).join(',');
  }
  const sel = (spec.selector ?? {}) as LabelSelector;
  const parts = Object.entries(sel.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of sel.matchExpressions ?? []) {
    if (e.operator === 'In') parts.push(`${e.key} in (${(e.values ?? []).join(',')})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${(e.values ?? []).join(',')})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else parts.push(`!${e.key}`);
  }
  return parts.join(',');
}

function rank(p: Pod): number[] {
  const ready = p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ? 0 : 1;
  const phase = p.status?.phase === 'Running' ? 0 : p.status?.phase === 'Pending' ? 1 : 2;
  return [p.spec.nodeName ? 0 : 1, phase, ready];
}

export function podForObject(api: ApiServer, obj: KubeObject): Pod {
  if (obj.kind === 'Pod') return obj as Pod;
  if (!['Deployment', 'ReplicaSet', 'ReplicationController', 'Service', 'StatefulSet', 'DaemonSet', 'Job'].includes(obj.kind)) {
    throw new KubectlError(`cannot attach to *v1.${obj.kind}: selector for *v1.${obj.kind} not implemented`);
  }
  const pods = api.list<Pod>('Pod', { namespace: obj.metadata.namespace, labelSelector: selectorString(obj) });
  if (pods.length === 0) throw new KubectlError(`no pods found for ${obj.kind.toLowerCase()} "${obj.metadata.name}"`);
  pods.sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i] - rb[i];
    const ta = a.metadata.creationTimestamp ?? '';
    const tb = b.metadata.creationTimestamp ?? '';
    return ta < tb ? -1 : ta > tb ? 1 : (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1;
  });
  return pods[0];
}

/** The container used without `-c`: the default-container annotation, else the first; with the notice kubectl prints when there are several. */
export function defaultContainer(pod: Pod): { name: string; notice?: string } {
  const names = pod.spec.containers.map((c) => c.name);
  const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  if (annotated && names.includes(annotated)) return { name: annotated };
  if (names.length > 1) return { name: names[0], notice: `Defaulted container "${names[0]}" out of: ${names.join(', ')}\n` };
  return { name: names[0] };
}

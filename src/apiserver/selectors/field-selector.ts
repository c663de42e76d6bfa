/**
 * Field selectors: the syntax of k8s.io/apimachinery/pkg/fields/selector.go
 * (terms split on unescaped ',', operators `!=`, `==`, `=`) and, per kind,
 * the field labels the API server supports (the AddFieldLabelConversionFunc
 * lists of pkg/apis/core/v1/conversion.go and apps/v1, 1.31) with their values.
 */
import type { KubeObject } from '../../api/meta.ts';

export interface FieldRequirement {
  field: string;
  /** `=` and `==` both mean equality. */
  negated: boolean;
  value: string;
}

/** A field selector that does not parse or names an unsupported field; `message` is the server's text. */
export class FieldSelectorError extends Error {}

function splitTerms(selector: string): string[] {
  const terms: string[] = [];
  let current = '';
  let escaped = false;
  for (const ch of selector) {
    if (escaped) {
      current += ch;
      escaped = false;
    } else if (ch === '\\') {
      current += ch;
      escaped = true;
    } else if (ch === ',') {
      terms.push(current);
      current = '';
    } else current += ch;
  }
  terms.push(current);
  return terms;
}

function splitTerm(term: string): [string, string, string] | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of ['!=', '==', '=']) {
      if (term.startsWith(op, i)) return [term.slice(0, i), op, term.slice(i + op.length)];
    }
  }
  return undefined;
}

function unescapeValue(value: string): string {
  return value.replace(/\\(.)/g, '$1');
}

/** fields.ParseSelector: `invalid selector: 'x'; can't understand 'y'`. */
export function parseFieldSelector(selector: string): FieldRequirement[] {
  const parts = splitTerms(selector).sort();
  const out: FieldRequirement[] = [];
  for (const part of parts) {
    if (part === '') continue;
    const split = splitTerm(part);
    if (!split) throw new FieldSelectorError(`invalid selector: '${selector}'; can't understand '${part}'`);
    out.push({ field: split[0], negated: split[1] === '!=', value: unescapeValue(split[2]) });
  }
  return out;
}

type FieldGetter = (obj: KubeObject) => string;

const get = (path: string): FieldGetter => (obj) => {
  let cur: unknown = obj;
  for (const part of path.split('.')) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[part] : undefined;
  return cur === undefined || cur === null ? '' : String(cur);
};

const META: Record<string, FieldGetter> = {
  'metadata.name': get('metadata.name'),
  'metadata.namespace': get('metadata.namespace'),
};

/** The extra field labels each kind supports. */
const FIELDS_BY_KIND: Record<string, Record<string, FieldGetter>> = {
  Pod: {
    'spec.nodeName': get('spec.nodeName'),
    'spec.restartPolicy': get('spec.restartPolicy'),
    'spec.schedulerName': get('spec.schedulerName'),
    'spec.serviceAccountName': get('spec.serviceAccountName'),
    'spec.hostNetwork': (o) => String(Boolean((o.spec as { hostNetwork?: boolean })?.hostNetwork)),
    'status.phase': get('status.phase'),
    'status.podIP': get('status.podIP'),
    'status.nominatedNodeName': get('status.nominatedNodeName'),
  },
  Event: {
    'involvedObject.kind': get('involvedObject.kind'),
    'involvedObject.namespace': get('involvedObject.namespace'),
    'involvedObject.name': get('involvedObject.name'),
    'involvedObject.uid': get('involvedObject.uid'),
    'involvedObject.apiVersion': get('involvedObject.apiVersion'),
    'involvedObject.resourceVersion': get('involvedObject.resourceVersion'),
    'involvedObject.fieldPath': get('involvedObject.fieldPath'),
    reason: get('reason'),
    reportingComponent: get('reportingComponent'),
    source: get('source.component'),
    type: get('type'),
  },
  Secret: { type: get('type') },
  Namespace: { 'status.phase': get('status.phase') },
  Node: { 'spec.unschedulable': (o) => String(Boolean((o.spec as { unschedulable?: boolean })?.unschedulable)) },
  ReplicationController: { 'status.replicas': (o) => String((o.status as { replicas?: number })?.replicas ?? 0) },
  ReplicaSet: { 'status.replicas': (o) => String((o.status as { replicas?: number })?.replicas ?? 0) },
  Service: { 'spec.clusterIP': get('spec.clusterIP'), 'spec.type': get('spec.type') },
};

/** Builds a matcher for `kind`; throws FieldSelectorError (`field label not supported: x`) for unknown fields. */
export function compileFieldSelector(kind: string, selector: string): (obj: KubeObject) => boolean {
  const requirements = parseFieldSelector(selector);
  const fields = { ...META, ...(FIELDS_BY_KIND[kind] ?? {}) };
  const checks = requirements.map((r) => {
    const getter = fields[r.field];
    if (!getter) throw new FieldSelectorError(`field label not supported: ${r.field}`);
    return (obj: KubeObject) => (getter(obj) === r.value) !== r.negated;
  });
  return (obj) => checks.every((c) => c(obj));
}

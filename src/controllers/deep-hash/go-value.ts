/**
 * Decodes a JSON object into the Go value the deployment controller holds in memory, following
 * a Go type layout: absent fields take Go zero values, and empty lists and maps become nil, as
 * they do after the API server's protobuf round trip (gogo protobuf leaves empty repeated and
 * map fields nil). Special JSON encodings: intstr.IntOrString (k8s.io/apimachinery
 * pkg/util/intstr/intstr.go), resource.Quantity (see quantity.ts), metav1.Time.
 */
import type { GoType } from './go-type.ts';
import { decodeQuantity } from './quantity.ts';

/** null is Go nil (pointer, slice, map); structs are objects keyed by Go field name. */
export type GoValue = null | string | number | bigint | boolean | GoValue[] | Map<string, GoValue> | GoStruct;
export interface GoStruct {
  [goField: string]: GoValue;
}

export type GoLayout = Readonly<Record<string, GoType>>;

function typeOf(layout: GoLayout, name: string): GoType {
  const t = layout[name];
  if (!t) throw new Error(`go layout has no type ${name}`);
  return t;
}

/** The Go value `json` decodes into when its Go type is `typeName`. */
export function decodeGoValue(json: unknown, typeName: string, layout: GoLayout): GoValue {
  const special = decodeSpecial(json, typeName);
  if (special !== undefined) return special;
  const t = typeOf(layout, typeName);
  switch (t.kind) {
    case 'struct':
      return decodeStruct(isObject(json) ? json : {}, t, layout);
    case 'ptr':
      return json === undefined || json === null ? null : decodeGoValue(json, t.elem!, layout);
    case 'slice':
    case 'array':
      if (!Array.isArray(json) || json.length === 0) return null;
      return json.map((item) => decodeGoValue(item, t.elem!, layout));
    case 'map': {
      if (!isObject(json) || Object.keys(json).length === 0) return null;
      const map = new Map<string, GoValue>();
      for (const [k, v] of Object.entries(json)) map.set(k, decodeGoValue(v, t.elem!, layout));
      return map;
    }
    case 'string':
      return typeof json === 'string' ? json : '';
    case 'bool':
      return json === true;
    case 'interface':
      return null;
    default:
      // every integer and float kind
      return typeof json === 'number' ? json : 0;
  }
}

function decodeStruct(json: Record<string, unknown>, t: GoType, layout: GoLayout): GoStruct {
  const out: GoStruct = {};
  for (const f of t.fields ?? []) {
    if (f.inline) out[f.name] = decodeGoValue(json, f.type, layout);
    else out[f.name] = decodeGoValue(f.json === undefined ? undefined : json[f.json], f.type, layout);
  }
  return out;
}

function decodeSpecial(json: unknown, typeName: string): GoValue | undefined {
  switch (typeName) {
    case 'intstr.IntOrString':
      // Type 0 is Int, 1 is String.
      if (typeof json === 'string') return { Type: 1, IntVal: 0, StrVal: json };
      return { Type: 0, IntVal: typeof json === 'number' ? json : 0, StrVal: '' };
    case 'resource.Quantity': {
      const q = json === undefined || json === null ? undefined : decodeQuantity(String(json));
      return {
        i: { value: q?.value ?? 0n, scale: q?.scale ?? 0 },
        d: { Dec: null },
        s: q?.s ?? '',
        Format: q?.format ?? '',
      };
    }
    case 'v1.Time':
      // Templates carry `creationTimestamp: null`: the zero time.Time.
      return { Time: { wall: 0, ext: 0, loc: null } };
    default:
      return undefined;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

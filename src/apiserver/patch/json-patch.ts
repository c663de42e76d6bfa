/**
 * JSON patch (RFC 6902), `kubectl patch --type=json`, with the error texts of
 * gopkg.in/evanphx/json-patch.v4 that the API server (1.31) returns.
 */

/** A patch that cannot be decoded (400) or applied (422); `message` is the library's text. */
export class JsonPatchError extends Error {
  constructor(
    message: string,
    readonly decode: boolean,
  ) {
    super(message);
  }
}

interface Operation {
  op: string;
  path?: string;
  from?: string;
  value?: unknown;
}

type Container = Record<string, unknown> | unknown[];

function decodePointer(path: string): string[] {
  if (path === '') return [];
  return path
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** findObject: the parent container of `path` and the last key, undefined when the parent is missing. */
function findObject(doc: unknown, path: string): { con: Container; key: string } | undefined {
  const parts = decodePointer(path);
  if (parts.length === 0) return undefined;
  let cur: unknown = doc;
  for (const part of parts.slice(0, -1)) {
    if (Array.isArray(cur)) {
      const i = Number(part);
      if (!/^\d+$/.test(part) || i >= cur.length) return undefined;
      cur = cur[i];
    } else if (cur !== null && typeof cur === 'object') {
      cur = (cur as Record<string, unknown>)[part];
    } else return undefined;
    if (cur === null || typeof cur !== 'object') return undefined;
  }
  return { con: cur as Container, key: parts[parts.length - 1] };
}

function get(con: Container, key: string): { found: boolean; value?: unknown } {
  if (Array.isArray(con)) {
    const i = Number(key);
    return /^\d+$/.test(key) && i < con.length ? { found: true, value: con[i] } : { found: false };
  }
  return Object.prototype.hasOwnProperty.call(con, key) ? { found: true, value: con[key] } : { found: false };
}

function add(con: Container, key: string, value: unknown, path: string): void {
  if (Array.isArray(con)) {
    const i = key === '-' ? con.length : Number(key);
    if (!/^\d+$/.test(key) && key !== '-') throw new JsonPatchError(`error in add for path: '${path}': Unable to access invalid index: ${key}: invalid index referenced`, false);
    if (i > con.length) throw new JsonPatchError(`error in add for path: '${path}': Unable to access invalid index: ${i}: invalid index referenced`, false);
    con.splice(i, 0, value);
  } else con[key] = value;
}

function remove(con: Container, key: string, path: string): unknown {
  if (Array.isArray(con)) {
    const i = Number(key);
    if (!/^\d+$/.test(key) || i >= con.length) {
      throw new JsonPatchError(`error in remove for path: '${path}': Unable to remove invalid index: ${key}: invalid index referenced`, false);
    }
    return con.splice(i, 1)[0];
  }
  if (!Object.prototype.hasOwnProperty.call(con, key)) {
    throw new JsonPatchError(`error in remove for path: '${path}': Unable to remove nonexistent key: ${key}: missing value`, false);
  }
  const v = con[key];
  delete con[key];
  return v;
}

function equal(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  }
  return v;
}

/** Applies the operations to a copy of `doc`. */
export function applyJsonPatch(doc: unknown, patch: unknown): unknown {
  if (!Array.isArray(patch)) {
    throw new JsonPatchError('json: cannot unmarshal object into Go value of type jsonpatch.Patch', true);
  }
  let out = structuredClone(doc);
  for (const raw of patch as Operation[]) {
    const op = raw.op;
    const path = raw.path ?? '';
    switch (op) {
      case 'add': {
        const found = findObject(out, path);
        if (!found) throw new JsonPatchError(`add operation does not apply: doc is missing path: "${path}": missing value`, false);
        add(found.con, found.key, structuredClone(raw.value), path);
        break;
      }
      case 'remove': {
        const found = findObject(out, path);
        if (!found) throw new JsonPatchError(`remove operation does not apply: doc is missing path: "${path}": missing value`, false);
        remove(found.con, found.key, path);
        break;
      }
      case 'replace': {
        if (path === '') {
          out = structuredClone(raw.value);
          break;
        }
        const found = findObject(out, path);
        if (!found) throw new JsonPatchError(`replace operation does not apply: doc is missing path: ${path}: missing value`, false);
        if (!get(found.con, found.key).found) {
          throw new JsonPatchError(`replace operation does not apply: doc is missing key: ${path}: missing value`, false);
        }
        if (Array.isArray(found.con)) found.con[Number(found.key)] = structuredClone(raw.value);
        else found.con[found.key] = structuredClone(raw.value);
        break;
      }
      case 'move':
      case 'copy': {
        const from = raw.from ?? '';
        const source = findObject(out, from);
        if (!source) throw new JsonPatchError(`${op} operation does not apply: doc is missing from path: ${from}: missing value`, false);
        const value = op === 'move' ? remove(source.con, source.key, from) : structuredClone(get(source.con, source.key).value);
        const target = findObject(out, path);
        if (!target) throw new JsonPatchError(`${op} operation does not apply: doc is missing destination path: ${path}: missing value`, false);
        add(target.con, target.key, value, path);
        break;
      }
      case 'test': {
        const found = path === '' ? { con: [out], key: '0' } : findObject(out, path);
        const current = found ? get(found.con, found.key) : { found: false };
        if (!current.found ? raw.value !== undefined && raw.value !== null : !equal(current.value, raw.value)) {
          throw new JsonPatchError(`testing value ${path} failed: test failed`, false);
        }
        break;
      }
      default:
        throw new JsonPatchError(`Unexpected kind: ${op}`, false);
    }
  }
  return out;
}

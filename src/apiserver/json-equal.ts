/**
 * Whether two values serialise to the same JSON, ignoring key order: the
 * API server compares objects the way etcd compares their stored bytes (an
 * update that changes nothing writes nothing), and undefined fields are
 * simply absent on the wire.
 */
import { isDeepStrictEqual } from 'node:util';

export function jsonEqual(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(toJSONValue(a), toJSONValue(b));
}

function toJSONValue(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

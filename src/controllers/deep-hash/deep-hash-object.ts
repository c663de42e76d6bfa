/**
 * hashutil.DeepHashObject (k8s.io/kubernetes pkg/util/hash/hash.go): a hash over go-spew's
 * `%#v` text of a Go value. Here the Go value is described by a JSON object and its Go type.
 */
import { createHash } from 'node:crypto';
import { decodeGoValue, type GoLayout } from './go-value.ts';
import { spewFormat } from './spew-format.ts';

/** The spew text DeepHashObject writes into its hasher. */
export function deepHashText(json: unknown, typeName: string, layout: GoLayout): string {
  return spewFormat(decodeGoValue(json, typeName, layout), typeName, layout);
}

/** DeepHashObject with an md5 hasher, as pkg/api/v1/endpoints/util.go hashObject uses it. */
export function deepHashMd5(json: unknown, typeName: string, layout: GoLayout): Buffer {
  return createHash('md5').update(deepHashText(json, typeName, layout), 'utf8').digest();
}

/**
 * Which curl an image ships, as data: the version (its User-Agent) and the
 * generation of its messages. Three generations differ in what -v prints and
 * how errors read (see curl-messages.ts):
 * - 'legacy': curl 7.3x (radial/busyboxplus: buildroot's 7.35.0, seed 000;
 *   luksa/kubia and bprashanth/nginxhttps on Debian jessie: 7.38.0);
 * - '7.88': Debian 12's 7.88.1 (nginx:latest, httpd-based images, agnhost,
 *   the kind node, the user's machine here) — every message checked against
 *   the real curl 7.88.1 on this machine;
 * - '8': curl 8.9.1 as Alpine 3.20 ships it (curlimages/curl:8.9.1, the
 *   ingress-nginx controller v1.11 image).
 */
import type { ResolvedImage } from '../../images/image-spec.ts';

export type CurlEra = 'legacy' | '7.88' | '8';

export interface CurlBuild {
  version: string;
  era: CurlEra;
  /** The TLS library as curl names it in errors, e.g. `OpenSSL/3.0.19`. */
  tlsLibrary: string;
}

export const CURL_7_35_0: CurlBuild = { version: '7.35.0', era: 'legacy', tlsLibrary: 'OpenSSL/1.0.1f' };
export const CURL_7_38_0: CurlBuild = { version: '7.38.0', era: 'legacy', tlsLibrary: 'OpenSSL/1.0.1t' };
export const CURL_7_88_1: CurlBuild = { version: '7.88.1', era: '7.88', tlsLibrary: 'OpenSSL/3.0.19' };
export const CURL_8_9_1: CurlBuild = { version: '8.9.1', era: '8', tlsLibrary: 'OpenSSL/3.3.1' };

/** Image repository -> its curl (images not listed here are Debian 12 based). */
const BY_REPOSITORY: Record<string, CurlBuild> = {
  'radial/busyboxplus': CURL_7_35_0,
  'luksa/kubia': CURL_7_38_0,
  'bprashanth/nginxhttps': CURL_7_38_0,
  'ymqytw/nginxhttps': CURL_7_38_0,
  'curlimages/curl': CURL_8_9_1,
  'registry.k8s.io/ingress-nginx/controller': CURL_8_9_1,
};

/** The curl of an image; Alpine-tagged official images carry Alpine's curl. */
export function curlBuildForImage(image: ResolvedImage): CurlBuild {
  const known = BY_REPOSITORY[image.spec.name];
  if (known) return known;
  const tag = image.normalized.slice(image.normalized.lastIndexOf(':') + 1);
  if (/(^|-)alpine/.test(tag)) return CURL_8_9_1;
  return CURL_7_88_1;
}

/**
 * How the kubernetes plugin reads a query name inside the cluster zone
 * (coredns plugin/kubernetes/parse.go, parseRequest; CoreDNS 1.11 as shipped with
 * Kubernetes 1.31, multicluster off). Four shapes are understood:
 *   _port._protocol.service.namespace.svc.zone   (SRV)
 *   endpoint.service.namespace.svc.zone          (headless hostname records)
 *   service.namespace.svc.zone
 *   a-b-c-d.namespace.pod.zone
 */
import { trimZone } from './dns-name.ts';

export interface RecordRequest {
  /** 'svc', 'pod', or '' for the apex, `svc.zone` and `pod.zone` (answered with NODATA). */
  podOrSvc: '' | 'svc' | 'pod';
  namespace: string;
  /** The service name, or the dashed pod IP under `pod`. */
  service: string;
  endpoint: string;
  /** The SRV `_port` label without its underscore. */
  port: string;
  /** The SRV `_protocol` label without its underscore. */
  protocol: string;
}

/** A name the plugin cannot read (too many labels, neither `svc` nor `pod`): the plugin answers NXDOMAIN. */
export class InvalidRequest extends Error {
  constructor(name: string) {
    super(`invalid query name: ${name}`);
  }
}

function stripUnderscore(label: string): string {
  return label.startsWith('_') ? label.slice(1) : label;
}

/** Splits `name` (inside `zone`) into the request fields, or throws InvalidRequest. */
export function parseRecordRequest(name: string, zone: string): RecordRequest {
  const request: RecordRequest = { podOrSvc: '', namespace: '', service: '', endpoint: '', port: '', protocol: '' };
  const base = trimZone(name, zone);
  if (base === '' || base === 'svc' || base === 'pod') return request;
  const segs = base.split('.');
  let last = segs.length - 1;
  const kind = segs[last];
  if (kind !== 'svc' && kind !== 'pod') throw new InvalidRequest(name);
  request.podOrSvc = kind;
  if (--last < 0) return request;
  request.namespace = segs[last];
  if (--last < 0) return request;
  request.service = segs[last];
  if (--last < 0) return request;
  if (last === 0) {
    request.endpoint = segs[0];
  } else if (last === 1) {
    request.protocol = stripUnderscore(segs[1]);
    request.port = stripUnderscore(segs[0]);
  } else {
    throw new InvalidRequest(name);
  }
  return request;
}

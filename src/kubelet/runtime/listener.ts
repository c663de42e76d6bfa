/**
 * A socket a container listens on, as the network layer sees it: reachable at
 * the pod's IP and `port`, answering HTTP for the handlers that speak it.
 * DNS (CoreDNS), the ingress controller's 80/443 and bare TCP ports answer
 * nothing here (`serve` gives undefined): their layers answer them.
 */
import type { HandlerSpec } from '../../images/image-spec.ts';
import type { HttpRequest, HttpResponse } from '../../images/servers/http.ts';

export interface TlsIdentity {
  /** PEM certificate chain the server presents. */
  certificate: string;
  /** PEM private key. */
  key: string;
}

export interface Listener {
  readonly port: number;
  readonly protocol: 'TCP' | 'UDP';
  readonly handler: HandlerSpec;
  /** Whether the port speaks TLS. */
  readonly tls: boolean;
  /** Bound to 127.0.0.1 only: connections to the pod IP are refused (the kernel answers RST). */
  readonly loopbackOnly?: boolean;
  readonly containerName: string;
  /** The certificate presented for `serverName` (SNI); undefined when the server has none configured. */
  certificate(serverName?: string): TlsIdentity | undefined;
  /** The answer to an HTTP request at virtual time `nowMs`; undefined for handlers that are not HTTP. */
  serve(request: HttpRequest, nowMs: number): HttpResponse | undefined;
}

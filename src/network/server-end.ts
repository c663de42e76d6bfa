/**
 * What answers at the far end of a connection: a container's socket (its
 * image model), the ingress controller's ports, or a daemon of the node
 * itself (kube-proxy's health servers, the API server on the control plane).
 * Tools see only this: whether the port speaks TLS, the certificate it
 * presents, and the answer to an HTTP request.
 */
import type { HttpRequest, HttpResponse } from '../images/servers/http.ts';
import type { Listener, TlsIdentity } from '../kubelet/runtime/listener.ts';
import type { PodRuntime } from '../kubelet/runtime/pod-runtime.ts';
import type { Hop } from '../trace/trace.ts';

export type ServeOutcome =
  | { kind: 'response'; response: HttpResponse; hops: Hop[] }
  /** The server accepted the connection but closed it without an HTTP answer (a DNS or bare TCP port). */
  | { kind: 'no-response'; detail: string };

export interface ServerEnd {
  /** For traces: "pod default/web-1 (10.244.1.5) container nginx port 80". */
  readonly label: string;
  readonly node: string;
  /** The pod behind the socket, when it is a container's. */
  readonly pod?: PodRuntime;
  readonly listener?: Listener;
  /** Whether the port expects a TLS handshake. */
  readonly speaksTls: boolean;
  /** The certificate presented for a server name (SNI); undefined when none is configured. */
  certificate(serverName?: string): TlsIdentity | undefined;
  /** Answers one HTTP request at virtual time `nowMs`. */
  serve(request: HttpRequest, nowMs: number): ServeOutcome;
}

/** Who answers a container socket whose handler is the ingress controller's (src/ingress). */
export interface IngressDataPlane {
  /** The certificate the controller presents for `serverName` (its fake certificate when no TLS secret covers it). */
  certificate(serverName: string | undefined): TlsIdentity | undefined;
  /** Routes one request that reached the controller pod `pod` on `port`. */
  serve(request: HttpRequest, context: { pod: PodRuntime; port: number; tls: boolean; nowMs: number }): { response: HttpResponse; hops: Hop[] };
}

/** A container socket as a server end. */
export function podServerEnd(pod: PodRuntime, listener: Listener, ingress: () => IngressDataPlane | undefined): ServerEnd {
  const label = `pod ${pod.namespace}/${pod.name} (${pod.ip}) container ${listener.containerName} port ${listener.port}/${listener.protocol}`;
  const handler = listener.handler.kind;
  return {
    label,
    node: pod.nodeName,
    pod,
    listener,
    speaksTls: listener.tls,
    certificate: (serverName) => (handler === 'ingress-nginx' ? ingress()?.certificate(serverName) : listener.certificate(serverName)),
    serve: (request, nowMs) => {
      if (handler === 'ingress-nginx') {
        const plane = ingress();
        if (!plane) return { kind: 'no-response', detail: 'the ingress controller model is not attached to this network' };
        const { response, hops } = plane.serve(request, { pod, port: listener.port, tls: request.scheme === 'https', nowMs });
        return { kind: 'response', response, hops };
      }
      const response = listener.serve(request, nowMs);
      if (!response) return { kind: 'no-response', detail: `${listener.handler.kind} server on port ${listener.port} speaks no HTTP` };
      return { kind: 'response', response, hops: [] };
    },
  };
}

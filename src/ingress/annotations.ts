/**
 * The `nginx.ingress.kubernetes.io/*` annotations the model reads
 * (internal/ingress/annotations/*, controller v1.11; docs/user-guide/
 * nginx-configuration/annotations.md): rewrite-target, use-regex,
 * app-root, ssl-redirect, force-ssl-redirect, the proxy timeouts and body
 * size, backend-protocol, permanent-redirect. Values an annotation parser
 * would reject fall back to the ConfigMap's defaults, as the controller does.
 */
import type { Ingress } from '../api/networking.ts';

const PREFIX = 'nginx.ingress.kubernetes.io/';

/** The controller's defaults (internal/ingress/controller/config/config.go NewDefault). */
export const PROXY_DEFAULTS = {
  connectTimeout: 5,
  sendTimeout: 60,
  readTimeout: 60,
  bodySize: '1m',
  bufferSize: '4k',
  buffersNumber: 4,
  buffering: 'off',
  requestBuffering: 'on',
  httpVersion: '1.1',
  cookieDomain: 'off',
  cookiePath: 'off',
  nextUpstream: 'error timeout',
  nextUpstreamTimeout: 0,
  nextUpstreamTries: 3,
  maxTempFileSize: '1024m',
  redirectFrom: 'off',
} as const;

export interface ProxySettings {
  connectTimeout: number;
  sendTimeout: number;
  readTimeout: number;
  bodySize: string;
}

export interface LocationAnnotations {
  rewriteTarget: string;
  useRegex: boolean;
  appRoot: string;
  sslRedirect: boolean;
  forceSslRedirect: boolean;
  backendProtocol: 'HTTP' | 'HTTPS' | 'GRPC' | 'GRPCS' | 'AUTO_HTTP' | 'FCGI';
  permanentRedirect: string;
  permanentRedirectCode: number;
  proxy: ProxySettings;
}

function annotation(ingress: Ingress, name: string): string | undefined {
  const value = ingress.metadata.annotations?.[PREFIX + name];
  return value === undefined ? undefined : value.trim();
}

function bool(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  // parser.GetBoolAnnotation uses strconv.ParseBool.
  if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(value)) return false;
  return fallback;
}

function seconds(value: string | undefined, fallback: number): number {
  if (value === undefined || !/^\d+$/.test(value)) return fallback;
  return Number(value);
}

const BACKEND_PROTOCOLS = ['HTTP', 'HTTPS', 'GRPC', 'GRPCS', 'AUTO_HTTP', 'FCGI'] as const;

/** The annotations of one Ingress as its locations carry them; `sslRedirect` defaults to the ConfigMap's ssl-redirect (true). */
export function parseAnnotations(ingress: Ingress): LocationAnnotations {
  const protocol = (annotation(ingress, 'backend-protocol') ?? 'HTTP').toUpperCase();
  const bodySize = annotation(ingress, 'proxy-body-size');
  return {
    rewriteTarget: annotation(ingress, 'rewrite-target') ?? '',
    useRegex: bool(annotation(ingress, 'use-regex'), false),
    appRoot: annotation(ingress, 'app-root') ?? '',
    sslRedirect: bool(annotation(ingress, 'ssl-redirect'), true),
    forceSslRedirect: bool(annotation(ingress, 'force-ssl-redirect'), false),
    backendProtocol: (BACKEND_PROTOCOLS as readonly string[]).includes(protocol) ? (protocol as LocationAnnotations['backendProtocol']) : 'HTTP',
    permanentRedirect: annotation(ingress, 'permanent-redirect') ?? '',
    permanentRedirectCode: seconds(annotation(ingress, 'permanent-redirect-code'), 301),
    proxy: {
      connectTimeout: seconds(annotation(ingress, 'proxy-connect-timeout'), PROXY_DEFAULTS.connectTimeout),
      sendTimeout: seconds(annotation(ingress, 'proxy-send-timeout'), PROXY_DEFAULTS.sendTimeout),
      readTimeout: seconds(annotation(ingress, 'proxy-read-timeout'), PROXY_DEFAULTS.readTimeout),
      bodySize: bodySize && /^\d+[kKmMgG]?$/.test(bodySize) ? bodySize : PROXY_DEFAULTS.bodySize,
    },
  };
}

/** Defaults for the catch-all server's location (no Ingress behind it). */
export function defaultAnnotations(): LocationAnnotations {
  return {
    rewriteTarget: '',
    useRegex: false,
    appRoot: '',
    sslRedirect: true,
    forceSslRedirect: false,
    backendProtocol: 'HTTP',
    permanentRedirect: '',
    permanentRedirectCode: 301,
    proxy: { connectTimeout: PROXY_DEFAULTS.connectTimeout, sendTimeout: PROXY_DEFAULTS.sendTimeout, readTimeout: PROXY_DEFAULTS.readTimeout, bodySize: PROXY_DEFAULTS.bodySize },
  };
}

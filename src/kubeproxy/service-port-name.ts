/**
 * The name kube-proxy gives a service port (pkg/proxy/types.go
 * ServicePortName.String): "ns/name:port", or "ns/name" for an unnamed port.
 * It appears in comments and is hashed into chain names.
 */
export function servicePortName(namespace: string, name: string, portName: string | undefined): string {
  return portName ? `${namespace}/${name}:${portName}` : `${namespace}/${name}`;
}

/** The key of a service: "ns/name". */
export function serviceKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

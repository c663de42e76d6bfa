/**
 * What the natural steps ask of a cluster, asked the way a person would: with
 * kubectl command lines through the Backend, so the same step runs on the
 * memory cluster and on any real one.
 */
import type { Backend } from '../backend/backend.ts';
import { shellWord } from './command-lines.ts';

export class QueryFailed extends Error {}

/** Runs a kubectl command that must succeed and returns its trimmed output. */
export async function kubectlValue(backend: Backend, args: string): Promise<string> {
  const result = await backend.run(`kubectl ${args}`);
  if (result.exitCode !== 0) throw new QueryFailed(`\`kubectl ${args}\` failed (exit ${result.exitCode}): ${result.stderr.trim()}`);
  return result.stdout.trim();
}

/** A jsonpath value of one object. */
export function jsonpath(backend: Backend, resource: string, name: string, path: string): Promise<string> {
  return kubectlValue(backend, `get ${resource} ${shellWord(name)} -o jsonpath=${shellWord(`{${path}}`)}`);
}

/** The label selector of a Deployment (or ReplicaSet) in kubectl's `k=v,k2=v2` form. */
export async function workloadSelector(backend: Backend, resource: string, name: string): Promise<string> {
  const json = await kubectlValue(backend, `get ${resource} ${shellWord(name)} -o jsonpath='{.spec.selector.matchLabels}'`);
  const labels = JSON.parse(json || '{}') as Record<string, string>;
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

/** Names and IPs of the running pods a selector picks. */
export async function runningPods(backend: Backend, selector: string): Promise<{ name: string; ip: string }[]> {
  const out = await kubectlValue(
    backend,
    `get pods -l ${shellWord(selector)} --field-selector=status.phase=Running -o jsonpath='{range .items[*]}{.metadata.name} {.status.podIP} {.metadata.deletionTimestamp}{"\\n"}{end}'`,
  );
  return out
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((parts) => parts[0] && !parts[2])
    .map(([name, ip]) => ({ name, ip }));
}

/** The ready endpoint addresses of a Service, from its EndpointSlices. */
export async function serviceEndpointIPs(backend: Backend, service: string): Promise<string[]> {
  const out = await kubectlValue(
    backend,
    `get endpointslices -l kubernetes.io/service-name=${shellWord(service)} -o jsonpath='{range .items[*].endpoints[?(@.conditions.ready==true)]}{.addresses[0]}{"\\n"}{end}'`,
  );
  return out.split('\n').map((l) => l.trim()).filter(Boolean).sort();
}

/** Service name to the environment variable prefix the kubelet uses (FIDELITY §1). */
export function serviceEnvPrefix(service: string): string {
  return service.toUpperCase().replace(/-/g, '_');
}

/** The addresses a name resolved to in nslookup's output, in any of its formats (busybox old and new, bind): those after the first `Name:` line. */
export function nslookupAnswers(output: string): string[] {
  const at = output.search(/^Name:/m);
  if (at < 0) return [];
  const ips = output.slice(at).match(/\b(?:\d{1,3}\.){3}\d{1,3}\b/g) ?? [];
  return [...new Set(ips)].sort();
}

/** A request command that works in any image: curl where the image has it, else busybox wget. */
export function fetchCommand(url: string, timeoutSeconds = 5): string {
  const u = shellWord(url);
  return `if command -v curl >/dev/null 2>&1; then curl -s -m ${timeoutSeconds} ${u}; else wget -q -T ${timeoutSeconds} -O - ${u}; fi`;
}

/**
 * containerd's registry host configuration for a node (containerd
 * docs/hosts.md: one CONFIG_PATH/REGISTRY/hosts.toml per registry): each
 * registry the pod images come from gets the node's local registry as a
 * mirror for pull and resolve, ahead of the real server, which this machine
 * cannot reach. An image the local registry lacks falls through to the real
 * server and fails there, as a typo'd image fails on kind.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Upstream server of a registry host as containerd names it (docker.io's API lives at registry-1.docker.io). */
export function upstreamServer(registry: string): string {
  return registry === 'docker.io' ? 'https://registry-1.docker.io' : `https://${registry}`;
}

/** hosts.toml of one registry, mirrored by `mirror` (`http://127.0.0.1:5000`). */
export function hostsToml(registry: string, mirror: string): string {
  return `# written by reference-cluster/node/registry-hosts.ts\nserver = "${upstreamServer(registry)}"\n\n[host."${mirror}"]\n  capabilities = ["pull", "resolve"]\n`;
}

/** The registries of full image names (`docker.io/library/nginx:latest` → docker.io). */
export function registriesOf(names: string[]): string[] {
  return [...new Set(names.filter((n) => !n.startsWith('sha256:')).map((n) => n.slice(0, n.indexOf('/'))))].sort();
}

/** Writes hosts.toml for each registry under `dir`. */
export function writeRegistryHosts(dir: string, registries: string[], mirror: string): void {
  for (const registry of registries) {
    mkdirSync(join(dir, registry), { recursive: true });
    writeFileSync(join(dir, registry, 'hosts.toml'), hostsToml(registry, mirror));
  }
}

/**
 * nslookup, dig and host in the containers whose images carry them, in the
 * flavour of the image's build: busybox 1.22 for radial/busyboxplus (seed 000),
 * current busybox for busybox and Alpine images, bind 9.9 for tutum/dnsutils
 * (seed 001), bind 9.18 for current Debian images.
 */
import type { ResolvedImage } from '../images/image-spec.ts';
import type { ContainerRuntimeContext, ProgramRegistry } from '../kubelet/runtime/program-registry.ts';
import type { ClusterNetwork } from '../network/cluster-network.ts';
import { containerPlace } from '../network/places.ts';
import type { Program } from '../shell/types.ts';
import { dig } from '../tools/dns/dig.ts';
import { host } from '../tools/dns/host.ts';
import { nslookupProgram, type NslookupFlavor } from '../tools/dns/nslookup.ts';

const OLD_BIND_IMAGES = new Set(['tutum/dnsutils', 'docker.io/tutum/dnsutils']);

function nslookupFlavor(image: ResolvedImage): NslookupFlavor {
  const name = image.spec.name;
  if (name.endsWith('radial/busyboxplus')) return 'busybox-1.22';
  if (image.spec.tools.includes('ash')) return 'busybox';
  return OLD_BIND_IMAGES.has(name) ? 'bind9.9' : 'bind9.18';
}

function bindVersion(image: ResolvedImage): '9.9' | '9.18' {
  return OLD_BIND_IMAGES.has(image.spec.name) ? '9.9' : '9.18';
}

/** Runs a DNS tool against the container's own resolv.conf and the cluster network, built when it runs. */
function bound(network: ClusterNetwork, c: ContainerRuntimeContext, make: (env: ReturnType<ReturnType<typeof containerPlace>['dnsEnvironment']>) => Program): Program {
  return (ctx) => make(containerPlace(network, c).dnsEnvironment(c.fs))(ctx);
}

export function registerDnsTools(registry: ProgramRegistry, network: ClusterNetwork): void {
  registry.register('nslookup', (c) => bound(network, c, (env) => nslookupProgram(env, nslookupFlavor(c.image))));
  registry.register('dig', (c) =>
    bound(network, c, (env) => dig(env, { version: bindVersion(c.image), banner: bindVersion(c.image) === '9.9' ? '9.9.5-3ubuntu0.19-Ubuntu' : '9.18.33-1~deb12u2-Debian' })),
  );
  registry.register('host', (c) => bound(network, c, (env) => host(env, bindVersion(c.image))));
}

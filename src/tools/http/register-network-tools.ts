/**
 * Puts the network clients into the places that carry them: `curl`, `wget`
 * and `ping` for containers (through the kubelet's program registry: an
 * image that lists the tool gets it, bound to its pod's network), and the
 * program maps for a node shell and for the user's machine, which the
 * composition root adds to those places' shells.
 */
import type { ResolvedImage } from '../../images/image-spec.ts';
import type { ContainerRuntimeContext, ProgramRegistry } from '../../kubelet/runtime/program-registry.ts';
import type { ClusterNetwork } from '../../network/cluster-network.ts';
import { containerPlace, nodePlace, outsidePlace } from '../../network/places.ts';
import type { Program } from '../../shell/types.ts';
import { pingProgram, type PingFlavor } from '../ping/ping.ts';
import { busyboxWget } from './busybox-wget.ts';
import { CURL_7_88_1, curlBuildForImage } from './curl-builds.ts';
import { curlProgram } from './curl.ts';

/** busybox banners of the images whose wget is busybox's (busybox 1.36.1 for current busybox and Alpine images). */
const BUSYBOX_BANNERS: Record<string, string> = {
  'radial/busyboxplus': 'BusyBox v1.22.1 (2014-05-22 23:22:11 UTC) multi-call binary.',
};
const CURRENT_BUSYBOX_BANNER = 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.';

function isBusyboxImage(image: ResolvedImage): boolean {
  return image.spec.tools.includes('ash');
}

function pingFlavor(image: ResolvedImage): PingFlavor {
  return isBusyboxImage(image) ? 'busybox' : 'iputils';
}

/** Registers curl, wget and ping for containers, bound to `network`. */
export function registerNetworkTools(registry: ProgramRegistry, network: ClusterNetwork): void {
  registry.register('curl', (c: ContainerRuntimeContext) => curlProgram(() => ({ network: containerPlace(network, c), build: curlBuildForImage(c.image) })));
  registry.register('wget', (c: ContainerRuntimeContext) => busyboxWget(() => ({ network: containerPlace(network, c), banner: BUSYBOX_BANNERS[c.image.spec.name] ?? CURRENT_BUSYBOX_BANNER })));
  registry.register('ping', (c: ContainerRuntimeContext) => pingProgram(() => ({ network: containerPlace(network, c), flavor: pingFlavor(c.image) })));
}

/** curl on a kind node (Debian 12's 7.88.1), from the node's own address. */
export function nodeCurl(network: ClusterNetwork, nodeName: string): Program {
  return async (ctx) => {
    const place = nodePlace(network, nodeName);
    if (!place) return { stdout: '', stderr: `curl: node ${nodeName} is not part of the cluster\n`, exitCode: 1 };
    return curlProgram(() => ({ network: place, build: CURL_7_88_1 }))(ctx);
  };
}

/** ping from a node (iputils; kind's node image does not install it, a scenario may). */
export function nodePing(network: ClusterNetwork, nodeName: string): Program {
  return async (ctx) => {
    const place = nodePlace(network, nodeName);
    if (!place) return { stdout: '', stderr: `ping: node ${nodeName} is not part of the cluster\n`, exitCode: 2 };
    return pingProgram(() => ({ network: place, flavor: 'iputils' }))(ctx);
  };
}

/** The user's machine's network clients: curl (7.88.1 here) and ping (iputils). */
export function outsidePrograms(network: ClusterNetwork): Map<string, Program> {
  const place = () => outsidePlace(network);
  return new Map<string, Program>([
    ['curl', curlProgram(() => ({ network: place(), build: CURL_7_88_1 }))],
    ['ping', pingProgram(() => ({ network: place(), flavor: 'iputils' }))],
  ]);
}

/**
 * The resource registry as data: what `kubectl api-resources` lists on a kind
 * cluster for the kinds this project serves, and at which group/versions each
 * is served for a given Kubernetes minor version. Sources: the storage
 * providers of pkg/registry/<group>/rest/storage_<group>.go and the prerelease-lifecycle
 * markers (Ingress: extensions/v1beta1 deprecated in 1.14, networking.k8s.io/v1beta1
 * deprecated in 1.19, both removed in 1.22; networking.k8s.io/v1 since 1.19;
 * EndpointSlice discovery.k8s.io/v1 since 1.21, v1beta1 until 1.24;
 * events.k8s.io/v1 since 1.19), and `kubectl api-resources` on a kind 1.31 node.
 */
import type { ResourceInfo } from './types.ts';

/** The full verb list of a namespaced or cluster resource with deletecollection. */
const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
/** Namespaces have no deletecollection. */
const NAMESPACE_VERBS = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];

/** How the store treats a kind: data about behaviour, read by the API server. */
export interface KindBehaviour {
  /** Writes through update() keep the stored .status (a status subresource exists). */
  statusSubresource: boolean;
  /** metadata.generation is set to 1 and bumped on spec changes ("spec"), or on any non-metadata change ("content"). */
  generation?: 'spec' | 'content';
}

export interface ServedVersion {
  group: string;
  version: string;
  /** First minor version serving it (inclusive). */
  from: number;
  /** First minor version no longer serving it. */
  until?: number;
}

export interface ResourceDefinition extends Omit<ResourceInfo, 'group' | 'version'>, KindBehaviour {
  /** Every group/version the kind was ever served at, preferred first. */
  served: ServedVersion[];
}

const CORE = (from = 0): ServedVersion[] => [{ group: '', version: 'v1', from }];

/** The kinds this API server serves. */
export const RESOURCE_DEFINITIONS: readonly ResourceDefinition[] = [
  { kind: 'ConfigMap', resource: 'configmaps', singular: 'configmap', shortNames: ['cm'], namespaced: true, verbs: ALL_VERBS, served: CORE(), statusSubresource: false },
  { kind: 'Endpoints', resource: 'endpoints', singular: 'endpoints', shortNames: ['ep'], namespaced: true, verbs: ALL_VERBS, served: CORE(), statusSubresource: false },
  { kind: 'Event', resource: 'events', singular: 'event', shortNames: ['ev'], namespaced: true, verbs: ALL_VERBS, served: CORE(), statusSubresource: false },
  { kind: 'Namespace', resource: 'namespaces', singular: 'namespace', shortNames: ['ns'], namespaced: false, verbs: NAMESPACE_VERBS, served: CORE(), statusSubresource: true },
  { kind: 'Node', resource: 'nodes', singular: 'node', shortNames: ['no'], namespaced: false, verbs: ALL_VERBS, served: CORE(), statusSubresource: true },
  { kind: 'Pod', resource: 'pods', singular: 'pod', shortNames: ['po'], namespaced: true, verbs: ALL_VERBS, served: CORE(), statusSubresource: true },
  { kind: 'ReplicationController', resource: 'replicationcontrollers', singular: 'replicationcontroller', shortNames: ['rc'], namespaced: true, verbs: ALL_VERBS, served: CORE(), statusSubresource: true, generation: 'spec' },
  { kind: 'Secret', resource: 'secrets', singular: 'secret', shortNames: [], namespaced: true, verbs: ALL_VERBS, served: CORE(), statusSubresource: false },
  { kind: 'Service', resource: 'services', singular: 'service', shortNames: ['svc'], namespaced: true, verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'], served: CORE(), statusSubresource: true },
  {
    kind: 'Deployment', resource: 'deployments', singular: 'deployment', shortNames: ['deploy'], namespaced: true, verbs: ALL_VERBS,
    served: [{ group: 'apps', version: 'v1', from: 9 }], statusSubresource: true, generation: 'spec',
  },
  {
    kind: 'ReplicaSet', resource: 'replicasets', singular: 'replicaset', shortNames: ['rs'], namespaced: true, verbs: ALL_VERBS,
    served: [{ group: 'apps', version: 'v1', from: 9 }], statusSubresource: true, generation: 'spec',
  },
  {
    kind: 'EndpointSlice', resource: 'endpointslices', singular: 'endpointslice', shortNames: [], namespaced: true, verbs: ALL_VERBS,
    served: [
      { group: 'discovery.k8s.io', version: 'v1', from: 21 },
      { group: 'discovery.k8s.io', version: 'v1beta1', from: 17, until: 25 },
    ],
    statusSubresource: false, generation: 'content',
  },
  {
    kind: 'Ingress', resource: 'ingresses', singular: 'ingress', shortNames: ['ing'], namespaced: true, verbs: ALL_VERBS,
    served: [
      { group: 'networking.k8s.io', version: 'v1', from: 19 },
      { group: 'networking.k8s.io', version: 'v1beta1', from: 14, until: 22 },
      { group: 'extensions', version: 'v1beta1', from: 0, until: 22 },
    ],
    statusSubresource: true, generation: 'spec',
  },
  {
    kind: 'IngressClass', resource: 'ingressclasses', singular: 'ingressclass', shortNames: [], namespaced: false, verbs: ALL_VERBS,
    served: [
      { group: 'networking.k8s.io', version: 'v1', from: 19 },
      { group: 'networking.k8s.io', version: 'v1beta1', from: 18, until: 22 },
    ],
    statusSubresource: false, generation: 'spec',
  },
];

/** "1.31" → 31; "v1.19.16" → 19. */
export function minorVersion(kubernetesVersion: string): number {
  const m = /^v?1\.(\d+)/.exec(kubernetesVersion);
  if (!m) throw new Error(`unsupported Kubernetes version: ${kubernetesVersion}`);
  return Number(m[1]);
}

function servedAt(def: ResourceDefinition, minor: number): ServedVersion[] {
  return def.served.filter((v) => v.from <= minor && (v.until === undefined || minor < v.until));
}

/** "v1" or "apps/v1". */
export function apiVersionOf(group: string, version: string): string {
  return group === '' ? version : `${group}/${version}`;
}

/**
 * A kind's apiVersion+kind that this cluster does not serve
 * (apimachinery pkg/api/meta/errors.go NoKindMatchError). kubectl prints
 * `error: resource mapping not found for name: "x" namespace: "" from "f.yaml": <message>`
 * and then `ensure CRDs are installed first`.
 */
export class NoKindMatchError extends Error {
  constructor(
    readonly group: string,
    readonly kind: string,
    readonly version: string,
  ) {
    super(`no matches for kind "${kind}" in version "${apiVersionOf(group, version)}"`);
  }
}

/** The registry of one cluster's Kubernetes version. */
export class ResourceRegistry {
  readonly minor: number;

  constructor(kubernetesVersion: string) {
    this.minor = minorVersion(kubernetesVersion);
  }

  /** The definition of a kind, served or not. */
  definition(kind: string): ResourceDefinition | undefined {
    return RESOURCE_DEFINITIONS.find((d) => d.kind === kind);
  }

  /** Discovery: each served kind at its preferred group/version. */
  resources(): ResourceInfo[] {
    const out: ResourceInfo[] = [];
    for (const def of RESOURCE_DEFINITIONS) {
      const [preferred] = servedAt(def, this.minor);
      if (preferred) out.push(this.info(def, preferred));
    }
    return out;
  }

  private info(def: ResourceDefinition, v: ServedVersion): ResourceInfo {
    return {
      resource: def.resource,
      singular: def.singular,
      kind: def.kind,
      group: v.group,
      version: v.version,
      namespaced: def.namespaced,
      shortNames: [...def.shortNames],
      verbs: [...def.verbs],
    };
  }

  /** The apiVersion objects of `kind` are returned with on this cluster. */
  storageApiVersion(kind: string): string {
    const def = this.definition(kind);
    if (!def) throw new Error(`unknown kind ${kind}`);
    const [preferred] = servedAt(def, this.minor);
    const v = preferred ?? def.served[0];
    return apiVersionOf(v.group, v.version);
  }

  /** Whether apiVersion+kind is served; throws NoKindMatchError when it is not. */
  checkServed(apiVersion: string, kind: string): ResourceInfo {
    const slash = apiVersion.lastIndexOf('/');
    const group = slash < 0 ? '' : apiVersion.slice(0, slash);
    const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
    const def = this.definition(kind);
    const match = def && servedAt(def, this.minor).find((v) => v.group === group && v.version === version);
    if (!def || !match) throw new NoKindMatchError(group, kind, version);
    return this.info(def, match);
  }

  /**
   * What a user may type: plural, singular, short name, Kind (any case), and
   * the `resource.group` / `resource.version.group` forms (`deployments.apps`,
   * `deployments.v1.apps`, `ingresses.networking.k8s.io`).
   */
  resolveResource(typed: string): ResourceInfo | undefined {
    const lower = typed.toLowerCase();
    for (const def of RESOURCE_DEFINITIONS) {
      const served = servedAt(def, this.minor);
      if (served.length === 0) continue;
      const names = [def.resource, def.singular, def.kind.toLowerCase(), ...def.shortNames];
      if (names.includes(lower)) return this.info(def, served[0]);
      for (const v of served) {
        if (v.group === '') continue;
        for (const name of [def.resource, def.singular, def.kind.toLowerCase()]) {
          if (lower === `${name}.${v.group}`) return this.info(def, served[0]);
          if (lower === `${name}.${v.version}.${v.group}`) return this.info(def, v);
        }
      }
    }
    return undefined;
  }
}

/**
 * The fixture (fixture.yaml): the objects both clusters are given, and what
 * follows from them: the Services to describe, and how many ready endpoints
 * each Service has once the pods run.
 */
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

export const FIXTURE_PATH = new URL('./fixture.yaml', import.meta.url);

export interface FixtureService {
  name: string;
  type: string;
  headless: boolean;
  ports: { name?: string; port: number; protocol: string }[];
  /** Ready endpoints once settled: the Deployment's replicas, or the hand-written addresses. */
  readyEndpoints: number;
}

export interface Fixture {
  /** The YAML as applied. */
  text: string;
  namespace: string;
  services: FixtureService[];
}

interface Manifest {
  kind: string;
  metadata: { name: string; namespace?: string };
  spec?: Record<string, unknown>;
  subsets?: { addresses?: unknown[] }[];
}

/** Reads the fixture; `text` replaces the file (tests). */
export function loadFixture(text = readFileSync(FIXTURE_PATH, 'utf8')): Fixture {
  const docs = parseAllDocuments(text).map((d) => d.toJS() as Manifest).filter(Boolean);
  const namespace = docs.find((d) => d.kind === 'Namespace')?.metadata.name;
  if (!namespace) throw new Error('the fixture has no Namespace');
  const deployments = docs.filter((d) => d.kind === 'Deployment');
  const matches = (selector: Record<string, string>, labels: Record<string, string> = {}) => Object.entries(selector).every(([k, v]) => labels[k] === v);
  const services = docs
    .filter((d) => d.kind === 'Service')
    .map((d): FixtureService => {
      const spec = d.spec as { type?: string; clusterIP?: string; selector?: Record<string, string>; ports?: { name?: string; port: number; protocol?: string }[] };
      const selector = spec.selector;
      let ready = 0;
      if (selector) {
        for (const dep of deployments) {
          const s = dep.spec as { replicas?: number; template: { metadata: { labels?: Record<string, string> } } };
          if (matches(selector, s.template.metadata.labels)) ready += s.replicas ?? 1;
        }
      } else {
        const endpoints = docs.find((e) => e.kind === 'Endpoints' && e.metadata.name === d.metadata.name);
        ready = (endpoints?.subsets ?? []).reduce((n, s) => n + (s.addresses?.length ?? 0), 0);
      }
      return {
        name: d.metadata.name,
        type: spec.type ?? 'ClusterIP',
        headless: spec.clusterIP === 'None',
        ports: (spec.ports ?? []).map((p) => ({ name: p.name, port: p.port, protocol: p.protocol ?? 'TCP' })),
        readyEndpoints: spec.type === 'ExternalName' ? 0 : ready,
      };
    });
  return { text, namespace, services };
}

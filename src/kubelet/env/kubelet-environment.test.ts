import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Container, Pod, Service } from '../../api/core.ts';
import { SeededRandom } from '../../random/seeded-random.ts';
import { makeEnvironmentVariables, type EnvironmentSources } from './container-env.ts';
import { serviceEnvVarMap, type EnvVarPair } from './envvars.ts';
import { goMapOrder } from './go-map-order.ts';

const services: Service[] = Array.from({ length: 40 }, (_, i) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { namespace: 'default', name: `svc-${i}` },
  spec: { clusterIP: `10.96.0.${i + 10}`, ports: [{ port: 80 + i, protocol: 'TCP' }] },
}));

const container: Container = {
  name: 'c',
  image: 'nginx',
  // Two of them hide service variables of the same name.
  env: [
    { name: 'SVC_3_SERVICE_HOST', value: 'mine' },
    { name: 'A', value: '1' },
    { name: 'SVC_7_PORT', value: 'tcp://x' },
  ],
};
const pod: Pod = { apiVersion: 'v1', kind: 'Pod', metadata: { namespace: 'default', name: 'p', uid: 'u' }, spec: { containers: [container] } };

function sources(mapOrder: SeededRandom): EnvironmentSources {
  return {
    serviceVariables: (namespace, links) => serviceEnvVarMap(services, namespace, links),
    configMap: () => undefined,
    secret: () => undefined,
    podIP: '10.244.1.2',
    hostIP: '172.18.0.2',
    mapOrder,
  };
}

/** The list as the kubelet laid it out before it was made lazy: own variables, then the visible service variables, each group permuted. */
function eagerLayout(mapOrder: SeededRandom): EnvVarPair[] {
  const own = container.env!.map((e) => ({ name: e.name, value: e.value! }));
  const ownNames = new Set(own.map((e) => e.name));
  const serviceVars = [...serviceEnvVarMap(services, 'default', true)].filter(([name]) => !ownNames.has(name)).map(([name, value]) => ({ name, value }));
  return [...goMapOrder(own, mapOrder), ...goMapOrder(serviceVars, mapOrder)];
}

describe('KubeletEnvironment (the service variables laid out on demand)', () => {
  it('lists the variables in the order an eager layout draws, and leaves the order stream where it would', () => {
    const lazyStream = new SeededRandom('env-order');
    const eagerStream = new SeededRandom('env-order');
    const result = makeEnvironmentVariables(pod, container, sources(lazyStream));
    const expected = eagerLayout(eagerStream);
    // The next container's draws start at the same place.
    expect(lazyStream.int(0, 1e9)).to.equal(eagerStream.int(0, 1e9));
    if (!result.ok) throw new Error(result.error);
    expect(result.env.pairs()).to.deep.equal(expected);
    // Laying it out again gives the same list.
    expect(result.env.pairs()).to.deep.equal(expected);
    expect(expected).to.have.length(3 + 40 * 7 - 2);
  });

  it('answers single values as the list holds them: own variables hide service variables', () => {
    const result = makeEnvironmentVariables(pod, container, sources(new SeededRandom('x')));
    if (!result.ok) throw new Error(result.error);
    const listed = new Map(result.env.pairs().map((e) => [e.name, e.value]));
    for (const name of [...listed.keys(), 'NOPE']) expect(result.env.get(name)).to.equal(listed.get(name));
    expect(result.env.get('SVC_3_SERVICE_HOST')).to.equal('mine');
    expect(result.env.get('SVC_4_SERVICE_HOST')).to.equal('10.96.0.14');
  });
});

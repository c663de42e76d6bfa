import { describe, it } from 'node:test';
import { expect } from 'chai';
import { SeededRandom } from '../../random/seeded-random.ts';
import { ContainerEnvironment } from './container-environment.ts';
import { KubeletEnvironment } from './kubelet-environment.ts';
import { containerProcessEnvironment } from './process-env.ts';

describe('ContainerEnvironment (a process environment laid out when listed)', () => {
  const services = new Map([
    ['WEB_SERVICE_HOST', '10.96.0.5'],
    ['WEB_SERVICE_PORT', '80'],
    ['PATH', '/from/a/service'],
  ]);
  const own = [
    { name: 'HOSTNAME', value: 'custom' },
    { name: 'X', value: '1' },
  ];
  const imageEnv = { PATH: '/usr/local/bin:/usr/bin', NGINX_VERSION: '1.27.1', X: 'image' };

  for (const tty of [false, true]) {
    it(`lays out what containerProcessEnvironment builds, and answers each value as it holds it (tty ${tty})`, () => {
      const kubeletEnv = new KubeletEnvironment(own, new Map(own.map((e) => [e.name, e.value])), services, new SeededRandom('order'));
      const lazy = new ContainerEnvironment({ hostname: 'web-1', imageEnv, kubeletEnv, tty });
      const eager = containerProcessEnvironment({ hostname: 'web-1', imageEnv, kubeletEnv: kubeletEnv.pairs(), tty });
      expect([...lazy.layout()]).to.deep.equal([...eager]);
      for (const name of [...eager.keys(), 'TERM', 'HOSTNAME', 'NOPE']) expect(lazy.get(name), name).to.equal(eager.get(name));
    });
  }

  it('falls back to the default PATH, HOSTNAME and no TERM without a tty', () => {
    const kubeletEnv = new KubeletEnvironment([], new Map(), new Map(), new SeededRandom('order'));
    const lazy = new ContainerEnvironment({ hostname: 'web-1', imageEnv: {}, kubeletEnv, tty: false });
    expect(lazy.get('PATH')).to.equal(containerProcessEnvironment({ hostname: 'web-1', imageEnv: {}, kubeletEnv: [], tty: false }).get('PATH'));
    expect(lazy.get('HOSTNAME')).to.equal('web-1');
    expect(lazy.get('TERM')).to.equal(undefined);
  });
});

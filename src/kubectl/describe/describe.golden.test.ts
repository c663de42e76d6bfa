import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { DEFAULT_EPOCH_MS } from '../../clock/virtual-clock.ts';
import { describeObject } from './index.ts';
import { DESCRIBE_CASES } from './testdata/describe-cases.ts';
import { fixtureApiServer } from './testdata/fixture-api-server.ts';
import { FIXTURE_RESOURCES, listObjects, resourceInfo } from '../printers/testdata/fixture-resources.ts';
import { NOW_OFFSET_MS, kindClusterObjects } from '../printers/testdata/kind-cluster.ts';

// Goldens: the real kubectl on this machine (v1.32.4) running `kubectl describe` against
// ../printers/testdata/stub-apiserver.ts serving the kind-cluster fixture, recorded by
// ../printers/testdata/capture-goldens.ts with dates shifted to the fixture epoch.
interface Golden {
  id: string;
  args: string[];
  stdout: string;
  stderr: string;
  exitCode: number;
}

const goldens: Golden[] = JSON.parse(readFileSync(new URL('./testdata/kubectl-describe.goldens.json', import.meta.url), 'utf8'));
const objects = kindClusterObjects(DEFAULT_EPOCH_MS);
const now = DEFAULT_EPOCH_MS + NOW_OFFSET_MS;
const api = fixtureApiServer(objects, FIXTURE_RESOURCES);

describe('describeObject against kubectl 1.32 describe goldens', () => {
  for (const c of DESCRIBE_CASES) {
    it(c.id, () => {
      const golden = goldens.find((g) => g.id === c.id);
      expect(golden, `golden ${c.id}`).to.not.equal(undefined);
      const resource = resourceInfo(c.resource);
      const object = listObjects(objects, resource, resource.namespaced ? (c.namespace ?? 'default') : undefined).find((o) => o.metadata.name === c.name);
      expect(object, `fixture object ${c.name}`).to.not.equal(undefined);
      expect(describeObject(object!, resource, api, now, { showEvents: !c.hideEvents })).to.equal(golden!.stdout);
    });
  }
});

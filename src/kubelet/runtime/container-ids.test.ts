import { describe, it } from 'node:test';
import { expect } from 'chai';
import { SeededRandom } from '../../random/seeded-random.ts';
import { newContainerID } from './container-ids.ts';

describe('newContainerID', () => {
  it('draws what random.string draws for 64 hex characters, id after id', () => {
    const ids = new SeededRandom('ids');
    const reference = new SeededRandom('ids');
    for (let i = 0; i < 5; i++) {
      const id = newContainerID(ids);
      expect(id).to.match(/^[0-9a-f]{64}$/);
      expect(id).to.equal(reference.string('0123456789abcdef', 64));
    }
  });
});

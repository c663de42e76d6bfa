import { describe, it } from 'node:test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { appendEdit, EditQueueError, pendingEdits, takeEdits } from './edit-queue.ts';

const queueFile = () => join(mkdtempSync(join(tmpdir(), 'edit-queue-')), 'queue.json');

describe('the edit queue', () => {
  it('is empty before anything is queued', () => {
    expect(takeEdits(queueFile(), 3)).to.deep.equal([]);
  });
  it('hands changes out in the order they were queued, each once', () => {
    const q = queueFile();
    appendEdit(q, { path: 'spec.type', value: 'LoadBalancer' });
    appendEdit(q, { path: 'spec.replicas', value: 3 });
    appendEdit(q, { path: 'metadata.labels.x', value: null });
    expect(takeEdits(q, 2)).to.deep.equal([
      { path: 'spec.type', value: 'LoadBalancer' },
      { path: 'spec.replicas', value: 3 },
    ]);
    expect(pendingEdits(q)).to.deep.equal([{ path: 'metadata.labels.x', value: null }]);
    expect(takeEdits(q, 5)).to.deep.equal([{ path: 'metadata.labels.x', value: null }]);
    expect(takeEdits(q, 1)).to.deep.equal([]);
  });
  it('says so when the file is not a queue', () => {
    const q = queueFile();
    writeFileSync(q, '{"path": "spec.type"}');
    expect(() => takeEdits(q, 1)).to.throw(EditQueueError, 'does not hold a list');
    writeFileSync(q, 'not json');
    expect(() => takeEdits(q, 1)).to.throw(EditQueueError, 'is not JSON');
  });
});

import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { parse } from 'yaml';
import { FieldPathError } from '../../../dsl/field-edit.ts';
import { EditorFileError, openEditorFile } from './editor-file.ts';

// Files the real kubectl handed its editor (testdata/README.md says how they were captured).
const testdata = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');
const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;
/** What kubectl does with the saved file: drops comment lines, reads the rest as YAML. */
const asKubectlReads = (text: string) => parse(text.split(/\r?\n/).filter((l) => !l.startsWith('#')).join('\n'));

describe('the file kubectl edit hands its editor', () => {
  it('changes the field of the one object and keeps the header byte for byte (seed 000: NodePort to LoadBalancer)', () => {
    const file = openEditorFile(testdata('service.yaml'));
    expect(file.itemCount).to.equal(1);
    const saved = file.withEdits([{ path: 'spec.type', value: 'LoadBalancer' }]);
    expect(saved.startsWith(HEADER)).to.equal(true);
    const original = asKubectlReads(testdata('service.yaml'));
    expect(asKubectlReads(saved)).to.deep.equal({ ...original, spec: { ...original.spec, type: 'LoadBalancer' } });
  });

  it('keeps every other line as kubectl wrote it, lists not indented under their key', () => {
    const saved = openEditorFile(testdata('service.yaml')).withEdits([{ path: 'spec.type', value: 'LoadBalancer' }]);
    const before = testdata('service.yaml').split('\n');
    const after = saved.split('\n');
    const changed = after.filter((line, i) => line !== before[i]);
    expect(changed).to.deep.equal(['  type: LoadBalancer']);
  });

  it('returns the text unchanged when nothing is queued, so kubectl says "Edit cancelled, no changes made."', () => {
    const text = testdata('service.yaml');
    expect(openEditorFile(text).withEdits([])).to.equal(text);
  });

  it('edits the file kubectl reopens after a failed save, keeping the reasons in its header', () => {
    const text = testdata('service-after-error.yaml');
    const saved = openEditorFile(text).withEdits([{ path: 'spec.type', value: 'ClusterIP' }]);
    expect(saved).to.include('# services "my-nginx" was not valid:\n');
    expect(asKubectlReads(saved).spec.type).to.equal('ClusterIP');
  });

  it('gives the i-th change to the i-th object of a List, as the memory backend does', () => {
    const file = openEditorFile(testdata('two-services-list.yaml'));
    expect(file.itemCount).to.equal(2);
    const both = asKubectlReads(file.withEdits([{ path: 'spec.type', value: 'LoadBalancer' }, { path: 'spec.sessionAffinity', value: 'ClientIP' }]));
    expect(both.items.map((s: { spec: { type: string; sessionAffinity?: string } }) => [s.spec.type, s.spec.sessionAffinity])).to.deep.equal([
      ['LoadBalancer', undefined],
      ['NodePort', 'ClientIP'],
    ]);
    const first = asKubectlReads(openEditorFile(testdata('two-services-list.yaml')).withEdits([{ path: 'spec.type', value: 'LoadBalancer' }]));
    expect(first.items.map((s: { spec: { type: string } }) => s.spec.type)).to.deep.equal(['LoadBalancer', 'NodePort']);
  });

  it('edits -o json files (no header) and keeps kubectl\'s four-space indent', () => {
    const text = testdata('service.json');
    const saved = openEditorFile(text).withEdits([{ path: 'spec.type', value: 'LoadBalancer' }]);
    expect(JSON.parse(saved).spec.type).to.equal('LoadBalancer');
    expect(saved.split('\n').filter((line, i) => line !== text.split('\n')[i])).to.deep.equal(['        "type": "LoadBalancer"']);
  });

  it('keeps CRLF line ends of --windows-line-endings', () => {
    const saved = openEditorFile(testdata('service-crlf.yaml')).withEdits([{ path: 'spec.type', value: 'LoadBalancer' }]);
    expect(saved.split('\r\n').length).to.equal(testdata('service-crlf.yaml').split('\r\n').length);
    expect(saved.replace(/\r\n/g, '')).not.to.include('\n');
    expect(saved).to.include('  type: LoadBalancer\r\n');
  });

  it('types values as YAML reads them: numbers, booleans, and texts that would read otherwise are quoted', () => {
    const saved = openEditorFile(testdata('service.yaml')).withEdits([{ path: 'metadata.labels.tier', value: 'yes' }]);
    expect(saved).to.include('    tier: "yes"\n');
    expect(asKubectlReads(saved).metadata.labels).to.deep.equal({ run: 'my-nginx', tier: 'yes' });
    const numbers = asKubectlReads(openEditorFile(testdata('service.yaml')).withEdits([{ path: 'spec.externalTrafficPolicy', value: 3 }]));
    expect(numbers.spec.externalTrafficPolicy).to.equal(3);
  });

  it('removes a field set to null and makes the maps on the way to a new one, as a merge patch does', () => {
    const removed = asKubectlReads(openEditorFile(testdata('service.yaml')).withEdits([{ path: 'spec.selector', value: null }]));
    expect(removed.spec).not.to.have.property('selector');
    const made = asKubectlReads(openEditorFile(testdata('service.yaml')).withEdits([{ path: 'metadata.annotations.note', value: 'edited' }]));
    expect(made.metadata.annotations).to.deep.equal({ note: 'edited' });
  });

  it('refuses what is not a field path, with the memory backend\'s words', () => {
    expect(() => openEditorFile(testdata('service.yaml')).withEdits([{ path: 'spec.ports[0].port', value: 8080 }])).to.throw(FieldPathError, 'list items cannot be edited');
  });

  it('says what is wrong with a file that holds no object', () => {
    expect(() => openEditorFile('# only comments\n')).to.throw(EditorFileError, 'holds no object');
    expect(() => openEditorFile('{ not json')).to.throw(EditorFileError, 'not JSON');
    expect(() => openEditorFile('a: [unclosed\n')).to.throw(EditorFileError, 'not YAML');
  });
});

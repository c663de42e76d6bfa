import { describe, it } from 'node:test';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { appendEdit, EDIT_QUEUE_ENV, pendingEdits } from './edit-queue.ts';
import { defaultKubeEditorCommand } from './editor-command.ts';
import { runEditor } from './editor-program.ts';

function scratch(testdataName: string): { dir: string; file: string; queue: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kube-editor-'));
  const file = join(dir, 'kubectl-edit-123.yaml');
  copyFileSync(new URL(`./testdata/${testdataName}`, import.meta.url), file);
  return { dir, file, queue: join(dir, 'queue.json') };
}

/** Starts the editor as kubectl would: KUBE_EDITOR split on spaces, the file's path appended. */
function asKubectl(file: string, queue: string): Promise<{ code: number; stderr: string }> {
  const [command, ...args] = defaultKubeEditorCommand().split(' ');
  return new Promise((resolve) => {
    execFile(command, [...args, file], { env: { PATH: process.env.PATH, [EDIT_QUEUE_ENV]: queue }, cwd: tmpdir() }, (error, _out, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stderr }),
    );
  });
}

describe('the editor program', () => {
  it('saves the queued change when kubectl starts it as KUBE_EDITOR, and takes it off the queue', async () => {
    const { file, queue } = scratch('service.yaml');
    appendEdit(queue, { path: 'spec.type', value: 'LoadBalancer' });
    const r = await asKubectl(file, queue);
    expect(r).to.deep.equal({ code: 0, stderr: '' });
    expect(readFileSync(file, 'utf8')).to.include('  type: LoadBalancer\n');
    expect(pendingEdits(queue)).to.deep.equal([]);
  });

  it('takes one change per object and leaves the rest queued', () => {
    const { file, queue } = scratch('service.yaml');
    appendEdit(queue, { path: 'spec.type', value: 'LoadBalancer' });
    appendEdit(queue, { path: 'spec.type', value: 'ClusterIP' });
    expect(runEditor(file, queue, () => {})).to.equal(0);
    expect(pendingEdits(queue)).to.deep.equal([{ path: 'spec.type', value: 'ClusterIP' }]);
  });

  it('leaves the file untouched with nothing queued (kubectl: "Edit cancelled, no changes made.")', () => {
    const { file, queue } = scratch('service.yaml');
    const before = readFileSync(file, 'utf8');
    expect(runEditor(file, queue, () => {})).to.equal(0);
    expect(readFileSync(file, 'utf8')).to.equal(before);
  });

  it('fails with one line on stderr, which kubectl reports as a problem with the editor', () => {
    const { file, queue } = scratch('service.yaml');
    appendEdit(queue, { path: 'spec..type', value: 'x' });
    const lines: string[] = [];
    expect(runEditor(file, queue, (l) => lines.push(l))).to.equal(1);
    expect(lines).to.have.length(1);
    expect(lines[0]).to.match(/^error: "spec\.\.type" is not a field path/);
    expect(runEditor(undefined, queue, (l) => lines.push(l))).to.equal(2);
    expect(runEditor(file, undefined, (l) => lines.push(l))).to.equal(2);
    expect(lines[2]).to.include(EDIT_QUEUE_ENV);
  });
});

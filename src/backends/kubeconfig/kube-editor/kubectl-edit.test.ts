/**
 * The real kubectl driving our editor: `kubectl edit` against a stub API
 * server (testdata/edit-stub-apiserver.ts), KUBE_EDITOR as the kubeconfig
 * backend sets it. The stub serves no OpenAPI, so kubectl's client-side
 * validation is switched off with --validate=false; a real cluster validates
 * on the server.
 */
import { after, before, describe, it } from 'node:test';
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { appendEdit, EDIT_QUEUE_ENV, pendingEdits } from './edit-queue.ts';
import { defaultKubeEditorCommand } from './editor-command.ts';
import { startEditStubApiServer, stubKubeconfig, type EditStubServer } from './testdata/edit-stub-apiserver.ts';

const noKubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0 ? false : 'no kubectl client on this machine';
if (noKubectl) console.log(`# skipped: kubectl edit with our editor: ${noKubectl}`);

const service = (name: string) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '100', creationTimestamp: '2024-12-10T10:00:00Z', labels: { run: 'my-nginx' } },
  spec: { type: 'NodePort', clusterIP: '10.96.12.34', clusterIPs: ['10.96.12.34'], ports: [{ port: 80, protocol: 'TCP', targetPort: 80, nodePort: 31234 }], selector: { run: 'my-nginx' } },
  status: { loadBalancer: {} },
});

describe('kubectl edit with our editor (the real kubectl)', { skip: noKubectl }, () => {
  let stub: EditStubServer;
  let dir: string;
  let queue: string;
  before(async () => {
    stub = await startEditStubApiServer([service('my-nginx'), service('other')]);
    dir = mkdtempSync(join(tmpdir(), 'kubectl-edit-'));
    writeFileSync(join(dir, 'kubeconfig'), stubKubeconfig(stub.url));
    queue = join(dir, 'queue.json');
  });
  after(() => stub.close());

  // Asynchronous: the stub answers from this process.
  const kubectl = (...args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      const env = { PATH: process.env.PATH, HOME: dir, KUBECONFIG: join(dir, 'kubeconfig'), KUBE_EDITOR: defaultKubeEditorCommand(), [EDIT_QUEUE_ENV]: queue };
      execFile('kubectl', args, { env, cwd: dir }, (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }));
    });

  it('patches the field the scenario named and prints "edited" (seed 000: spec.type to LoadBalancer)', async () => {
    appendEdit(queue, { path: 'spec.type', value: 'LoadBalancer' });
    const r = await kubectl('edit', 'svc', 'my-nginx', '--validate=false');
    expect(r).to.deep.equal({ code: 0, stdout: 'service/my-nginx edited\n', stderr: '' });
    expect(stub.patches.map((p) => [p.path, p.contentType, p.body])).to.deep.equal([
      ['/api/v1/namespaces/default/services/my-nginx', 'application/strategic-merge-patch+json', { spec: { type: 'LoadBalancer' } }],
    ]);
    expect(pendingEdits(queue)).to.deep.equal([]);
  });

  it('with nothing queued, saves nothing: "Edit cancelled, no changes made."', async () => {
    const before = stub.patches.length;
    const r = await kubectl('edit', 'svc', 'other', '--validate=false');
    expect(r).to.deep.equal({ code: 0, stdout: '', stderr: 'Edit cancelled, no changes made.\n' });
    expect(stub.patches.length).to.equal(before);
  });

  it('edits both objects of a List and -o json files the same way', async () => {
    appendEdit(queue, { path: 'metadata.labels.tier', value: 'web' });
    appendEdit(queue, { path: 'spec.sessionAffinity', value: 'ClientIP' });
    const r = await kubectl('edit', 'svc', 'my-nginx', 'other', '--validate=false', '-o', 'json');
    expect(r.code).to.equal(0);
    // -o json also prints the edited objects as JSON.
    expect(r.stdout).to.include('"sessionAffinity": "ClientIP"').and.to.include('"tier": "web"');
    expect(stub.patches.slice(-2).map((p) => p.body)).to.deep.equal([{ metadata: { labels: { tier: 'web' } } }, { spec: { sessionAffinity: 'ClientIP' } }]);
  });
});

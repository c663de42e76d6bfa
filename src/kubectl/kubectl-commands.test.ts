/**
 * kubectl's commands against the test API server: what they print and what
 * they write. Goldens name their source; the seeds are /work/shared/seeds.
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { parse as parseYaml } from 'yaml';
import type { KubeObject } from '../api/meta.ts';
import type { Deployment } from '../api/apps.ts';
import type { Service } from '../api/core.ts';
import { LAST_APPLIED_ANNOTATION } from './last-applied.ts';
import { createFakeHost } from './testing/fake-host.ts';

const SVC = `apiVersion: v1
kind: Service
metadata:
  name: my-nginx
  labels:
    run: my-nginx
spec:
  ports:
  - port: 80
    protocol: TCP
  selector:
    run: my-nginx
`;

// Seed 000: run-my-nginx.yaml.
const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: my-nginx
spec:
  selector:
    matchLabels:
      run: my-nginx
  replicas: 2
  template:
    metadata:
      labels:
        run: my-nginx
    spec:
      containers:
      - name: my-nginx
        image: nginx
        ports:
        - containerPort: 80
`;

const runningPod = (name: string, labels: Record<string, string>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', labels },
  spec: { nodeName: 'kind-worker', containers: [{ name: 'c', image: 'nginx' }] },
  status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [{ name: 'c', image: 'nginx', imageID: '', ready: true, restartCount: 0, state: { running: {} } }] },
});

describe('kubectl apply (client-side apply)', () => {
  it('creates, then reports unchanged, then configured (seed 000 texts)', async () => {
    const host = createFakeHost({ 'run-my-nginx.yaml': DEPLOY });
    expect(await host.kubectl(['apply', '-f', './run-my-nginx.yaml'])).to.deep.equal({ stdout: 'deployment.apps/my-nginx created\n', stderr: '', exitCode: 0 });
    expect((await host.kubectl(['apply', '-f', './run-my-nginx.yaml'])).stdout).to.equal('deployment.apps/my-nginx unchanged\n');
    host.fs.writeFile('/work/run-my-nginx.yaml', DEPLOY.replace('replicas: 2', 'replicas: 3'));
    expect((await host.kubectl(['apply', '-f', './run-my-nginx.yaml'])).stdout).to.equal('deployment.apps/my-nginx configured\n');
    expect(host.api.get<Deployment>({ kind: 'Deployment', namespace: 'default', name: 'my-nginx' }).spec.replicas).to.equal(3);
  });

  it('writes the last-applied annotation as sorted compact JSON with an empty annotations map (kubectl/pkg/util/apply.go)', async () => {
    const host = createFakeHost({ 'svc.yaml': SVC });
    await host.kubectl(['apply', '-f', 'svc.yaml']);
    const svc = host.api.get<Service>({ kind: 'Service', namespace: 'default', name: 'my-nginx' });
    expect(svc.metadata.annotations?.[LAST_APPLIED_ANNOTATION]).to.equal(
      '{"apiVersion":"v1","kind":"Service","metadata":{"annotations":{},"labels":{"run":"my-nginx"},"name":"my-nginx","namespace":"default"},"spec":{"ports":[{"port":80,"protocol":"TCP"}],"selector":{"run":"my-nginx"}}}\n',
    );
  });

  it('keeps server-set fields (allocated nodePort) and drops fields removed from the file (strategicpatch three-way merge)', async () => {
    const nodePortSvc = SVC.replace('spec:\n', 'spec:\n  type: NodePort\n').replace('    protocol: TCP\n', '    protocol: TCP\n    targetPort: 80\n');
    const host = createFakeHost({ 'svc.yaml': nodePortSvc });
    await host.kubectl(['apply', '-f', 'svc.yaml']);
    const live = host.api.get<Service>({ kind: 'Service', namespace: 'default', name: 'my-nginx' });
    live.spec.ports![0].nodePort = 31704; // what the API server allocated
    live.spec.clusterIP = '10.96.162.149';
    host.api.update(live);
    host.fs.writeFile('/work/svc.yaml', nodePortSvc.replace('targetPort: 80', 'targetPort: 8080').replace('  labels:\n    run: my-nginx\n', ''));
    expect((await host.kubectl(['apply', '-f', 'svc.yaml'])).stdout).to.equal('service/my-nginx configured\n');
    const after = host.api.get<Service>({ kind: 'Service', namespace: 'default', name: 'my-nginx' });
    expect(after.spec.ports).to.deep.equal([{ port: 80, protocol: 'TCP', targetPort: 8080, nodePort: 31704 }]);
    expect(after.spec.clusterIP).to.equal('10.96.162.149');
    expect(after.metadata.labels).to.equal(undefined);
  });

  it('warns when the live object was not created by apply (kubectl apply.go warning text)', async () => {
    const host = createFakeHost({ 'svc.yaml': SVC });
    await host.kubectl(['create', '-f', 'svc.yaml']);
    const got = await host.kubectl(['apply', '-f', 'svc.yaml']);
    expect(got.stderr).to.equal(
      'Warning: resource services/my-nginx is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n',
    );
    expect(got.stdout).to.equal('service/my-nginx configured\n');
  });

  it('applies every document of a multi-document file and of a directory, -R descending', async () => {
    const host = createFakeHost({ 'both.yaml': `${SVC}---\n${DEPLOY}`, 'dir/a.yaml': SVC.replace(/my-nginx/g, 'a'), 'dir/sub/b.yml': SVC.replace(/my-nginx/g, 'b'), 'dir/notes.txt': 'x' });
    expect((await host.kubectl(['apply', '-f', 'both.yaml'])).stdout).to.equal('service/my-nginx created\ndeployment.apps/my-nginx created\n');
    expect((await host.kubectl(['apply', '-f', 'dir'])).stdout).to.equal('service/a created\n');
    expect((await host.kubectl(['apply', '-R', '-f', 'dir'])).stdout).to.equal('service/a unchanged\nservice/b created\n');
  });

  it('reads a List and stdin', async () => {
    const list = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [parseYaml(SVC)] });
    const host = createFakeHost();
    expect((await host.kubectl(['apply', '-f', '-'], list)).stdout).to.equal('service/my-nginx created\n');
  });

  it('prints server warnings on stderr', async () => {
    const host = createFakeHost({ 'svc.yaml': SVC });
    host.api.nextWarnings = ['spec.externalName is ignored when spec.type is not "ExternalName"'];
    const got = await host.kubectl(['apply', '-f', 'svc.yaml']);
    expect(got.stderr).to.equal('Warning: spec.externalName is ignored when spec.type is not "ExternalName"\n');
  });
});

describe('kubectl create, expose, scale, label, annotate, patch, delete (seed 000 and 001 flows)', () => {
  it('exposes a deployment with the selector and port of its template (seed 000: service/my-nginx exposed)', async () => {
    const host = createFakeHost({ 'run-my-nginx.yaml': DEPLOY });
    await host.kubectl(['apply', '-f', './run-my-nginx.yaml']);
    expect(await host.kubectl(['expose', 'deployment/my-nginx'])).to.deep.equal({ stdout: 'service/my-nginx exposed\n', stderr: '', exitCode: 0 });
    const svc = host.api.get<Service>({ kind: 'Service', namespace: 'default', name: 'my-nginx' });
    expect(svc.spec).to.deep.equal({ ports: [{ protocol: 'TCP', port: 80, targetPort: 80 }], selector: { run: 'my-nginx' } });
  });

  it('exposes with --type, --name, --port, --target-port (seed 003: kubectl expose deployment web --port=80 --type=NodePort --target-port=80 --name=web)', async () => {
    const host = createFakeHost();
    await host.kubectl(['create', 'deployment', 'web', '--image=nginx:1.18-alpine']);
    expect((await host.kubectl(['expose', 'deployment', 'web', '--port=80', '--type=NodePort', '--target-port=80', '--name=web'])).stdout).to.equal('service/web exposed\n');
    const svc = host.api.get<Service>({ kind: 'Service', namespace: 'default', name: 'web' });
    expect(svc.spec).to.deep.equal({ ports: [{ protocol: 'TCP', port: 80, targetPort: 80 }], selector: { app: 'web' }, type: 'NodePort' });
    expect(svc.metadata.labels).to.deep.equal({ app: 'web' });
  });

  it('scales (seed 000: kubectl scale deployment my-nginx --replicas=0)', async () => {
    const host = createFakeHost({ 'd.yaml': DEPLOY });
    await host.kubectl(['apply', '-f', 'd.yaml']);
    expect((await host.kubectl(['scale', 'deployment', 'my-nginx', '--replicas=0'])).stdout).to.equal('deployment.apps/my-nginx scaled\n');
    expect((await host.kubectl(['scale', 'deployment/my-nginx', '--replicas=2', '--current-replicas=0'])).stdout).to.equal('deployment.apps/my-nginx scaled\n');
    expect(host.api.get<Deployment>({ kind: 'Deployment', namespace: 'default', name: 'my-nginx' }).spec.replicas).to.equal(2);
  });

  it('labels and annotates (kubectl label.go / annotate.go operations)', async () => {
    const host = createFakeHost({ 'svc.yaml': SVC });
    await host.kubectl(['create', '-f', 'svc.yaml']);
    expect((await host.kubectl(['label', 'svc', 'my-nginx', 'tier=web'])).stdout).to.equal('service/my-nginx labeled\n');
    expect((await host.kubectl(['label', 'svc', 'my-nginx', 'tier=web'])).stdout).to.equal('service/my-nginx not labeled\n');
    expect((await host.kubectl(['label', 'svc', 'my-nginx', 'run=x', '--overwrite'])).stdout).to.equal('service/my-nginx labeled\n');
    expect((await host.kubectl(['label', 'svc/my-nginx', 'tier-'])).stdout).to.equal('service/my-nginx labeled\n');
    expect((await host.kubectl(['annotate', 'svc', 'my-nginx', 'note=hi'])).stdout).to.equal('service/my-nginx annotated\n');
    const svc = host.api.get<Service>({ kind: 'Service', namespace: 'default', name: 'my-nginx' });
    expect(svc.metadata.labels).to.deep.equal({ run: 'x' });
    expect(svc.metadata.annotations).to.deep.equal({ note: 'hi' });
  });

  it('patches, and says (no change) when nothing changed (kubectl patch.go)', async () => {
    const host = createFakeHost({ 'svc.yaml': SVC });
    await host.kubectl(['create', '-f', 'svc.yaml']);
    expect((await host.kubectl(['patch', 'svc', 'my-nginx', '-p', '{"spec":{"type":"NodePort"}}', '--type=merge'])).stdout).to.equal('service/my-nginx patched\n');
    expect((await host.kubectl(['patch', 'svc', 'my-nginx', '-p', 'spec: {type: NodePort}', '--type=merge'])).stdout).to.equal('service/my-nginx patched (no change)\n');
  });

  it('deletes several kinds by name (seed 000: kubectl delete deployments,svc my-nginx)', async () => {
    const host = createFakeHost({ 'both.yaml': `${SVC}---\n${DEPLOY}` });
    await host.kubectl(['apply', '-f', 'both.yaml']);
    expect(await host.kubectl(['delete', 'deployments,svc', 'my-nginx'])).to.deep.equal({ stdout: 'deployment.apps "my-nginx" deleted\nservice "my-nginx" deleted\n', stderr: '', exitCode: 0 });
    expect(host.api.list('Service', { namespace: 'default' })).to.deep.equal([]);
  });

  it('waits for the deleted object to be gone on the virtual clock, and says force deleted with --force --grace-period=0', async () => {
    const host = createFakeHost();
    host.api.create(runningPod('p1', { app: 'x' }));
    let ticks = 0;
    // Graceful deletion: the object stays until the kubelet is done (here: 3 virtual seconds).
    const realDelete = host.api.delete.bind(host.api);
    host.api.delete = ((key: Parameters<typeof realDelete>[0]) => host.api.get(key)) as typeof host.api.delete;
    host.onTick = () => {
      if (++ticks === 3) realDelete({ kind: 'Pod', namespace: 'default', name: 'p1' });
    };
    expect((await host.kubectl(['delete', 'pod', 'p1'])).stdout).to.equal('pod "p1" deleted\n');
    expect(host.now() - Date.UTC(2026, 0, 1)).to.equal(3000);
    host.api.delete = realDelete;
    host.api.create(runningPod('p2', { app: 'x' }));
    expect(await host.kubectl(['delete', 'pod', 'p2', '--force', '--grace-period=0'])).to.deep.equal({
      stdout: 'pod "p2" force deleted\n',
      stderr: 'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
      exitCode: 0,
    });
  });

  it('deletes by selector and --all, printing No resources found when nothing matched (delete.go)', async () => {
    const host = createFakeHost();
    host.api.create(runningPod('a', { app: 'x' }));
    host.api.create(runningPod('b', { app: 'y' }));
    expect((await host.kubectl(['delete', 'pods', '-l', 'app=x'])).stdout).to.equal('pod "a" deleted\n');
    expect((await host.kubectl(['delete', 'pods', '-l', 'app=x'])).stdout).to.equal('No resources found\n');
    expect((await host.kubectl(['delete', 'pods', '--all', '-o', 'name'])).stdout).to.equal('pod/b\n');
  });

  it('creates from files with --save-config and in another namespace', async () => {
    const host = createFakeHost({ 'svc.yaml': SVC });
    await host.kubectl(['create', 'namespace', 'config']);
    expect((await host.kubectl(['create', '-f', 'svc.yaml', '-n', 'config', '--save-config'])).stdout).to.equal('service/my-nginx created\n');
    const svc = host.api.get<Service>({ kind: 'Service', namespace: 'config', name: 'my-nginx' });
    expect(svc.metadata.annotations?.[LAST_APPLIED_ANNOTATION]).to.contain('"namespace":"config"');
  });

  it('creates a TLS secret from PEM files (seed 000: kubectl create secret tls nginxsecret --key ... --cert ...)', async () => {
    const host = createFakeHost({ 'tls.crt': '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n', 'tls.key': 'x' });
    // The key file holds no PEM block: X509KeyPair looks for the key's PEM before it parses the certificate.
    expect((await host.kubectl(['create', 'secret', 'tls', 'nginxsecret', '--key', 'tls.key', '--cert', 'tls.crt'])).stderr).to.equal('error: tls: failed to find any PEM data in key input\n');
  });
});

describe('kubectl get, describe', () => {
  it('reports an empty namespace on stderr and nothing on stdout (get.go)', async () => {
    const host = createFakeHost();
    expect(await host.kubectl(['get', 'pods'])).to.deep.equal({ stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 });
    expect(await host.kubectl(['get', 'pods', '-A'])).to.deep.equal({ stdout: '', stderr: 'No resources found\n', exitCode: 0 });
    expect(await host.kubectl(['get', 'svc', 'x', '--ignore-not-found'])).to.deep.equal({ stdout: '', stderr: '', exitCode: 0 });
  });

  it('wraps several objects in a List for -o yaml, and prints one named object as itself (get.go printGeneric)', async () => {
    const host = createFakeHost({ 'svc.yaml': SVC });
    await host.kubectl(['create', '-f', 'svc.yaml']);
    const list = parseYaml((await host.kubectl(['get', 'svc', '-o', 'yaml'])).stdout);
    expect(list.kind).to.equal('List');
    expect(list.metadata).to.deep.equal({ resourceVersion: '' });
    expect(list.items.map((i: KubeObject) => i.metadata.name)).to.deep.equal(['my-nginx']);
    const one = parseYaml((await host.kubectl(['get', 'svc', 'my-nginx', '-o', 'yaml'])).stdout);
    expect(one.kind).to.equal('Service');
  });

  it('prints what it found and the errors of what it did not', async () => {
    const host = createFakeHost({ 'svc.yaml': SVC });
    await host.kubectl(['create', '-f', 'svc.yaml']);
    const got = await host.kubectl(['get', 'svc', 'my-nginx', 'nope', '-o', 'name']);
    expect(got).to.deep.equal({ stdout: 'service/my-nginx\n', stderr: 'Error from server (NotFound): services "nope" not found\n', exitCode: 1 });
  });

  it('describes by name prefix when no object has the name (describe.go DescribeMatchingResources)', async () => {
    const host = createFakeHost();
    host.api.create(runningPod('kubia-3inly', { app: 'kubia' }));
    host.api.create(runningPod('kubia-7n0gl', { app: 'kubia' }));
    const got = await host.kubectl(['describe', 'pods', 'kubia']);
    expect(got.exitCode).to.equal(0);
    expect(got.stdout.split('\n').filter((l) => l.startsWith('Name:')).length).to.equal(2);
  });
});

describe('kubectl exec, run, logs', () => {
  it('refuses the old form without -- (seed 001: kubectl exec kubia-3inly env; kubectl 1.32 on this machine, removed in 1.31 by kubernetes#125437)', async () => {
    const host = createFakeHost();
    host.api.create(runningPod('kubia-3inly', { app: 'kubia' }));
    expect(await host.kubectl(['exec', 'kubia-3inly', 'env'])).to.deep.equal({
      stdout: '',
      stderr: "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n",
      exitCode: 1,
    });
    expect(host.execCalls).to.deep.equal([]);
  });

  it('runs in a pod of a deployment and warns that -t has no terminal (exec.go, term.go)', async () => {
    const host = createFakeHost({ 'd.yaml': DEPLOY });
    await host.kubectl(['apply', '-f', 'd.yaml']);
    host.api.create(runningPod('my-nginx-abc', { run: 'my-nginx' }));
    const got = await host.kubectl(['exec', '-it', 'deploy/my-nginx', '--', 'sh', '-c', 'echo hi']);
    expect(got.stderr).to.equal('Unable to use a TTY - input is not a terminal or the right kind of file\n');
    expect(host.execCalls[0]).to.deep.equal({ ns: 'default', pod: 'my-nginx-abc', container: 'c', argv: ['sh', '-c', 'echo hi'] });
  });

  it('run -i --rm: waits for Running, attaches, deletes (seed 000: kubectl run curl --image=radial/busyboxplus:curl -i --tty --rm)', async () => {
    const host = createFakeHost();
    host.onTick = () => {
      const pod = host.api.tryGet<KubeObject>({ kind: 'Pod', namespace: 'default', name: 'curl' });
      if (pod) host.api.updateStatus({ ...pod, status: { phase: 'Running' } });
    };
    host.execResults.set('curl/curl', { stdout: 'done\n', stderr: '', exitCode: 0 });
    const got = await host.kubectl(['run', 'curl', '--image=radial/busyboxplus:curl', '-i', '--tty', '--rm']);
    expect(got).to.deep.equal({
      stdout: 'done\npod "curl" deleted\n',
      stderr: "Unable to use a TTY - input is not a terminal or the right kind of file\nIf you don't see a command prompt, try pressing enter.\n",
      exitCode: 0,
    });
    expect(host.api.tryGet({ kind: 'Pod', namespace: 'default', name: 'curl' })).to.equal(undefined);
  });

  it('run creates the pod of the generator (generate/versioned/run.go BasicPod)', async () => {
    const host = createFakeHost();
    expect((await host.kubectl(['run', 'dnsutils', '--image=tutum/dnsutils', '--command', '--', 'sleep', 'infinity'])).stdout).to.equal('pod/dnsutils created\n');
    const pod = host.api.get<KubeObject>({ kind: 'Pod', namespace: 'default', name: 'dnsutils' });
    expect(pod.metadata.labels).to.deep.equal({ run: 'dnsutils' });
    expect(pod.spec).to.deep.equal({ containers: [{ name: 'dnsutils', image: 'tutum/dnsutils', command: ['sleep', 'infinity'], resources: {} }], restartPolicy: 'Always', dnsPolicy: 'ClusterFirst' });
  });

  it('run --dry-run=client -o json prints the pod in struct order (kubectl run docs: kubectl run nginx --image=nginx --dry-run=client)', async () => {
    const host = createFakeHost();
    const got = await host.kubectl(['run', 'nginx', '--image=nginx', '--port=80', '--dry-run=client', '-o', 'json']);
    expect(got.stdout).to.equal(
      '{\n    "kind": "Pod",\n    "apiVersion": "v1",\n    "metadata": {\n        "name": "nginx",\n        "creationTimestamp": null,\n        "labels": {\n            "run": "nginx"\n        }\n    },\n' +
        '    "spec": {\n        "containers": [\n            {\n                "name": "nginx",\n                "image": "nginx",\n                "ports": [\n                    {\n                        "containerPort": 80\n                    }\n                ],\n                "resources": {}\n            }\n        ],\n' +
        '        "restartPolicy": "Always",\n        "dnsPolicy": "ClusterFirst"\n    },\n    "status": {}\n}\n',
    );
  });
});

describe('kubectl edit, rollout status, wait', () => {
  it('edits with a queued change and cancels without one (editoptions.go)', async () => {
    const host = createFakeHost({ 'svc.yaml': SVC });
    await host.kubectl(['create', '-f', 'svc.yaml']);
    host.pendingEdits.push({ mergePatch: { spec: { type: 'LoadBalancer' } } });
    expect((await host.kubectl(['edit', 'svc', 'my-nginx'])).stdout).to.equal('service/my-nginx edited\n');
    expect(host.api.get<Service>({ kind: 'Service', namespace: 'default', name: 'my-nginx' }).spec.type).to.equal('LoadBalancer');
    expect(await host.kubectl(['edit', 'svc', 'my-nginx'])).to.deep.equal({ stdout: '', stderr: 'Edit cancelled, no changes made.\n', exitCode: 0 });
    host.pendingEdits.push((yaml) => yaml.replace('type: LoadBalancer', 'type: NodePort'));
    expect((await host.kubectl(['edit', 'svc/my-nginx'])).stdout).to.equal('service/my-nginx edited\n');
    expect(host.api.get<Service>({ kind: 'Service', namespace: 'default', name: 'my-nginx' }).spec.type).to.equal('NodePort');
  });

  it('prints each rollout state until done (polymorphichelpers/rollout_status.go texts)', async () => {
    const host = createFakeHost({ 'd.yaml': DEPLOY });
    await host.kubectl(['apply', '-f', 'd.yaml']);
    const states = [
      { observedGeneration: 1, replicas: 2, updatedReplicas: 0, availableReplicas: 0 },
      { observedGeneration: 1, replicas: 2, updatedReplicas: 2, availableReplicas: 0 },
      { observedGeneration: 1, replicas: 2, updatedReplicas: 2, availableReplicas: 1 },
      { observedGeneration: 1, replicas: 2, updatedReplicas: 2, availableReplicas: 2 },
    ];
    let step = 0;
    host.onTick = () => {
      const d = host.api.get<Deployment>({ kind: 'Deployment', namespace: 'default', name: 'my-nginx' });
      if (step < states.length) host.api.updateStatus({ ...d, status: states[step++] });
    };
    expect((await host.kubectl(['rollout', 'status', 'deployment/my-nginx'])).stdout).to.equal(
      'Waiting for deployment spec update to be observed...\n' +
        'Waiting for deployment "my-nginx" rollout to finish: 0 out of 2 new replicas have been updated...\n' +
        'Waiting for deployment "my-nginx" rollout to finish: 0 of 2 updated replicas are available...\n' +
        'Waiting for deployment "my-nginx" rollout to finish: 1 of 2 updated replicas are available...\n' +
        'deployment "my-nginx" successfully rolled out\n',
    );
  });

  it('waits for a condition and for deletion (wait.go: condition met)', async () => {
    const host = createFakeHost();
    host.api.create({ ...runningPod('x', {}), status: { phase: 'Pending' } });
    host.onTick = (now) => {
      if (now - Date.UTC(2026, 0, 1) === 4000) host.api.updateStatus({ ...host.api.get({ kind: 'Pod', namespace: 'default', name: 'x' }), status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] } });
    };
    expect(await host.kubectl(['wait', '--for=condition=Ready', 'pod/x', '--timeout=60s'])).to.deep.equal({ stdout: 'pod/x condition met\n', stderr: '', exitCode: 0 });
    host.onTick = () => host.api.tryGet({ kind: 'Pod', namespace: 'default', name: 'x' }) && host.api.delete({ kind: 'Pod', namespace: 'default', name: 'x' });
    expect((await host.kubectl(['wait', '--for=delete', 'pod/x'])).stdout).to.equal('pod/x condition met\n');
  });
});

describe('kubectl version, cluster-info, config, api-resources', () => {
  it('prints client, kustomize and server versions (kind v1.31.0 node; kubectl 1.31.9 client)', async () => {
    const host = createFakeHost();
    expect((await host.kubectl(['version'])).stdout).to.equal('Client Version: v1.31.9\nKustomize Version: v5.4.2\nServer Version: v1.31.0\n');
    host.serverVersion = { ...host.serverVersion, minor: '19', gitVersion: 'v1.19.16' };
    expect((await host.kubectl(['version'])).stderr).to.equal('WARNING: version difference between client (1.31) and server (1.19) exceeds the supported minor version skew of +/-1\n');
  });

  it('names the control plane and CoreDNS (clusterinfo.go; kind output)', async () => {
    const host = createFakeHost();
    host.api.create({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'kube-dns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' } },
      spec: { ports: [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, protocol: 'TCP' }] },
    });
    expect((await host.kubectl(['cluster-info'])).stdout).to.equal(
      'Kubernetes control plane is running at https://127.0.0.1:38291\n' +
        'CoreDNS is running at https://127.0.0.1:38291/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n\n' +
        "To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
    );
  });

  it('shows the context and the redacted kubeconfig (kind kubeconfig; config view DATA+OMITTED)', async () => {
    const host = createFakeHost();
    expect((await host.kubectl(['config', 'current-context'])).stdout).to.equal('kind-kind\n');
    expect((await host.kubectl(['config', 'view', '--minify'])).stdout).to.contain('    certificate-authority-data: DATA+OMITTED\n    server: https://127.0.0.1:38291\n');
  });

  it('lists resources in a tabwriter table (apiresources.go columns)', async () => {
    const host = createFakeHost();
    const lines = (await host.kubectl(['api-resources'])).stdout.split('\n');
    expect(lines[0]).to.equal('NAME                     SHORTNAMES   APIVERSION             NAMESPACED   KIND');
    expect(lines[1]).to.equal('configmaps               cm           v1                     true         ConfigMap');
    expect((await host.kubectl(['api-resources', '--namespaced=false', '-o', 'name'])).stdout).to.equal('namespaces\nnodes\n');
  });
});

import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { ConfigMap, Pod, Secret, Service } from '../api/core.ts';
import { ExecError } from './exec/exec-errors.ts';
import { KubeletHarness } from './testing/kubelet-harness.ts';
import { testPrograms } from './testing/test-programs.ts';

const nginxPod = (name: string, extra: Partial<Pod['spec']['containers'][0]> = {}) => ({
  metadata: { name, labels: { run: 'my-nginx' } },
  spec: { containers: [{ name: 'nginx', image: 'nginx', ports: [{ containerPort: 80 }], ...extra }] },
});

const PULLED = /^Pulled: Successfully pulled image "nginx" in \d+(\.\d+)?s \(\d+(\.\d+)?s including waiting\)\. Image size: 71027698 bytes\.$/;

async function execError(promise: Promise<unknown>): Promise<ExecError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof ExecError) return err;
    throw err;
  }
  throw new Error('exec did not fail');
}

describe('Kubelet: pod lifecycle on the virtual clock', () => {
  it('shows ContainerCreating without an IP until the image is pulled, then Running with 10.244.1.2', () => {
    const h = new KubeletHarness();
    h.createPod(nginxPod('web'));
    // Right after scheduling: Pending, ContainerCreating, hostIP and startTime set, no pod IP (as `kubectl get pods -o wide` on kind).
    let pod = h.pod('web');
    expect(pod.status?.phase).to.equal('Pending');
    expect(pod.status?.containerStatuses?.[0].state).to.deep.equal({ waiting: { reason: 'ContainerCreating' } });
    expect(pod.status?.podIP).to.equal(undefined);
    expect(pod.status?.hostIP).to.equal('172.18.0.3');
    expect(pod.status?.conditions?.map((c) => `${c.type}=${c.status}`)).to.deep.equal([
      'PodReadyToStartContainers=False',
      'Initialized=True',
      'Ready=False',
      'ContainersReady=False',
      'PodScheduled=True',
    ]);
    expect(h.events('web')).to.deep.equal(['Pulling: Pulling image "nginx"']);

    h.advance(10_000);
    pod = h.pod('web');
    expect(pod.status?.phase).to.equal('Running');
    expect(pod.status?.podIP).to.equal('10.244.1.2');
    expect(pod.status?.podIPs).to.deep.equal([{ ip: '10.244.1.2' }]);
    expect(pod.status?.conditions?.every((c) => c.status === 'True')).to.equal(true);
    const cs = pod.status!.containerStatuses![0];
    expect(cs.image).to.equal('docker.io/library/nginx:latest');
    expect(cs.imageID).to.match(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(cs.containerID).to.match(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(cs).to.include({ ready: true, started: true, restartCount: 0 });
    const events = h.events('web');
    expect(events[0]).to.equal('Pulling: Pulling image "nginx"');
    expect(events[1]).to.match(PULLED);
    expect(events.slice(2)).to.deep.equal(['Created: Created container nginx', 'Started: Started container nginx']);
    // The Ready transition happened when the container started, after the pull.
    const ready = pod.status!.conditions!.find((c) => c.type === 'Ready')!;
    // Ready turns true when the kubelet sees the container running at its next PLEG relist, a second after it started.
    expect(Date.parse(ready.lastTransitionTime!)).to.equal(Date.parse(cs.state.running!.startedAt!) + 1000);
  });

  it('gives the next pods .3, .4 and pulls an Always image again, waiting for the node puller', () => {
    const h = new KubeletHarness();
    h.createPod(nginxPod('a'));
    h.createPod(nginxPod('b'));
    h.advance(20_000);
    expect([h.pod('a').status?.podIP, h.pod('b').status?.podIP]).to.deep.equal(['10.244.1.2', '10.244.1.3']);
    const pulled = h.events('b').find((e) => e.startsWith('Pulled'))!;
    const m = /in (\S+) \((\S+) including waiting\)/.exec(pulled)!;
    const seconds = (text: string) => (text.endsWith('ms') ? parseFloat(text) / 1000 : parseFloat(text));
    // b's pull queued behind a's first pull: its own pull is a quick repeat, its wait much longer.
    expect(seconds(m[1])).to.be.lessThan(1.6);
    expect(seconds(m[2])).to.be.greaterThan(5);
  });

  it('reports an IfNotPresent image already present for a second pod', () => {
    const h = new KubeletHarness();
    h.createPod({ metadata: { name: 'a' }, spec: { containers: [{ name: 'web', image: 'nginx:1.18-alpine' }] } });
    h.advance(10_000);
    h.createPod({ metadata: { name: 'b' }, spec: { containers: [{ name: 'web', image: 'nginx:1.18-alpine' }] } });
    expect(h.status('b')).to.equal('Running');
    // pkg/kubelet/images/image_manager.go: `Container image %q already present on machine`.
    expect(h.events('b')).to.deep.equal(['Pulled: Container image "nginx:1.18-alpine" already present on machine', 'Created: Created container web', 'Started: Started container web']);
  });

  it('goes ErrImagePull, ImagePullBackOff and retries after 10s, then 20s', () => {
    const h = new KubeletHarness();
    h.createPod({ metadata: { name: 'bad' }, spec: { containers: [{ name: 'nope', image: 'nginxx' }] } });
    h.advance(1300);
    expect(h.status('bad')).to.equal('ErrImagePull');
    const message =
      'failed to pull and unpack image "docker.io/library/nginxx:latest": failed to resolve reference "docker.io/library/nginxx:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed';
    expect(h.pod('bad').status?.containerStatuses?.[0].state.waiting).to.deep.equal({ reason: 'ErrImagePull', message });
    h.advance(1000);
    expect(h.pod('bad').status?.containerStatuses?.[0].state.waiting).to.deep.equal({ reason: 'ImagePullBackOff', message: 'Back-off pulling image "nginxx"' });
    expect(h.events('bad')).to.deep.equal([
      'Pulling: Pulling image "nginxx"',
      `Failed: Failed to pull image "nginxx": ${message}`,
      'Failed: Error: ErrImagePull',
      'BackOff: Back-off pulling image "nginxx"',
      'Failed: Error: ImagePullBackOff',
    ]);
    h.advance(10_000);
    expect(h.api.list<import('../api/core.ts').Event>('Event').find((e) => e.reason === 'Pulling')?.count).to.equal(2);
    h.advance(21_000);
    expect(h.api.list<import('../api/core.ts').Event>('Event').find((e) => e.reason === 'Pulling')?.count).to.equal(3);
    expect(h.pod('bad').status?.phase).to.equal('Pending');
  });

  it('rejects an image name with upper case as InvalidImageName', () => {
    const h = new KubeletHarness();
    h.createPod({ metadata: { name: 'bad' }, spec: { containers: [{ name: 'c', image: 'Nginx' }] } });
    expect(h.pod('bad').status?.containerStatuses?.[0].state.waiting).to.deep.equal({
      reason: 'InvalidImageName',
      message: 'Failed to apply default image tag "Nginx": couldn\'t parse image reference "Nginx": invalid reference format: repository name must be lowercase',
    });
  });

  it('restarts busybox without a command at once, then in CrashLoopBackOff with 10s, 20s back-off', () => {
    const h = new KubeletHarness();
    h.createPod({ metadata: { name: 'bb' }, spec: { containers: [{ name: 'busybox', image: 'busybox' }] } });
    h.advance(2000);
    // sh without stdin exits 0 at once: Completed, then a restart right away (doBackOff arms 10s).
    expect(h.status('bb')).to.equal('Completed');
    h.advance(3000);
    const pod = h.pod('bb');
    const cs = pod.status!.containerStatuses![0];
    expect(cs.restartCount).to.equal(1);
    expect(cs.state.waiting?.reason).to.equal('CrashLoopBackOff');
    // kuberuntime_manager.go doBackOff: `back-off %s restarting failed container=%s pod=%s`, format.Pod = name_namespace(uid).
    expect(cs.state.waiting?.message).to.equal(`back-off 10s restarting failed container=busybox pod=bb_default(${pod.metadata.uid})`);
    expect(cs.lastState?.terminated).to.include({ exitCode: 0, reason: 'Completed' });
    expect(pod.status?.phase).to.equal('Running');
    expect(h.events('bb')).to.include(`BackOff: Back-off restarting failed container busybox in pod bb_default(${pod.metadata.uid})`);
    h.advance(12_000);
    const later = h.pod('bb').status!.containerStatuses![0];
    expect(later.restartCount).to.equal(2);
    expect(later.state.waiting?.message).to.match(/^back-off 20s restarting failed container=busybox /);
  });

  it('keeps a busybox pod with `sleep 3600` running, then Completed and restarted after the hour', () => {
    const h = new KubeletHarness();
    h.createPod({ metadata: { name: 's' }, spec: { containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }] } });
    h.advance(3_500_000);
    expect(h.status('s')).to.equal('Running');
    h.advance(150_000);
    expect(h.pod('s').status?.containerStatuses?.[0].restartCount).to.equal(1);
  });

  it('fails to start a command missing from the image with runc\'s message (StartError, exit 128)', () => {
    const h = new KubeletHarness();
    h.createPod({ metadata: { name: 'x' }, spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox', command: ['curl', 'http://x'] }] } });
    h.advance(5000);
    const terminated = h.pod('x').status!.containerStatuses![0].state.terminated!;
    expect(terminated).to.include({ exitCode: 128, reason: 'StartError' });
    expect(terminated.message).to.equal(
      'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "curl": executable file not found in $PATH: unknown',
    );
    expect(h.pod('x').status?.phase).to.equal('Failed');
  });

  it('terminates nginx within a second of deletion (Terminating meanwhile) and frees its IP', () => {
    const h = new KubeletHarness();
    h.createPod(nginxPod('web'));
    h.advance(10_000);
    h.api.delete({ kind: 'Pod', namespace: 'default', name: 'web' });
    h.settle();
    expect(h.status('web')).to.equal('Terminating');
    expect(h.events('web').at(-1)).to.equal('Killing: Stopping container nginx');
    h.advance(2000);
    expect(h.status('web')).to.equal('<gone>');
    expect(h.runtimes.byIP('10.244.1.2')).to.have.length(0);
  });

  it('waits the 30s grace period for kubia, whose node ignores SIGTERM as PID 1, and reports exit 137', () => {
    const h = new KubeletHarness();
    h.createPod({ metadata: { name: 'kubia' }, spec: { containers: [{ name: 'kubia', image: 'luksa/kubia' }] } });
    h.advance(20_000);
    h.api.delete({ kind: 'Pod', namespace: 'default', name: 'kubia' });
    h.advance(29_000);
    expect(h.status('kubia')).to.equal('Terminating');
    h.advance(1000);
    expect(h.pod('kubia').status?.containerStatuses?.[0].state.terminated).to.include({ exitCode: 137, reason: 'Error' });
    h.advance(1000);
    expect(h.status('kubia')).to.equal('<gone>');
  });
});

describe('Kubelet: environment (seed 000 ordering problem)', () => {
  it('gives MY_NGINX_* only to pods started after the service exists', async () => {
    const h = new KubeletHarness();
    h.createPod(nginxPod('before'));
    h.advance(10_000);
    const svc: Service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'my-nginx', namespace: 'default' }, spec: { selector: { run: 'my-nginx' }, ports: [{ port: 80, protocol: 'TCP' }] } };
    const ip = h.api.create<Service>(svc).object.spec.clusterIP;
    h.createPod(nginxPod('after'));
    h.advance(10_000);
    const grep = async (pod: string) => (await h.kubelet.exec('default', pod, undefined, ['printenv'], '', false)).stdout.split('\n').filter((l) => l.includes('SERVICE')).sort();
    expect(await grep('before')).to.deep.equal(['KUBERNETES_SERVICE_HOST=10.96.0.1', 'KUBERNETES_SERVICE_PORT=443', 'KUBERNETES_SERVICE_PORT_HTTPS=443']);
    expect(await grep('after')).to.deep.equal(['KUBERNETES_SERVICE_HOST=10.96.0.1', 'KUBERNETES_SERVICE_PORT=443', 'KUBERNETES_SERVICE_PORT_HTTPS=443', `MY_NGINX_SERVICE_HOST=${ip}`, 'MY_NGINX_SERVICE_PORT=80']);
  });

  it('stops a container whose ConfigMap is missing with CreateContainerConfigError, and starts it once the ConfigMap exists', () => {
    const h = new KubeletHarness();
    h.createPod({ metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx:1.18-alpine', envFrom: [{ configMapRef: { name: 'cfg' } }] }] } });
    h.advance(5000);
    expect(h.pod('p').status?.containerStatuses?.[0].state.waiting).to.deep.equal({ reason: 'CreateContainerConfigError', message: 'configmap "cfg" not found' });
    expect(h.events('p')).to.include('Failed: Error: configmap "cfg" not found');
    h.api.create<ConfigMap>({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' }, data: { A: '1' } });
    h.advance(10_000);
    expect(h.status('p')).to.equal('Running');
  });
});

describe('Kubelet: exec', () => {
  it('runs present programs with the container environment and files', async () => {
    const h = new KubeletHarness();
    h.createPod(nginxPod('web'));
    h.advance(10_000);
    const run = (argv: string[]) => h.kubelet.exec('default', 'web', 'nginx', argv, '', false);
    // FIDELITY §6: resolv.conf of a ClusterFirst pod in default.
    expect((await run(['cat', '/etc/resolv.conf'])).stdout).to.equal('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
    expect((await run(['cat', '/etc/hostname'])).stdout).to.equal('web\n');
    expect((await run(['cat', '/etc/hosts'])).stdout.split('\n').at(-2)).to.equal('10.244.1.2\tweb');
    expect((await run(['cat', '/var/run/secrets/kubernetes.io/serviceaccount/namespace'])).stdout).to.equal('default');
    expect((await run(['sh', '-c', 'echo $HOSTNAME $NGINX_VERSION $HOME'])).stdout).to.equal('web 1.27.1 /root\n');
    expect(await run(['cat', '/nope'])).to.include({ exitCode: 1 });
  });

  it('fails for a program missing from the image with containerd\'s message (kubectl exits 1)', async () => {
    const h = new KubeletHarness();
    h.createPod({ metadata: { name: 'kubia' }, spec: { containers: [{ name: 'kubia', image: 'luksa/kubia' }] } });
    h.advance(20_000);
    const err = await execError(h.kubelet.exec('default', 'kubia', undefined, ['nslookup', 'kubia'], '', false));
    expect(err.kubectlOutput).to.match(
      /^error: Internal error occurred: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "nslookup": executable file not found in \$PATH: unknown\n$/,
    );
    expect(err.exitCode).to.equal(1);
    const path = await execError(h.kubelet.exec('default', 'kubia', undefined, ['/bin/ash'], '', false));
    expect(path.kubectlOutput).to.include('exec: "/bin/ash": stat /bin/ash: no such file or directory: unknown');
  });

  it('refuses exec into a container that is not running yet or does not exist', async () => {
    const h = new KubeletHarness();
    h.createPod(nginxPod('web'));
    expect((await execError(h.kubelet.exec('default', 'web', undefined, ['ls'], '', false))).kubectlOutput).to.equal('error: unable to upgrade connection: container not found ("nginx")\n');
    expect((await execError(h.kubelet.exec('default', 'web', 'side', ['ls'], '', false))).kubectlOutput).to.equal('Error from server (BadRequest): container side is not valid for pod web\n');
    expect((await execError(h.kubelet.exec('default', 'nope', undefined, ['ls'], '', false))).kubectlOutput).to.equal('Error from server (NotFound): pods "nope" not found\n');
  });
});

describe('Kubelet: readiness probe of seed 001 (`exec: [ls, /var/ready]`)', () => {
  it('stays not ready with Unhealthy events, becomes ready within a period after `touch /var/ready`', async () => {
    const h = new KubeletHarness({ programs: testPrograms() });
    h.createPod({
      metadata: { name: 'kubia-a', labels: { app: 'kubia' } },
      spec: { containers: [{ name: 'kubia', image: 'luksa/kubia', ports: [{ name: 'http', containerPort: 8080 }], readinessProbe: { exec: { command: ['ls', '/var/ready'] } } }] },
    });
    h.advance(30_000);
    let pod = h.pod('kubia-a');
    expect(pod.status?.phase).to.equal('Running');
    expect(pod.status?.conditions?.find((c) => c.type === 'Ready')).to.include({ status: 'False', reason: 'ContainersNotReady' });
    expect(pod.status?.containerStatuses?.[0].ready).to.equal(false);
    expect(h.events('kubia-a')).to.include("Unhealthy: Readiness probe failed: ls: cannot access '/var/ready': No such file or directory\n");
    await h.kubelet.exec('default', 'kubia-a', undefined, ['touch', '/var/ready'], '', false);
    h.advance(10_000);
    pod = h.pod('kubia-a');
    expect(pod.status?.conditions?.find((c) => c.type === 'Ready')?.status).to.equal('True');
    expect(pod.status?.containerStatuses?.[0]).to.include({ ready: true, restartCount: 0 });
  });

  it('restarts a container whose liveness probe fails three times (httpGet 404)', () => {
    const h = new KubeletHarness();
    h.createPod(nginxPod('web', { livenessProbe: { httpGet: { path: '/healthz', port: 80 } } }));
    h.advance(10_000);
    expect(h.events('web')).to.include('Unhealthy: Liveness probe failed: HTTP probe failed with statuscode: 404');
    h.advance(25_000);
    expect(h.events('web')).to.include('Killing: Container nginx failed liveness probe, will be restarted');
    h.advance(5000);
    const cs = h.pod('web').status!.containerStatuses![0];
    expect(cs.restartCount).to.equal(1);
    expect(cs.lastState?.terminated).to.include({ exitCode: 0, reason: 'Completed' });
  });

  it('reports connection refused for a tcpSocket probe on a closed port', () => {
    const h = new KubeletHarness();
    h.createPod(nginxPod('web', { readinessProbe: { tcpSocket: { port: 8080 }, periodSeconds: 5 } }));
    h.advance(10_000);
    expect(h.events('web')).to.include('Unhealthy: Readiness probe failed: dial tcp 10.244.1.2:8080: connect: connection refused');
    expect(h.pod('web').status?.containerStatuses?.[0].ready).to.equal(false);
  });
});

describe('Kubelet: volumes', () => {
  function secret(name: string, data: Record<string, string>): Secret {
    return { apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace: 'default' }, type: 'kubernetes.io/tls', data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Buffer.from(v).toString('base64')])) };
  }

  it('waits in ContainerCreating with FailedMount until the Secret exists', () => {
    const h = new KubeletHarness();
    h.createPod({ metadata: { name: 'p' }, spec: { volumes: [{ name: 'secret-volume', secret: { secretName: 'nginxsecret' } }], containers: [{ name: 'c', image: 'nginx', volumeMounts: [{ name: 'secret-volume', mountPath: '/etc/nginx/ssl' }] }] } });
    h.advance(5000);
    expect(h.status('p')).to.equal('ContainerCreating');
    expect(h.events('p')[0]).to.equal('FailedMount: MountVolume.SetUp failed for volume "secret-volume" : secret "nginxsecret" not found');
    h.api.create(secret('nginxsecret', { 'tls.crt': 'CERT', 'tls.key': 'KEY' }));
    h.advance(30_000);
    expect(h.status('p')).to.equal('Running');
  });

  it('mounts ConfigMap keys read-only, updates them at the next periodic sync, never a subPath copy', async () => {
    const h = new KubeletHarness();
    h.api.create<ConfigMap>({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' }, data: { 'app.conf': 'v1\n', other: 'x' } });
    h.createPod({
      metadata: { name: 'p' },
      spec: {
        volumes: [{ name: 'config', configMap: { name: 'cfg' } }],
        containers: [{ name: 'c', image: 'nginx:1.18-alpine', volumeMounts: [{ name: 'config', mountPath: '/config' }, { name: 'config', mountPath: '/etc/app.conf', subPath: 'app.conf' }] }],
      },
    });
    h.advance(5000);
    const cat = async (path: string) => (await h.kubelet.exec('default', 'p', undefined, ['cat', path], '', false)).stdout;
    expect(await cat('/config/app.conf')).to.equal('v1\n');
    const write = await h.kubelet.exec('default', 'p', undefined, ['sh', '-c', 'echo x > /config/new'], '', false);
    expect(write.exitCode).to.not.equal(0);
    h.api.patch({ kind: 'ConfigMap', namespace: 'default', name: 'cfg' }, 'merge', { data: { 'app.conf': 'v2\n' } });
    h.advance(1000);
    expect(await cat('/config/app.conf')).to.equal('v1\n');
    h.advance(60_000);
    expect(await cat('/config/app.conf')).to.equal('v2\n');
    expect(await cat('/etc/app.conf')).to.equal('v1\n');
  });
});

describe('Kubelet: servers reachable through the PodRuntimeRegistry', () => {
  const get = (path = '/', host = '10.244.1.2') => ({ method: 'GET', target: path, headers: [['Host', host]] as [string, string][], scheme: 'http' as const, client: { ip: '10.244.1.9', port: 51234 }, server: { ip: '10.244.1.2', port: 80 } });

  it('serves the nginx welcome page on the pod IP, and what `echo foo > index.html` wrote (seed 003)', async () => {
    const h = new KubeletHarness();
    h.createPod(nginxPod('web'));
    h.advance(10_000);
    const found = h.runtimes.listener('10.244.1.2', 80, 'TCP', h.clock.now());
    expect(found?.pod.key).to.equal('default/web');
    const page = found!.listener.serve(get(), h.clock.now())!;
    expect(page.status).to.equal(200);
    expect(page.body).to.contain('<h1>Welcome to nginx!</h1>');
    expect(page.headers.find(([k]) => k === 'Content-Length')?.[1]).to.equal('615');
    expect(h.runtimes.listener('10.244.1.2', 8080, 'TCP', h.clock.now())).to.equal(undefined);
    await h.kubelet.exec('default', 'web', undefined, ['sh', '-c', 'echo "foo" > /usr/share/nginx/html/index.html'], '', false);
    expect(found!.listener.serve(get(), h.clock.now())!.body).to.equal('foo\n');
  });

  it('answers kubia\'s `You\'ve hit <pod>` on 8080 (seed 001)', () => {
    const h = new KubeletHarness();
    h.createPod({ metadata: { name: 'kubia-gzwli' }, spec: { containers: [{ name: 'kubia', image: 'luksa/kubia' }] } });
    h.advance(20_000);
    const found = h.runtimes.listener('10.244.1.2', 8080, 'TCP', h.clock.now())!;
    expect(found.listener.serve({ ...get(), server: { ip: '10.244.1.2', port: 8080 } }, h.clock.now())!.body).to.equal("You've hit kubia-gzwli\n");
  });

  it('starts seed 000\'s HTTPS nginx on 80 and 443 with the Secret\'s certificate', () => {
    const h = new KubeletHarness();
    const conf = 'server {\n        listen 80 default_server;\n        listen [::]:80 default_server ipv6only=on;\n\n        listen 443 ssl;\n\n        root /usr/share/nginx/html;\n        index index.html;\n\n        server_name localhost;\n        ssl_certificate /etc/nginx/ssl/tls.crt;\n        ssl_certificate_key /etc/nginx/ssl/tls.key;\n\n        location / {\n                try_files $uri $uri/ =404;\n        }\n}\n';
    h.api.create<ConfigMap>({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'nginxconfigmap', namespace: 'default' }, data: { 'default.conf': conf } });
    h.api.create<Secret>({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'nginxsecret', namespace: 'default' }, type: 'kubernetes.io/tls', data: { 'tls.crt': Buffer.from('-----BEGIN CERTIFICATE-----\nX\n-----END CERTIFICATE-----\n').toString('base64'), 'tls.key': Buffer.from('KEY').toString('base64') } });
    h.createPod({
      metadata: { name: 'https' },
      spec: {
        volumes: [{ name: 'secret-volume', secret: { secretName: 'nginxsecret' } }, { name: 'configmap-volume', configMap: { name: 'nginxconfigmap' } }],
        containers: [{ name: 'nginxhttps', image: 'bprashanth/nginxhttps:1.0', ports: [{ containerPort: 443 }, { containerPort: 80 }], volumeMounts: [{ mountPath: '/etc/nginx/ssl', name: 'secret-volume' }, { mountPath: '/etc/nginx/conf.d', name: 'configmap-volume' }] }],
      },
    });
    h.advance(15_000);
    expect(h.status('https')).to.equal('Running');
    const pod = h.runtimes.byPod('default', 'https')!;
    expect(pod.listeners(h.clock.now()).map((l) => `${l.port}${l.tls ? '/tls' : ''}`)).to.deep.equal(['80', '443/tls']);
    const tls = pod.listener(443, 'TCP', h.clock.now())!;
    expect(tls.certificate('my-nginx')?.certificate).to.contain('BEGIN CERTIFICATE');
    const https = tls.serve({ ...get(), scheme: 'https', server: { ip: pod.ip, port: 443 } }, h.clock.now())!;
    expect(https.body).to.contain('<h1>Welcome to nginx!</h1>');
  });
});

describe('Kubelet: logs', () => {
  it('returns nginx\'s entrypoint lines and an access log line per request', () => {
    const h = new KubeletHarness();
    h.createPod(nginxPod('web'));
    expect(() => h.kubelet.logs('default', 'web', undefined)).to.throw('container "nginx" in pod "web" is waiting to start: ContainerCreating');
    h.advance(10_000);
    const listener = h.runtimes.listener('10.244.1.2', 80, 'TCP', h.clock.now())!.listener;
    listener.serve({ method: 'GET', target: '/', headers: [['Host', '10.96.0.20'], ['User-Agent', 'curl/8.5.0'], ['Accept', '*/*']], scheme: 'http', client: { ip: '10.244.2.5', port: 40000 }, server: { ip: '10.244.1.2', port: 80 } }, h.clock.now());
    const lines = h.kubelet.logs('default', 'web', 'nginx').split('\n');
    expect(lines[0]).to.equal('/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration');
    // The image's `main` log_format.
    expect(lines.at(-2)).to.match(/^10\.244\.2\.5 - - \[01\/Jan\/2026:00:00:\d\d \+0000\] "GET \/ HTTP\/1\.1" 200 615 "-" "curl\/8\.5\.0" "-"$/);
    expect(() => h.kubelet.logs('default', 'web', 'nginx', true)).to.throw('previous terminated container "nginx" in pod "web" not found');
  });
});

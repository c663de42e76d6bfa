/**
 * Natural steps: what tutorials say in prose ("a Deployment with two
 * replicas", "the endpoints are the pods"). Each is built from kubectl command
 * lines through the Backend (src/dsl/cluster-queries.ts), so it runs unchanged
 * on real clusters.
 */
import { expect } from 'chai';
import { fetchCommand, jsonpath, kubectlValue, nslookupAnswers, runningPods, serviceEndpointIPs, serviceEnvPrefix, workloadSelector } from '../src/dsl/cluster-queries.ts';
import { execInPod, shellWord } from '../src/dsl/command-lines.ts';
import { deploymentManifest } from '../src/dsl/natural-manifests.ts';
import { defineStep } from './support/define-step.ts';
import { ScenarioFailure } from './support/scenario-failure.ts';
import type { ScenarioWorld } from './support/world.ts';

/** Waits until a Deployment has rolled out, failing with kubectl's own words if it does not. */
async function rolledOut(world: ScenarioWorld, name: string): Promise<void> {
  const { waitTimeoutSeconds } = world.settings;
  const r = await world.run(`kubectl rollout status deployment/${shellWord(name)} --timeout=${waitTimeoutSeconds}s`);
  if (r.exitCode !== 0) throw new ScenarioFailure(`deployment ${name} did not roll out:\n${r.stdout}${r.stderr}`);
}

async function mustRun(world: ScenarioWorld, command: string): Promise<string> {
  const r = await world.run(command);
  if (r.exitCode !== 0) throw new ScenarioFailure(`\`${command}\` failed (exit ${r.exitCode}):\n${r.stderr}`);
  return r.stdout;
}

defineStep(
  {
    keyword: 'Given',
    phrase: 'a Deployment "NAME" with N replicas of "IMAGE" [labelled "KEY=VALUE"] [on port PORT]',
    zh: ['一个 Deployment "NAME"，运行 N 个 "IMAGE" 副本'],
    summary:
      'Creates the Deployment (labels app=NAME unless given, the container port when given) and waits until its pods are ready, as `kubectl rollout status` does.',
    example: 'Given a Deployment "my-nginx" with 2 replicas of "nginx" labelled "run=my-nginx" on port 80',
    group: 'Natural steps',
  },
  /^a Deployment "([^"]+)" with (\d+) replicas? of "([^"]+)"(?: labelled "([^"=]+)=([^"]*)")?(?: on port (\d+))?$/,
  async function (this: ScenarioWorld, name: string, replicas: string, image: string, key?: string, value?: string, port?: string) {
    const manifest = deploymentManifest({
      name,
      replicas: Number(replicas),
      image,
      label: key ? { key, value: value ?? '' } : undefined,
      containerPort: port ? Number(port) : undefined,
    });
    await this.backend.writeFile(`.deployment-${name}.json`, JSON.stringify(manifest, null, 2));
    await mustRun(this, `kubectl apply -f .deployment-${name}.json`);
    await rolledOut(this, name);
  },
  [/^一个 Deployment "([^"]+)"，运行 (\d+) 个 "([^"]+)" 副本$/],
);

defineStep(
  {
    keyword: 'When',
    phrase: 'I expose the Deployment "NAME" on port PORT [to target port TARGET] [as a TYPE Service]',
    zh: ['我在端口 PORT 上暴露 Deployment "NAME"'],
    summary: 'Exactly `kubectl expose deployment NAME --port=PORT [--target-port=TARGET] [--type=TYPE]`; it must succeed.',
    example: 'When I expose the Deployment "my-nginx" on port 8080 to target port 80 as a NodePort Service',
    group: 'Natural steps',
  },
  /^I expose the Deployment "([^"]+)" on port (\d+)(?: to target port (\d+))?(?: as an? (ClusterIP|NodePort|LoadBalancer) Service)?$/,
  async function (this: ScenarioWorld, name: string, port: string, target?: string, type?: string) {
    const flags = [`--port=${port}`, target ? `--target-port=${target}` : '', type ? `--type=${type}` : ''].filter(Boolean).join(' ');
    await mustRun(this, `kubectl expose deployment ${shellWord(name)} ${flags}`);
  },
  [{ pattern: /^我在端口 (\d+) 上暴露 Deployment "([^"]+)"$/, argOrder: [1, 0] }],
);

defineStep(
  {
    keyword: 'Then',
    phrase: 'the Service "NAME" has a cluster IP',
    zh: ['Service "NAME" 有一个集群 IP'],
    summary: 'The Service has an IPv4 ClusterIP; it is remembered as `${NAME_CLUSTER_IP}` (NAME upper-cased, dashes as underscores) for later steps.',
    example: 'Then the Service "my-nginx" has a cluster IP',
    group: 'Natural steps',
  },
  /^the Service "([^"]+)" has a cluster IP$/,
  async function (this: ScenarioWorld, name: string) {
    const ip = await jsonpath(this.backend, 'service', name, '.spec.clusterIP');
    expect(ip, `cluster IP of service ${name}`).to.match(/^\d+\.\d+\.\d+\.\d+$/);
    this.vars.set(`${serviceEnvPrefix(name)}_CLUSTER_IP`, ip);
  },
  [/^Service "([^"]+)" 有一个集群 IP$/],
);

defineStep(
  {
    keyword: 'Then',
    phrase: 'the Service "NAME" keeps its cluster IP',
    zh: ['Service "NAME" 的集群 IP 不变'],
    summary: 'The ClusterIP is still the one remembered by `the Service "NAME" has a cluster IP`.',
    example: 'Then the Service "my-nginx" keeps its cluster IP',
    group: 'Natural steps',
  },
  /^the Service "([^"]+)" keeps its cluster IP$/,
  async function (this: ScenarioWorld, name: string) {
    const remembered = this.vars.get(`${serviceEnvPrefix(name)}_CLUSTER_IP`);
    if (!remembered) throw new ScenarioFailure(`no cluster IP of service ${name} was remembered: use "Then the Service \\"${name}\\" has a cluster IP" first`);
    expect(await jsonpath(this.backend, 'service', name, '.spec.clusterIP')).to.equal(remembered);
  },
  [/^Service "([^"]+)" 的集群 IP 不变$/],
);

defineStep(
  {
    keyword: 'Then',
    phrase: 'the Service "NAME" gets an external IP',
    zh: ['Service "NAME" 获得外部 IP'],
    summary: 'Waits until the LoadBalancer Service has an ingress IP or hostname (EXTERNAL-IP no longer <pending>); remembered as `${NAME_EXTERNAL_IP}`.',
    example: 'Then the Service "my-nginx" gets an external IP',
    group: 'Natural steps',
  },
  /^the Service "([^"]+)" gets an external (?:IP|address)$/,
  async function (this: ScenarioWorld, name: string) {
    let address = '';
    const held = await this.backend.waitUntil(
      async () => {
        address = await jsonpath(this.backend, 'service', name, '.status.loadBalancer.ingress[0].ip').catch(() => '');
        if (!address) address = await jsonpath(this.backend, 'service', name, '.status.loadBalancer.ingress[0].hostname').catch(() => '');
        return address !== '';
      },
      { timeoutSeconds: this.settings.waitTimeoutSeconds, intervalSeconds: this.settings.waitIntervalSeconds },
    );
    if (!held) throw new ScenarioFailure(`service ${name} got no external address within ${this.settings.waitTimeoutSeconds} s (is there a load balancer provider?)`);
    this.vars.set(`${serviceEnvPrefix(name)}_EXTERNAL_IP`, address);
  },
  [/^Service "([^"]+)" 获得外部 IP$/],
);

defineStep(
  {
    keyword: 'Then',
    phrase: 'the endpoints of the Service "SERVICE" are the pods of the Deployment "DEPLOYMENT"',
    zh: ['Service "SERVICE" 的端点就是 Deployment "DEPLOYMENT" 的 pod'],
    summary: 'The ready addresses in the Service\'s EndpointSlices are exactly the IPs of the Deployment\'s running pods (waiting for the controllers to catch up).',
    example: 'Then the endpoints of the Service "my-nginx" are the pods of the Deployment "my-nginx"',
    group: 'Natural steps',
  },
  /^the endpoints of the Service "([^"]+)" are the pods of the Deployment "([^"]+)"$/,
  async function (this: ScenarioWorld, service: string, deployment: string) {
    const selector = await workloadSelector(this.backend, 'deployment', deployment);
    let endpoints: string[] = [];
    let pods: string[] = [];
    const held = await this.backend.waitUntil(
      async () => {
        endpoints = await serviceEndpointIPs(this.backend, service);
        pods = (await runningPods(this.backend, selector)).map((p) => p.ip).sort();
        return pods.length > 0 && JSON.stringify(endpoints) === JSON.stringify(pods);
      },
      { timeoutSeconds: this.settings.waitTimeoutSeconds, intervalSeconds: this.settings.waitIntervalSeconds },
    );
    if (!held) throw new ScenarioFailure(`endpoints of service ${service}: [${endpoints.join(', ')}]\npods of deployment ${deployment}: [${pods.join(', ')}]`);
  },
  [/^Service "([^"]+)" 的端点就是 Deployment "([^"]+)" 的 pod$/],
);

defineStep(
  {
    keyword: 'When',
    phrase: 'a pod of the Deployment "NAME" is deleted',
    zh: ['Deployment "NAME" 的一个 pod 被删除'],
    summary: 'Deletes one running pod of the Deployment (`kubectl delete pod`) and waits until the Deployment has replaced it.',
    example: 'When a pod of the Deployment "my-nginx" is deleted',
    group: 'Natural steps',
  },
  /^a pod of the Deployment "([^"]+)" is deleted$/,
  async function (this: ScenarioWorld, name: string) {
    const selector = await workloadSelector(this.backend, 'deployment', name);
    const [victim] = await runningPods(this.backend, selector);
    if (!victim) throw new ScenarioFailure(`deployment ${name} has no running pod to delete`);
    this.vars.set('DELETED_POD', victim.name);
    this.vars.set('DELETED_POD_IP', victim.ip);
    await mustRun(this, `kubectl delete pod ${shellWord(victim.name)}`);
    await rolledOut(this, name);
  },
  [/^Deployment "([^"]+)" 的一个 pod 被删除$/],
);

defineStep(
  {
    keyword: 'Then',
    phrase: 'the environment of a pod of the Deployment "DEPLOYMENT" [does not hold|holds] the variables of the Service "SERVICE"',
    zh: ['Deployment "DEPLOYMENT" 的 pod 的环境变量包含 Service "SERVICE" 的变量', 'Deployment "DEPLOYMENT" 的 pod 的环境变量不包含 Service "SERVICE" 的变量'],
    summary:
      'Runs `printenv` in the running pods of the Deployment: "holds" when one of them has `SERVICE_SERVICE_HOST` set to the cluster IP and `SERVICE_SERVICE_PORT` (FIDELITY §1; pods started after the Service), "does not hold" when none has.',
    example: 'Then the environment of a pod of the Deployment "my-nginx" holds the variables of the Service "my-nginx"',
    group: 'Natural steps',
  },
  /^the environment of a pod of the Deployment "([^"]+)" (holds|does not hold) the variables of the Service "([^"]+)"$/,
  async function (this: ScenarioWorld, deployment: string, verb: string, service: string) {
    const selector = await workloadSelector(this.backend, 'deployment', deployment);
    const pods = await runningPods(this.backend, selector);
    if (pods.length === 0) throw new ScenarioFailure(`deployment ${deployment} has no running pod`);
    const prefix = serviceEnvPrefix(service);
    const ip = await jsonpath(this.backend, 'service', service, '.spec.clusterIP');
    const holding: string[] = [];
    for (const pod of pods) {
      const env = await mustRun(this, `kubectl exec ${shellWord(pod.name)} -- printenv`);
      if (env.includes(`${prefix}_SERVICE_HOST=${ip}\n`) && new RegExp(`^${prefix}_SERVICE_PORT=\\d+$`, 'm').test(env)) holding.push(pod.name);
    }
    const wanted = verb === 'holds' || verb === '包含';
    // "holds": a pod started after the Service has them; "does not hold": none of the pods has them.
    if (wanted && holding.length === 0) throw new ScenarioFailure(`no pod of deployment ${deployment} has ${prefix}_SERVICE_HOST=${ip} (pods: ${pods.map((p) => p.name).join(', ')})`);
    if (!wanted && holding.length > 0) throw new ScenarioFailure(`pods ${holding.join(', ')} of deployment ${deployment} have ${prefix}_SERVICE_HOST=${ip}`);
  },
  [{ pattern: /^Deployment "([^"]+)" 的 pod 的环境变量(包含|不包含) Service "([^"]+)" 的变量$/, argOrder: [0, 1, 2] }],
);

defineStep(
  {
    keyword: 'Then',
    phrase: 'nslookup "NAME" from pod "POD" returns the cluster IP of the Service "SERVICE"',
    zh: ['在 pod "POD" 中 nslookup "NAME" 返回 Service "SERVICE" 的集群 IP'],
    summary: 'Runs `nslookup NAME` in the pod (whatever nslookup its image has) and expects exactly the Service\'s ClusterIP as the answer.',
    example: 'Then nslookup "my-nginx" from pod "curl" returns the cluster IP of the Service "my-nginx"',
    group: 'Natural steps',
  },
  /^nslookup "([^"]+)" from pod "([^"]+)" returns the cluster IP of the Service "([^"]+)"$/,
  async function (this: ScenarioWorld, name: string, pod: string, service: string) {
    const ip = await jsonpath(this.backend, 'service', service, '.spec.clusterIP');
    const out = await this.run(execInPod(pod, `nslookup ${shellWord(name)}`));
    expect(nslookupAnswers(out.stdout), `nslookup ${name} in pod ${pod}:\n${out.stdout}${out.stderr}`).to.deep.equal([ip]);
  },
  [{ pattern: /^在 pod "([^"]+)" 中 nslookup "([^"]+)" 返回 Service "([^"]+)" 的集群 IP$/, argOrder: [1, 0, 2] }],
);

defineStep(
  {
    keyword: 'Then',
    phrase: 'nslookup "NAME" from pod "POD" returns the IPs of the pods of the Service "SERVICE"',
    zh: ['在 pod "POD" 中 nslookup "NAME" 返回 Service "SERVICE" 的 pod IP'],
    summary: 'For a headless Service: `nslookup NAME` in the pod answers with exactly the ready endpoints\' IPs, one A record each.',
    example: 'Then nslookup "kubia-headless" from pod "dnsutils" returns the IPs of the pods of the Service "kubia-headless"',
    group: 'Natural steps',
  },
  /^nslookup "([^"]+)" from pod "([^"]+)" returns the IPs of the pods of the Service "([^"]+)"$/,
  async function (this: ScenarioWorld, name: string, pod: string, service: string) {
    const expected = await serviceEndpointIPs(this.backend, service);
    const out = await this.run(execInPod(pod, `nslookup ${shellWord(name)}`));
    expect(nslookupAnswers(out.stdout), `nslookup ${name} in pod ${pod}:\n${out.stdout}${out.stderr}`).to.deep.equal(expected);
  },
  [{ pattern: /^在 pod "([^"]+)" 中 nslookup "([^"]+)" 返回 Service "([^"]+)" 的 pod IP$/, argOrder: [1, 0, 2] }],
);

defineStep(
  {
    keyword: 'Then',
    phrase: 'pod "POD" reaches "URL" and sees "TEXT"',
    zh: ['pod "POD" 访问 "URL" 看到 "TEXT"'],
    summary: 'Requests URL from inside the pod (curl if its image has it, else busybox wget) and expects TEXT in the answer.',
    example: 'Then pod "client" reaches "http://my-nginx" and sees "Welcome to nginx!"',
    group: 'Natural steps',
  },
  /^pod "([^"]+)" reaches "([^"]+)" and sees "((?:[^"\\]|\\.)*)"$/,
  async function (this: ScenarioWorld, pod: string, url: string, text: string) {
    const out = await this.run(execInPod(pod, fetchCommand(url)));
    expect(out.stdout, `request to ${url} from pod ${pod} (exit ${out.exitCode}):\n${out.stderr}`).to.contain(text.replace(/\\(["\\])/g, '$1'));
  },
  [/^pod "([^"]+)" 访问 "([^"]+)" 看到 "((?:[^"\\]|\\.)*)"$/],
);

defineStep(
  {
    keyword: 'Then',
    phrase: 'N requests from pod "POD" to "URL" reach K different pods | all reach one pod',
    zh: ['pod "POD" 向 "URL" 发出 N 个请求到达 K 个不同的 pod'],
    summary:
      'Sends N requests from the pod and counts the different answers: the servers must name themselves (kubia answers "You\'ve hit <pod>"). "reach K different pods" expects K different answers; "all reach one pod" expects one (session affinity).',
    example: 'Then 30 requests from pod "client" to "http://kubia" reach 3 different pods',
    group: 'Natural steps',
  },
  /^(\d+) requests from pod "([^"]+)" to "([^"]+)" (?:reach (\d+) different pods|all reach (one) pod)$/,
  async function (this: ScenarioWorld, count: string, pod: string, url: string, different?: string, one?: string) {
    const loop = `for i in $(seq 1 ${Number(count)}); do ${fetchCommand(url)}; echo; done`;
    const out = await this.run(execInPod(pod, loop));
    const answers = new Set(out.stdout.split('\n').map((l) => l.trim()).filter(Boolean));
    const expected = one ? 1 : Number(different);
    expect(answers.size, `${count} requests from ${pod} to ${url} gave these answers:\n${[...answers].join('\n')}\n${out.stderr}`).to.equal(expected);
  },
  [{ pattern: /^pod "([^"]+)" 向 "([^"]+)" 发出 (\d+) 个请求到达 (\d+) 个不同的 pod$/, argOrder: [1, 2, 0, 3] }],
);

defineStep(
  {
    keyword: 'When',
    phrase: 'I request "PATH" through the NodePort|LoadBalancer of the Service "SERVICE" from outside the cluster',
    zh: ['我从集群外通过 Service "SERVICE" 的 NodePort 请求 "PATH"'],
    summary:
      'A client outside the cluster requests PATH on a node address and the Service\'s node port (NodePort), or on its load balancer address and port (LoadBalancer). The answer becomes "the output".',
    example: 'When I request "/" through the NodePort of the Service "my-nginx" from outside the cluster',
    group: 'Natural steps',
  },
  /^I request "([^"]+)" through the (NodePort|LoadBalancer) of the Service "([^"]+)" from outside the cluster$/,
  async function (this: ScenarioWorld, path: string, via: string, service: string) {
    let target: string;
    if (via === 'NodePort') {
      const port = await jsonpath(this.backend, 'service', service, '.spec.ports[0].nodePort');
      const node = (await kubectlValue(this.backend, `get nodes -o jsonpath='{.items[*].status.addresses[?(@.type=="InternalIP")].address}'`)).split(/\s+/).pop();
      target = `${node}:${port}`;
    } else {
      const address = (await jsonpath(this.backend, 'service', service, '.status.loadBalancer.ingress[0].ip')) || (await jsonpath(this.backend, 'service', service, '.status.loadBalancer.ingress[0].hostname'));
      if (!address) throw new ScenarioFailure(`service ${service} has no load balancer address yet: wait for it with "Then the Service \\"${service}\\" gets an external IP"`);
      target = `${address}:${await jsonpath(this.backend, 'service', service, '.spec.ports[0].port')}`;
    }
    await this.run(`curl -s -m 5 ${shellWord(`http://${target}${path.startsWith('/') ? path : `/${path}`}`)}`, { kind: 'outside' });
  },
  [{ pattern: /^我从集群外通过 Service "([^"]+)" 的 (NodePort|LoadBalancer) 请求 "([^"]+)"$/, argOrder: [2, 1, 0] }],
);

defineStep(
  {
    keyword: 'When',
    phrase: 'I request "URL" through the Ingress from outside the cluster',
    zh: ['我从集群外通过 Ingress 请求 "URL"'],
    summary:
      'A client outside the cluster requests URL (http or https, its host as the Host header and TLS server name) at the ingress controller, as kind\'s ingress guide exposes it on the machine\'s ports 80 and 443 (`curl --resolve HOST:PORT:127.0.0.1`, `-k` for https). The answer becomes "the output".',
    example: 'When I request "http://kubia.example.com/kubia" through the Ingress from outside the cluster',
    group: 'Natural steps',
  },
  /^I request "(https?:\/\/[^"]+)" through the Ingress from outside the cluster$/,
  async function (this: ScenarioWorld, url: string) {
    const parsed = new URL(url);
    const port = parsed.port || (parsed.protocol === 'https:' ? '443' : '80');
    await this.run(`curl -s -k -m 5 --resolve ${shellWord(`${parsed.hostname}:${port}:127.0.0.1`)} ${shellWord(url)}`, { kind: 'outside' });
  },
  [/^我从集群外通过 Ingress 请求 "(https?:\/\/[^"]+)"$/],
);

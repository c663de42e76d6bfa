import { describe, it } from 'node:test';
import { expect } from 'chai';
import { normaliseOutput } from './normalise-output.ts';

// Inputs in the shapes kubectl 1.31 prints (get pods -o wide, get svc, describe), from the seeds' transcripts.
describe('normaliseOutput', () => {
  const cases: [string, string, string][] = [
    ['pod names and IPs', 'my-nginx-684dd4dcd4-gl4zb   1/1   Running   0   12s   10.244.1.3   kind-worker', 'my-nginx-<hash>-<suffix>  1/1  Running  0  <age>  <ip>  kind-worker'],
    ['NodePort and cluster IP', 'my-nginx   NodePort   10.96.12.7   <none>   80:31234/TCP   3m2s', 'my-nginx  NodePort  <ip>  <none>  80:<nodeport>/TCP  <age>'],
    ['rc pod names', 'kubia-x7k9b', 'kubia-<suffix>'],
    ['words that only look like suffixes keep their vowels', 'hello-world nginx-ingress', 'hello-world nginx-ingress'],
    ['uids and times', 'uid: 0b8d2f9e-1c2d-4e5f-8a9b-0c1d2e3f4a5b\ncreationTimestamp: "2026-11-22T08:00:00Z"', 'uid: <uid>\ncreationTimestamp: "<time>"'],
    ['resource versions', 'resourceVersion: "4711"', 'resourceVersion: <rv>'],
    ['CIDRs', 'PodCIDR: 10.244.0.0/24', 'PodCIDR: <ip>'],
    ['plain port numbers stay', 'Port: http 80/TCP\nTargetPort: 8080/TCP', 'Port: http 80/TCP\nTargetPort: 8080/TCP'],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => {
      expect(normaliseOutput(input)).to.equal(expected);
    });
  }
});

describe('normaliseOutput drops what timing or chance decides', () => {
  it('rollout progress lines', () => {
    // kubectl rollout status (staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollout_status.go) prints one per poll.
    const out = 'Waiting for deployment "web" rollout to finish: 0 of 2 updated replicas are available...\ndeployment "web" successfully rolled out';
    expect(normaliseOutput(out)).to.equal('deployment "web" successfully rolled out');
  });
  it("openssl's key generation dots", () => {
    expect(normaliseOutput('.....+..+++++++\n..+*...\n-----')).to.equal('-----');
  });
});

describe('normaliseOutput of command lines', () => {
  it('a remembered node port in a test of its range', () => {
    expect(normaliseOutput('test 31653 -ge 30000 && test 31653 -le 32767')).to.equal('test <nodeport> -ge 30000 && test <nodeport> -le 32767');
  });
  it('the kubeconfig backend namespace and chain hashes', () => {
    expect(normaliseOutput('-A KUBE-SVC-IYRDZZKXS5EOQ6Q6 -m comment --comment "ks-rconformance-6592-29/httpd-svc"')).to.equal('-A KUBE-SVC-<hash> -m comment --comment "default/httpd-svc"');
  });
});

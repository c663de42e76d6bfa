import { describe, it } from 'node:test';
import { expect } from 'chai';
import { renderTraceSvg } from './trace-svg.ts';
import type { Trace } from '../trace/trace.ts';

const ok: Trace = {
  request: 'curl http://my-nginx',
  from: 'pod default/curl',
  ok: true,
  hops: [
    { kind: 'client', label: 'pod curl 10.244.1.4', detail: 'source address 10.244.1.4' },
    { kind: 'dns', label: 'my-nginx.default.svc.cluster.local', detail: 'A 10.96.162.149 from 10.96.0.10' },
    { kind: 'service', label: '10.96.162.149:80', detail: 'service default/my-nginx port 80/TCP' },
    { kind: 'iptables', label: 'KUBE-SVC-CDGGSHYLG3RE2FKL', detail: 'statistic random 0.50000000000' },
    { kind: 'dnat', label: '10.244.2.5:80', detail: 'DNAT --to-destination 10.244.2.5:80' },
    { kind: 'pod', label: 'my-nginx-7c5ddbdf54-2xkqz', detail: 'nginx answered 200' },
  ],
};

describe('renderTraceSvg', () => {
  it('draws one box per hop with arrows between them', () => {
    const svg = renderTraceSvg(ok);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).to.equal(true);
    expect(svg.match(/<g class="hop /g)).to.have.length(6);
    expect(svg.match(/class="arrow"/g)).to.have.length(5);
    expect(svg).to.contain('KUBE-SVC-CDGGSHYLG3RE2FKL');
    expect(svg).to.contain('<title>statistic random 0.50000000000</title>');
  });

  it('ends a failed request in a red box with the reason', () => {
    const svg = renderTraceSvg({ ...ok, ok: false, hops: ok.hops.slice(0, 3), failure: 'service my-nginx has no ready endpoints: 2 pods match the selector, 0 ready' });
    expect(svg).to.contain('hop-error');
    expect(svg).to.contain('failed: service my-nginx has no ready endpoints');
  });

  it('escapes text so that names cannot break the picture', () => {
    const svg = renderTraceSvg({ ...ok, request: 'curl "http://x/<a>&b"' });
    expect(svg).to.contain('curl &quot;http://x/&lt;a&gt;&amp;b&quot;');
  });

  it('wraps long traces into rows', () => {
    const many: Trace = { ...ok, hops: Array.from({ length: 12 }, (_, i) => ({ kind: 'node' as const, label: `hop-number-${i}-with-a-long-label`, detail: '' })) };
    const ys = new Set([...renderTraceSvg(many).matchAll(/<rect x="\d+" y="(\d+)"/g)].map((m) => m[1]));
    expect(ys.size).to.be.greaterThan(1);
  });
});

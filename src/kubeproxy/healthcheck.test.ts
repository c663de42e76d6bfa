import { describe, it } from 'node:test';
import { expect } from 'chai';
import { goTimeString, proxyHealthzResponse, serviceForHealthCheckNodePort, serviceHealthResponse } from './healthcheck.ts';
import { kindNodeState, makeSlice } from './testing/fixtures.ts';

describe('kube-proxy health checks (pkg/proxy/healthcheck service_health.go, proxy_health.go)', () => {
  it('answers 200 with the local endpoint count on the node that has one', () => {
    const state = kindNodeState({ nodeName: 'kind-worker2' });
    expect(serviceForHealthCheckNodePort(state, 32000)).to.deep.equal({ namespace: 'default', name: 'lb' });
    expect(serviceHealthResponse(state, 'default', 'lb')).to.deep.equal({
      status: 200,
      headers: { 'Content-Type': 'application/json', 'X-Content-Type-Options': 'nosniff' },
      body: '{\n\t"service": {\n\t\t"namespace": "default",\n\t\t"name": "lb"\n\t},\n\t"localEndpoints": 1,\n\t"serviceProxyHealthy": true\n}',
    });
  });
  it('answers 503 with localEndpoints 0 where no endpoint runs (FIDELITY.md §5)', () => {
    const state = kindNodeState();
    expect(serviceHealthResponse(state, 'default', 'lb').status).to.equal(503);
    expect(serviceHealthResponse(state, 'default', 'lb').body).to.include('"localEndpoints": 0,');
    state.applyEndpointSliceChange(makeSlice('default', 'lb', [{ ip: '10.244.1.9', node: 'kind-worker' }, { ip: '10.244.1.10', node: 'kind-worker', ready: false }], [{ port: 80 }]));
    expect(serviceHealthResponse(state, 'default', 'lb').body).to.include('"localEndpoints": 1,');
  });
  it('healthz on :10256 prints Go time strings with the monotonic reading', () => {
    const start = Date.UTC(2026, 0, 1);
    expect(goTimeString(start + 5000, start)).to.equal('2026-01-01 00:00:05 +0000 UTC m=+5.000000000');
    expect(goTimeString(start + 5250, start)).to.equal('2026-01-01 00:00:05.25 +0000 UTC m=+5.250000000');
    expect(proxyHealthzResponse(start + 5000, start).body).to.equal(
      '{"lastUpdated": "2026-01-01 00:00:05 +0000 UTC m=+5.000000000","currentTime": "2026-01-01 00:00:05 +0000 UTC m=+5.000000000", "nodeEligible": true}',
    );
  });
});

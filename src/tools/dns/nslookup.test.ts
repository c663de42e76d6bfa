import { describe, it } from 'node:test';
import { expect } from 'chai';
import { nslookupProgram, type NslookupFlavor } from './nslookup.ts';
import { podDnsEnvironment, programContext } from './testing-env.ts';
import type { DnsEnvironment } from './dns-environment.ts';

async function run(flavor: NslookupFlavor, line: string, env: DnsEnvironment = podDnsEnvironment()) {
  const slept: number[] = [];
  const result = await nslookupProgram(env, flavor)(programContext(line.split(' '), slept));
  return { out: result.stdout, err: result.stderr, code: result.exitCode, slept, trace: result.traces?.[0] };
}

// Goldens marked "real" were printed by busybox 1.35.0 (Debian) and BIND 9.18.49 nslookup on this machine,
// querying these same answers served over UDP from 127.0.0.10 (shown here with the pod's 10.96.0.10).
describe('nslookup, busybox-glibc (real: busybox 1.35.0)', () => {
  it('walks every search domain for a name without dots, A then AAAA', async () => {
    const r = await run('busybox-glibc', 'nslookup my-nginx');
    expect(r.out).to.equal(
      'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n' +
        'Name:\tmy-nginx.default.svc.cluster.local\nAddress: 10.96.162.149\n\n' +
        "** server can't find my-nginx.svc.cluster.local: NXDOMAIN\n\n** server can't find my-nginx.cluster.local: NXDOMAIN\n\n" +
        '\n' +
        "** server can't find my-nginx.svc.cluster.local: NXDOMAIN\n\n** server can't find my-nginx.cluster.local: NXDOMAIN\n\n",
    );
    expect(r.code).to.equal(1);
  });

  it('sends a dotted name as typed (no search): kubia-headless.default fails', async () => {
    const r = await run('busybox-glibc', 'nslookup kubia-headless.default');
    expect(r.out).to.equal(
      "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n** server can't find kubia-headless.default: NXDOMAIN\n\n** server can't find kubia-headless.default: NXDOMAIN\n\n",
    );
  });

  it('prints SRV and PTR answers', async () => {
    expect((await run('busybox-glibc', 'nslookup -type=srv _http._tcp.kubia.default.svc.cluster.local')).out).to.equal(
      'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n_http._tcp.kubia.default.svc.cluster.local\tservice = 0 100 80 kubia.default.svc.cluster.local\n\n',
    );
    expect((await run('busybox-glibc', 'nslookup 10.96.0.10')).out).to.equal(
      'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n10.0.96.10.in-addr.arpa\tname = kube-dns.kube-system.svc.cluster.local\n\n',
    );
  });

  it('rejects a bad type and an unknown option (real texts)', async () => {
    expect(await run('busybox-glibc', 'nslookup -type=foo x')).to.include({ err: 'nslookup: invalid query type "foo"\n', code: 1 });
    const usage = await run('busybox-glibc', 'nslookup -zzz x');
    expect([usage.err.split('\n')[2], usage.code]).to.deep.equal(['Usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]', 1]);
  });

  it('times out when no server answers (real text)', async () => {
    const r = await run('busybox-glibc', 'nslookup my-nginx', podDnsEnvironment({ query: () => 'timeout' }));
    expect([r.out, r.code, r.slept]).to.deep.equal([';; connection timed out; no servers could be reached\n\n', 1, [5]]);
  });
});

describe('nslookup, busybox docker image (uClibc: replies share one id)', () => {
  // Shape of docker-library/busybox issue #48 (busybox 1.34.1 "works once") and kubernetes PR #84105.
  it('prints the first reply and "No answer" for the others after the 5 s timeout', async () => {
    const r = await run('busybox', 'nslookup my-nginx');
    expect(r.out).to.equal(
      'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n' +
        'Name:\tmy-nginx.default.svc.cluster.local\nAddress: 10.96.162.149\n\n' +
        "*** Can't find my-nginx.svc.cluster.local: No answer\n*** Can't find my-nginx.cluster.local: No answer\n" +
        "*** Can't find my-nginx.default.svc.cluster.local: No answer\n*** Can't find my-nginx.svc.cluster.local: No answer\n" +
        "*** Can't find my-nginx.cluster.local: No answer\n\n",
    );
    expect([r.code, r.slept]).to.deep.equal([0, [5]]);
  });

  it('kubernetes.default: NXDOMAIN then No answer, exit 1 (docker-library/busybox issue #61)', async () => {
    const r = await run('busybox', 'nslookup kubernetes.default');
    expect(r.out).to.equal(
      "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n** server can't find kubernetes.default: NXDOMAIN\n\n*** Can't find kubernetes.default: No answer\n\n",
    );
    expect(r.code).to.equal(1);
  });
});

describe('nslookup, busybox 1.22 (radial/busyboxplus:curl)', () => {
  it('reproduces seed 000 when the old cluster answers no PTR', async () => {
    // Seed 000: kube-dns at 10.0.0.10, my-nginx at 10.0.162.149, no reverse records.
    const env = podDnsEnvironment({
      resolvConf: () => 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.0.0.10\noptions ndots:5\n',
      query: (_s, name, type) => {
        const found = name === 'my-nginx.default.svc.cluster.local.' && type === 'A';
        return {
          rcode: found || name === 'my-nginx.default.svc.cluster.local.' ? 'NOERROR' : 'NXDOMAIN',
          answers: found ? [{ name, ttl: 30, type: 'A', address: '10.0.162.149' }] : [],
          authority: [],
          additional: [],
          authoritative: true,
          recursionAvailable: false,
        };
      },
    });
    const r = await run('busybox-1.22', 'nslookup my-nginx', env);
    expect(r.out).to.equal('Server:    10.0.0.10\nAddress 1: 10.0.0.10\n\nName:      my-nginx\nAddress 1: 10.0.162.149\n');
    expect(r.code).to.equal(0);
  });

  it('prints CoreDNS reverse names on kind (kubernetes issue #66924 shape)', async () => {
    const r = await run('busybox-1.22', 'nslookup kubernetes.default');
    expect(r.out).to.equal(
      'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\nName:      kubernetes.default\nAddress 1: 10.96.0.1 kubernetes.default.svc.cluster.local\n',
    );
  });

  it("fails with can't resolve on stderr (kubernetes issue #66924 text)", async () => {
    const r = await run('busybox-1.22', 'nslookup svc.cluster.local');
    expect([r.err, r.code]).to.deep.equal(["nslookup: can't resolve 'svc.cluster.local'\n", 1]);
    expect(r.out).to.equal('Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n');
  });
});

describe('nslookup, BIND 9.9 (tutum/dnsutils, seed 001)', () => {
  it('headless service: one Name/Address pair per ready endpoint', async () => {
    const r = await run('bind9.9', 'nslookup kubia-headless');
    expect(r.out).to.equal(
      'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n' +
        'Name:\tkubia-headless.default.svc.cluster.local\nAddress: 10.244.1.5\n' +
        'Name:\tkubia-headless.default.svc.cluster.local\nAddress: 10.244.2.6\n\n',
    );
  });

  it('NXDOMAIN names the typed name and exits 1', async () => {
    const r = await run('bind9.9', 'nslookup nosuch');
    expect([r.out, r.code]).to.deep.equal(["Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n** server can't find nosuch: NXDOMAIN\n\n", 1]);
  });
});

describe('nslookup, BIND 9.18 (real: 9.18.49)', () => {
  const cases: [string, string, number][] = [
    [
      'nslookup my-nginx',
      ';; Got recursion not available from 10.96.0.10\nServer:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tmy-nginx.default.svc.cluster.local\nAddress: 10.96.162.149\n;; Got recursion not available from 10.96.0.10\n\n',
      0,
    ],
    [
      'nslookup my-nginx.default',
      ';; Got recursion not available from 10.96.0.10\n;; Got recursion not available from 10.96.0.10\nServer:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tmy-nginx.default.svc.cluster.local\nAddress: 10.96.162.149\n;; Got recursion not available from 10.96.0.10\n\n',
      0,
    ],
    [
      'nslookup nosuch',
      `${';; Got recursion not available from 10.96.0.10\n'.repeat(3)}Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n** server can't find nosuch: NXDOMAIN\n\n`,
      1,
    ],
    [
      'nslookup external-service',
      ';; Got recursion not available from 10.96.0.10\nServer:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nexternal-service.default.svc.cluster.local\tcanonical name = api.somecompany.com.\nName:\tapi.somecompany.com\nAddress: 203.0.113.50\n\n',
      0,
    ],
    [
      'nslookup dangling',
      ";; Got recursion not available from 10.96.0.10\nServer:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\ndangling.default.svc.cluster.local\tcanonical name = nowhere.example.org.\n** server can't find nowhere.example.org: NXDOMAIN\n\n",
      1,
    ],
    ['nslookup 10.96.0.10', ';; Got recursion not available from 10.96.0.10\n10.0.96.10.in-addr.arpa\tname = kube-dns.kube-system.svc.cluster.local.\n\n', 0],
    [
      'nslookup -type=aaaa my-nginx',
      ";; Got recursion not available from 10.96.0.10\nServer:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n*** Can't find my-nginx: No answer\n\n",
      0,
    ],
    [
      'nslookup api.somecompany.com',
      `${';; Got recursion not available from 10.96.0.10\n'.repeat(3)}Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nNon-authoritative answer:\nName:\tapi.somecompany.com\nAddress: 203.0.113.50\n\n`,
      0,
    ],
    ['nslookup my-nginx 10.96.0.10', 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tmy-nginx.default.svc.cluster.local\nAddress: 10.96.162.149\n\n', 0],
  ];
  for (const [line, expected, code] of cases) {
    it(line, async () => {
      const r = await run('bind9.18', line);
      expect([r.out, r.code]).to.deep.equal([expected, code]);
    });
  }

  it('records the search walk in the trace', async () => {
    const { trace } = await run('bind9.18', 'nslookup my-nginx.default');
    expect(trace?.hops.map((h) => h.detail)).to.deep.equal([
      'nslookup my-nginx.default reads /etc/resolv.conf and asks its name server',
      'A my-nginx.default.default.svc.cluster.local. -> NXDOMAIN',
      'A my-nginx.default.svc.cluster.local. -> NOERROR A 10.96.162.149',
      'AAAA my-nginx.default.svc.cluster.local. -> NOERROR',
      'my-nginx.default resolved',
    ]);
  });
});

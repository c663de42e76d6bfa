import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { checkServerCertificate } from './curl-server-certificate.ts';

interface Golden {
  name: string;
  host: string;
  insecure: boolean;
  now: number;
  serverChainPem: string;
  caBundlePem?: string;
  exitCode: number;
  lines: string[];
}

// Every case was served to the real curl 7.88.1 (OpenSSL 3.0.19) over loopback by
// testdata/record-curl-goldens.ts; `lines` are curl's own -v and error lines.
const goldens: { cases: Golden[] } = JSON.parse(readFileSync(new URL('./testdata/curl-7.88.1-goldens.json', import.meta.url), 'utf8'));

describe('checkServerCertificate against curl 7.88.1', () => {
  for (const g of goldens.cases) {
    it(g.name, async () => {
      const report = await checkServerCertificate({
        serverChainPem: g.serverChainPem,
        caBundlePem: g.caBundlePem,
        host: g.host,
        insecure: g.insecure,
        now: g.now,
      });
      const curlLine = g.lines.find((l) => l.startsWith('curl: ('));
      const alert = g.lines.find((l) => l.includes('TLS alert') && !l.includes('close notify'));
      expect(report.verbose).to.deep.equal(g.lines.filter((l) => !l.includes('TLS alert') && !l.startsWith('curl: (')));
      expect(report.failure?.exitCode ?? 0).to.equal(g.exitCode);
      expect(report.failure && `curl: (${report.failure.exitCode}) ${report.failure.message}`).to.equal(curlLine);
      expect(report.failure?.tlsAlert && `* TLSv1.3 (OUT), TLS alert, ${report.failure.tlsAlert}:`).to.equal(alert);
    });
  }

  it('a server without a usable certificate fails the handshake (exit 35)', async () => {
    const report = await checkServerCertificate({ serverChainPem: 'garbage', host: 'my-nginx', port: 8443, insecure: false, now: 0 });
    // curl 7.88.1 against a server that drops the handshake, on this machine.
    expect(report.failure).to.deep.equal({ exitCode: 35, message: 'OpenSSL SSL_connect: SSL_ERROR_SYSCALL in connection to my-nginx:8443 ' });
  });
});

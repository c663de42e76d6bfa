import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { DistinguishedName } from './distinguished-name.ts';
import { subjectAltNameExtension, type AlternativeName } from './extensions.ts';
import { checkCertificateHost, hostMatchesPattern } from './host-verification.ts';
import { ipAddressBytes } from './ip-address.ts';
import { issueCertificate } from './issue-certificate.ts';
import { generatePrivateKey } from './key-generation.ts';

describe('hostMatchesPattern (curl lib/vtls/hostcheck.c, RFC 6125 6.4.3)', () => {
  const table: Array<[string, string, boolean]> = [
    ['my-nginx', 'my-nginx', true],
    ['My-Nginx.Example.COM', 'my-nginx.example.com', true],
    ['example.com.', 'example.com', true],
    ['example.com', 'example.com.', true],
    ['*.example.com', 'a.example.com', true],
    ['*.example.com', 'a.b.example.com', false],
    ['*.example.com', 'example.com', false],
    // Fewer than two dots: no wildcard, a literal comparison.
    ['*.com', 'a.com', false],
    ['*.com', '*.com', true],
    // Only a whole leftmost label of `*` is a wildcard.
    ['a*.example.com', 'ab.example.com', false],
    ['*.0.0.1', '127.0.0.1', false],
    ['127.0.0.1', '127.0.0.1', true],
  ];
  for (const [pattern, host, matches] of table) {
    it(`${pattern} ${matches ? 'covers' : 'does not cover'} ${host}`, () => {
      expect(hostMatchesPattern(pattern, host)).to.equal(matches);
    });
  }
});

describe('checkCertificateHost (curl 7.88.1 Curl_ossl_verifyhost)', () => {
  const make = async (subject: DistinguishedName, names: AlternativeName[]) => {
    const key = await generatePrivateKey({ name: 'ec', curve: 'P-256' });
    return issueCertificate(
      { version: 3, serialNumber: 1n, subject, issuer: subject, notBefore: 0, notAfter: 1e12, spki: key.spki, extensions: names.length ? [subjectAltNameExtension(names)] : [] },
      key,
      'SHA-256',
    );
  };
  const cn = (value: string): DistinguishedName => [[{ oid: '2.5.4.3', value, stringType: 'utf8' }]];
  // The texts are curl's own, as recorded in testdata/curl-7.88.1-goldens.json.
  it('CN only: the last commonName decides', async () => {
    const cert = await make(cn('my-nginx'), []);
    expect(checkCertificateHost(cert, 'my-nginx')).to.deep.equal({ ok: true, info: ['common name: my-nginx (matched)'] });
    expect(checkCertificateHost(cert, 'other')).to.deep.equal({ ok: false, info: [], message: "SSL: certificate subject name 'my-nginx' does not match target host name 'other'" });
  });
  it('DNS SANs decide and the CN is ignored', async () => {
    const cert = await make(cn('web'), [{ type: 'dns', value: 'blog.ctnrs.com' }, { type: 'dns', value: '*.example.com' }]);
    expect(checkCertificateHost(cert, 'a.example.com')).to.deep.equal({ ok: true, info: ['subjectAltName: host "a.example.com" matched cert\'s "*.example.com"'] });
    expect(checkCertificateHost(cert, 'web')).to.deep.equal({
      ok: false,
      info: ['subjectAltName does not match web'],
      message: "SSL: no alternative certificate subject name matches target host name 'web'",
    });
  });
  it('IP SANs match address literals; an IP SAN alone still rules out the CN', async () => {
    const cert = await make(cn('10.0.0.1'), [{ type: 'ip', bytes: ipAddressBytes('127.0.0.1')! }]);
    expect(checkCertificateHost(cert, '127.0.0.1')).to.deep.equal({ ok: true, info: ['subjectAltName: host "127.0.0.1" matched cert\'s IP address!'] });
    expect(checkCertificateHost(cert, '10.0.0.1').ok).to.equal(false);
  });
  it('e-mail SANs alone leave the decision to the CN; no CN at all is its own failure', async () => {
    expect(checkCertificateHost(await make(cn('x'), [{ type: 'email', value: 'a@b.c' }]), 'x')).to.deep.equal({ ok: true, info: ['common name: x (matched)'] });
    expect(checkCertificateHost(await make([], []), 'x')).to.deep.equal({ ok: false, info: [], message: 'SSL: unable to obtain common name from peer certificate' });
  });
});

import { describe, it } from 'node:test';
import { expect } from 'chai';
import { formatName, type NameStyle } from './name-format.ts';
import { parseOpensslSubject } from './openssl-subject.ts';

/** A name as `openssl req -subj` makes it. */
const subj = (text: string) => {
  const parsed = parseOpensslSubject(text);
  if (!parsed.name) throw new Error(`bad subject ${text}`);
  return parsed.name;
};

describe('formatName', () => {
  // [-subj given to openssl req, style, text]. 'oneline' and 'rfc2253' texts are what
  // `openssl x509 -noout -subject [-nameopt RFC2253]` (OpenSSL 3.0.19) printed for the same -subj;
  // 'curl' texts are curl 7.88.1's `*  subject:` lines (testdata/curl-7.88.1-goldens.json) or,
  // for the multi-valued RDN, XN_FLAG_SEP_SPLUS_SPC's separators (crypto/x509/x_name.c: "; " and " + ").
  const table: Array<[string, NameStyle, string]> = [
    ['/CN=my-nginx/O=my-nginx', 'oneline', 'CN = my-nginx, O = my-nginx'],
    ['/CN=my-nginx/O=my-nginx', 'rfc2253', 'O=my-nginx,CN=my-nginx'],
    ['/CN=my-nginx/O=my-nginx', 'curl', 'CN=my-nginx; O=my-nginx'],
    ['/CN=a\\/b/O=q"uote', 'oneline', 'CN = a/b, O = q\\"uote'],
    ['/CN= lead/O=trail ', 'oneline', 'CN = " lead", O = "trail "'],
    ['/CN=x+O=y/C=US', 'oneline', 'CN = x + O = y, C = US'],
    ['/CN=x+O=y/C=US', 'curl', 'CN=x + O=y; C=US'],
    ['/CN=中文/O=é', 'oneline', 'CN = \\C3\\A4\\C2\\B8\\C2\\AD\\C3\\A6\\C2\\96\\C2\\87, O = \\C3\\83\\C2\\A9'],
    ['/CN=#hash/OU=a=b;c<d>', 'oneline', 'CN = "#hash", OU = "a=b;c<d>"'],
    ['/CN=a\\\\b', 'oneline', 'CN = a\\\\b'],
    ['/CN=a\\+b', 'oneline', 'CN = "a+b"'],
    [
      '/C=CN/ST=s/L=l/O=o/OU=u/CN=c/emailAddress=a@b.c/serialNumber=12/DC=dc/street=st/title=t/UID=u1/GN=g/SN=s',
      'oneline',
      'C = CN, ST = s, L = l, O = o, OU = u, CN = c, emailAddress = a@b.c, serialNumber = 12, DC = dc, street = st, title = t, UID = u1, GN = g, SN = s',
    ],
    ['/C=CN/ST=BJ/L=BJ/O=k8s/OU=System/CN=web', 'curl', 'C=CN; ST=BJ; L=BJ; O=k8s; OU=System; CN=web'],
  ];
  for (const [text, style, expected] of table) {
    it(`${style}: ${text}`, () => {
      expect(formatName(subj(text), style)).to.equal(expected);
    });
  }
});

describe('parseOpensslSubject', () => {
  // Outcomes of the same -subj with OpenSSL 3.0.19 `req` (the openssl tool turns them into its messages).
  it('skips unknown types (short and long names are case-sensitive) and empty values', () => {
    expect(parseOpensslSubject('/cn=lower/o=org/CN=')).to.deep.equal({
      name: [],
      warnings: [
        { kind: 'unknown-attribute', type: 'cn', multiValued: false },
        { kind: 'unknown-attribute', type: 'o', multiValued: false },
        { kind: 'empty-value', type: 'CN' },
      ],
    });
    expect(parseOpensslSubject('/CN=x+bad=1').warnings).to.deep.equal([{ kind: 'unknown-attribute', type: 'bad', multiValued: true }]);
    expect(formatName(parseOpensslSubject('/commonName=long/organizationName=o/CN=a/').name!, 'oneline')).to.equal('CN = long, O = o, CN = a');
  });
  it('stops on syntax errors and values the type does not allow', () => {
    expect(parseOpensslSubject('CN=x').error).to.deep.equal({ kind: 'not-slash' });
    expect(parseOpensslSubject('/CN=a, b/O=x+y').error).to.deep.equal({ kind: 'missing-equals', type: 'y' });
    expect(parseOpensslSubject('/CN=a\\').error).to.deep.equal({ kind: 'trailing-escape' });
    expect(parseOpensslSubject('/C=USA/CN=x').error).to.deep.equal({ kind: 'bad-value', type: 'C', value: 'USA', reason: 'string too long', limit: 2 });
    expect(parseOpensslSubject('/C=U').error).to.deep.equal({ kind: 'bad-value', type: 'C', value: 'U', reason: 'string too short', limit: 2 });
    expect(parseOpensslSubject('/C=U$').error).to.deep.equal({ kind: 'bad-value', type: 'C', value: 'U$', reason: 'illegal characters', limit: undefined });
    expect(parseOpensslSubject(`/CN=${'0'.repeat(65)}`).error).to.include({ reason: 'string too long', limit: 64 });
  });
  it('encodes values as `openssl req` does under utf8only (openssl asn1parse on OpenSSL 3.0.19)', () => {
    const types = parseOpensslSubject('/C=CN/CN=c/emailAddress=a@b.c/serialNumber=12/DC=dc').name!.map((rdn) => rdn[0].stringType);
    expect(types).to.deep.equal(['printable', 'utf8', 'ia5', 'printable', 'ia5']);
  });
});

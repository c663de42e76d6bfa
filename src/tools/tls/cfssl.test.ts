import { describe, it } from 'node:test';
import { expect } from 'chai';
import { cfsslProgram } from './cfssl.ts';
import { cfssljsonProgram } from './cfssljson.ts';
import { opensslProgram } from './openssl.ts';
import { Harness, realOpenssl } from './testdata/program-harness.ts';

const harness = () => new Harness({ cfssl: cfsslProgram, cfssljson: () => cfssljsonProgram(), openssl: opensslProgram });
/** The virtual clock's start, 2026-01-01T00:00:00Z, as cfssl's logger prints it. */
const T = '2026/01/01 00:00:00';
const EPOCH = String(Date.UTC(2026, 0, 1) / 1000);

// The three files seed 003 writes with heredocs, byte for byte.
const CA_CONFIG = '{\n"signing": {\n"default": {\n"expiry": "87600h"\n},\n"profiles": {\n"kubernetes": {\n"expiry": "87600h",\n"usages": [\n"signing",\n"key encipherment",\n"server auth",\n"client auth"\n]\n}\n}\n}\n}\n';
const CA_CSR = '{\n"CN": "kubernetes",\n"key": {\n"algo": "rsa",\n"size": 2048\n},\n"names": [\n{\n"C": "CN",\n"L": "Beijing",\n"ST": "Beijing"\n}\n]\n}\n';
const BLOG_CSR = '{\n"CN": "blog.ctnrs.com",\n"hosts": [],\n"key": {\n"algo": "rsa",\n"size": 2048\n},\n"names": [\n{\n"C": "CN",\n"L": "BeiJing",\n"ST": "BeiJing"\n}\n]\n}\n';

async function seedCa(h: Harness) {
  h.fs.put('/home/user/ca-config.json', CA_CONFIG);
  h.fs.put('/home/user/ca-csr.json', CA_CSR);
  h.fs.put('/home/user/blog.ctnrs.com-csr.json', BLOG_CSR);
  return h.run('cfssl gencert -initca ca-csr.json | cfssljson -bare ca -');
}

const serialOf = async (h: Harness, file: string) => BigInt(`0x${(await h.run(`openssl x509 -in ${file} -noout -serial`)).stdout.trim().slice('serial='.length)}`);

describe('cfssl gencert and cfssljson (seed 003)', () => {
  it('-initca makes the CA: files, log lines, and a certificate the real openssl reads', async () => {
    const h = harness();
    const r = await seedCa(h);
    expect(r.exitCode).to.equal(0);
    const serial = await serialOf(h, 'ca.pem');
    // cfssl 1.2 on this machine logs these lines for the same request.
    expect(r.stderr).to.equal(
      `${T} [INFO] generating a new CA key and certificate from CSR\n` +
        `${T} [INFO] generate received request\n` +
        `${T} [INFO] received CSR\n` +
        `${T} [INFO] generating key: rsa-2048\n` +
        `${T} [INFO] encoded CSR\n` +
        `${T} [INFO] signed certificate with serial number ${serial}\n`,
    );
    expect(h.read('ca-key.pem')).to.match(/^-----BEGIN RSA PRIVATE KEY-----\n/);
    expect(h.read('ca.csr')).to.match(/^-----BEGIN CERTIFICATE REQUEST-----\n/);
    const dir = h.export('ca.pem', 'ca-key.pem', 'ca.csr');
    // Dates: five minutes before the clock's minute, and 43800h (cfssl's CA default) on.
    expect(realOpenssl(dir, ['x509', '-in', 'ca.pem', '-noout', '-subject', '-dates']).output).to.equal(
      'subject=C = CN, ST = Beijing, L = Beijing, CN = kubernetes\nnotBefore=Dec 31 23:55:00 2025 GMT\nnotAfter=Dec 30 23:55:00 2030 GMT\n',
    );
    const text = realOpenssl(dir, ['x509', '-in', 'ca.pem', '-noout', '-text']).output;
    // The extension block of cfssl 1.2's CA (testdata/cfssl-ca.pem.text), up to the key identifier's value.
    expect(text).to.match(/X509v3 extensions:\n {12}X509v3 Key Usage: critical\n {16}Certificate Sign, CRL Sign\n {12}X509v3 Basic Constraints: critical\n {16}CA:TRUE\n {12}X509v3 Subject Key Identifier: \n {16}[0-9A-F:]{59}\n {4}Signature Algorithm: sha256WithRSAEncryption/);
    // Go encodes printable names as PrintableString.
    expect(realOpenssl(dir, ['asn1parse', '-in', 'ca.pem']).output).to.contain('PRINTABLESTRING   :Beijing');
    expect(realOpenssl(dir, ['req', '-in', 'ca.csr', '-noout', '-verify', '-subject']).output).to.equal(
      'subject=C = CN, ST = Beijing, L = Beijing, CN = kubernetes\nCertificate request self-signature verify OK\n',
    );
    expect(realOpenssl(dir, ['rsa', '-in', 'ca-key.pem', '-noout', '-check']).output).to.equal('RSA key ok\n');
  });

  it('-ca -ca-key -config -profile kubernetes signs the blog certificate', async () => {
    const h = harness();
    await seedCa(h);
    const r = await h.run('cfssl gencert -ca=ca.pem -ca-key=ca-key.pem -config=ca-config.json -profile=kubernetes blog.ctnrs.com-csr.json | cfssljson -bare blog.ctnrs.com');
    expect(r.exitCode).to.equal(0);
    const serial = await serialOf(h, 'blog.ctnrs.com.pem');
    expect(r.stderr).to.equal(
      `${T} [INFO] generate received request\n` +
        `${T} [INFO] received CSR\n` +
        `${T} [INFO] generating key: rsa-2048\n` +
        `${T} [INFO] encoded CSR\n` +
        `${T} [INFO] signed certificate with serial number ${serial}\n` +
        `${T} [WARNING] This certificate lacks a "hosts" field. This makes it unsuitable for\n` +
        'websites. For more information see the Baseline Requirements for the Issuance and Management\n' +
        'of Publicly-Trusted Certificates, v.1.1.6, from the CA/Browser Forum (https://cabforum.org);\n' +
        'specifically, section 10.2.3 ("Information Requirements").\n',
    );
    const dir = h.export('ca.pem', 'blog.ctnrs.com.pem', 'blog.ctnrs.com-key.pem');
    expect(realOpenssl(dir, ['verify', '-attime', EPOCH, '-CAfile', 'ca.pem', 'blog.ctnrs.com.pem']).output).to.equal('blog.ctnrs.com.pem: OK\n');
    expect(realOpenssl(dir, ['x509', '-in', 'blog.ctnrs.com.pem', '-noout', '-subject', '-issuer', '-dates', '-ext', 'keyUsage,extendedKeyUsage,basicConstraints']).output).to.equal(
      'subject=C = CN, ST = BeiJing, L = BeiJing, CN = blog.ctnrs.com\n' +
        'issuer=C = CN, ST = Beijing, L = Beijing, CN = kubernetes\n' +
        'notBefore=Dec 31 23:55:00 2025 GMT\n' +
        'notAfter=Dec 29 23:55:00 2035 GMT\n' +
        'X509v3 Key Usage: critical\n    Digital Signature, Key Encipherment\n' +
        'X509v3 Extended Key Usage: \n    TLS Web Server Authentication, TLS Web Client Authentication\n' +
        'X509v3 Basic Constraints: critical\n    CA:FALSE\n',
    );
    const caKeyId = realOpenssl(dir, ['x509', '-in', 'ca.pem', '-noout', '-ext', 'subjectKeyIdentifier']).output.split('\n')[1];
    expect(realOpenssl(dir, ['x509', '-in', 'blog.ctnrs.com.pem', '-noout', '-ext', 'authorityKeyIdentifier']).output.split('\n')[1]).to.equal(caKeyId);
    // The key matches the certificate, as `kubectl create secret tls` will check.
    expect(realOpenssl(dir, ['pkey', '-in', 'blog.ctnrs.com-key.pem', '-pubout']).output).to.equal(realOpenssl(dir, ['x509', '-in', 'blog.ctnrs.com.pem', '-noout', '-pubkey']).output);
  });

  it('hosts become DNS, e-mail and IP names in Go order; -hostname replaces them; a CA keeps only IPs', async () => {
    const h = harness();
    await seedCa(h);
    h.fs.put('/home/user/h.json', '{"CN":"web","hosts":["blog.ctnrs.com","10.0.0.1","*.x.com","a@b.com","::1"],"key":{"algo":"ecdsa","size":256},"names":[{"C":"CN","ST":"BJ","L":"BJ","O":"k8s","OU":"System"}]}');
    expect((await h.run('cfssl gencert -ca=ca.pem -ca-key=ca-key.pem -config=ca-config.json -profile=kubernetes h.json | cfssljson -bare h')).exitCode).to.equal(0);
    await h.run('cfssl gencert -ca ca.pem -ca-key ca-key.pem -hostname=a.com,1.2.3.4 blog.ctnrs.com-csr.json | cfssljson -bare hn');
    h.fs.put('/home/user/ca2.json', '{"CN":"x","hosts":["a.com","1.2.3.4","e@x.com"],"ca":{"pathlen":1,"expiry":"1h"}}');
    await h.run('cfssl gencert -initca ca2.json | cfssljson -bare ca2');
    const dir = h.export('h.pem', 'h-key.pem', 'hn.pem', 'ca2.pem', 'ca2-key.pem');
    // cfssl 1.2 gave these for the same requests (testdata/cfssl-ec-leaf-with-sans.pem and the -hostname and CA runs).
    expect(realOpenssl(dir, ['x509', '-in', 'h.pem', '-noout', '-subject', '-ext', 'subjectAltName']).output).to.equal(
      'subject=C = CN, ST = BJ, L = BJ, O = k8s, OU = System, CN = web\n' +
        'X509v3 Subject Alternative Name: \n    DNS:blog.ctnrs.com, DNS:*.x.com, email:a@b.com, IP Address:10.0.0.1, IP Address:0:0:0:0:0:0:0:1\n',
    );
    expect(h.read('h-key.pem')).to.match(/^-----BEGIN EC PRIVATE KEY-----\n/);
    expect(realOpenssl(dir, ['x509', '-in', 'hn.pem', '-noout', '-enddate', '-ext', 'subjectAltName']).output).to.equal(
      'notAfter=Dec 31 23:55:00 2026 GMT\nX509v3 Subject Alternative Name: \n    DNS:a.com, IP Address:1.2.3.4\n',
    );
    expect(realOpenssl(dir, ['x509', '-in', 'ca2.pem', '-noout', '-enddate', '-ext', 'basicConstraints,subjectAltName']).output).to.equal(
      'notAfter=Jan  1 00:55:00 2026 GMT\nX509v3 Basic Constraints: critical\n    CA:TRUE, pathlen:1\nX509v3 Subject Alternative Name: \n    IP Address:1.2.3.4\n',
    );
    // Without "key" cfssl makes an ECDSA P-256 key and signs with ecdsa-with-SHA256.
    expect(realOpenssl(dir, ['x509', '-in', 'ca2.pem', '-noout', '-text']).output).to.contain('Signature Algorithm: ecdsa-with-SHA256');
  });
});

describe('cfssl and cfssljson errors, as cfssl 1.2 prints them', () => {
  const cases: Array<[string, string, string, number]> = [
    // [command, stdout, stderr, exit status]
    ['cfssl gencert -initca nope.json', '', 'open nope.json: no such file or directory\n', 1],
    ['cfssl gencert -initca bad.json', '', "invalid character 'b' looking for beginning of object key string\n", 1],
    [
      'cfssl gencert -initca empty.json',
      '',
      `${T} [INFO] generating a new CA key and certificate from CSR\n${T} [INFO] generate received request\n` +
        `${T} [WARNING] invalid request: {"code":5300,"message":"missing subject information"}\n` +
        `${T} [ERROR] failed to process request: {"code":5300,"message":"missing subject information"}\n` +
        '{"code":5300,"message":"missing subject information"}\n',
      1,
    ],
    [
      'cfssl gencert -initca weak.json',
      '',
      `${T} [INFO] generating a new CA key and certificate from CSR\n${T} [INFO] generate received request\n${T} [INFO] received CSR\n${T} [INFO] generating key: rsa-1024\n` +
        `${T} [ERROR] failed to process request: {"code":2400,"message":"RSA key is too weak"}\n{"code":2400,"message":"RSA key is too weak"}\n`,
      1,
    ],
    ['cfssl gencert -initca t1.json', '', 'json: cannot unmarshal number into Go struct field CertificateRequest.CN of type string\n', 1],
    ['cfssl gencert -initca t2.json', '', 'json: cannot unmarshal string into Go struct field BasicKeyRequest.key.size of type int\n', 1],
    ['cfssl gencert -initca t4.json', '', 'json: cannot unmarshal number into Go struct field Name.names.C of type string\n', 1],
    ['cfssl gencert -initca t6.json', '', 'json: cannot unmarshal array into Go value of type csr.CertificateRequest\n', 1],
    [
      'cfssl gencert -ca=ca.pem -ca-key=nokey.pem -config=ca-config.json -profile=kubernetes blog.json',
      '',
      `${T} [INFO] generate received request\n${T} [INFO] received CSR\n${T} [INFO] generating key: rsa-2048\n${T} [INFO] encoded CSR\n{"code":1001,"message":"open nokey.pem: no such file or directory"}\n`,
      1,
    ],
    [
      'cfssl gencert -ca=noca.pem -ca-key=ca-key.pem -config=ca-config.json -profile=kubernetes blog.json',
      '',
      `${T} [INFO] generate received request\n${T} [INFO] received CSR\n${T} [INFO] generating key: rsa-2048\n${T} [INFO] encoded CSR\nopen noca.pem: no such file or directory\n`,
      1,
    ],
    [
      'cfssl gencert -ca=ca.pem -ca-key=ca-key.pem -config=ca-config.json -profile=nope blog.json',
      '',
      `${T} [INFO] generate received request\n${T} [INFO] received CSR\n${T} [INFO] generating key: rsa-2048\n${T} [INFO] encoded CSR\n{"code":5100,"message":"Invalid policy: no key usage available"}\n`,
      1,
    ],
    ['cfssl gencert -ca=ca.pem -ca-key=ca-key.pem -config=nocfg.json -profile=kubernetes blog.json', '', 'Failed to load config file: {"code":5200,"message":"could not read configuration file"}', 1],
    ['cfssl gencert -ca=ca.pem -ca-key=ca-key.pem -config=badcfg.json blog.json', '', 'Failed to load config file: {"code":5200,"message":"time: invalid duration \\"xyz\\""}', 1],
    [
      'cfssl gencert -ca=ca.pem -ca-key=ca-key.pem -config=badcfg2.json blog.json',
      '',
      'Failed to load config file: {"code":5200,"message":"failed to unmarshal configuration: invalid character \'b\' looking for beginning of object key string"}',
      1,
    ],
    ['cfssl gencert -ca=ca.pem -ca-key=ca-key.pem -config=c1.json -profile=p blog.json', '', 'Failed to load config file: {"code":5200,"message":"invalid configuration"}', 1],
    ['cfssl gencert -ca=ca.pem -ca-key=ca-key.pem -config=c3.json -profile=p blog.json', '', 'Failed to load config file: {"code":5200,"message":"empty expiry string"}', 1],
    ['cfssl gencert -ca=ca.pem blog.json', '', `${T} [ERROR] need a CA key (provide one with -ca-key)\n`, 0],
    ['cfssl gencert -ca-key=ca-key.pem blog.json', '', `${T} [ERROR] need a CA certificate (provide one with -ca)\n`, 0],
    ['cfssl gencert', '', 'not enough arguments are supplied --- please refer to the usage\n', 1],
    ['cfssl version', 'Version: 1.2.0\nRevision: dev\nRuntime: go1.19.8\n', '', 0],
    ['cfssl print-defaults list', 'Default configurations are available for:\n\tconfig\n\tcsr\n', '', 0],
    ['cfssljson', '', 'Failed to parse input: unexpected end of JSON input\n', 1],
    ['cfssljson -f nofile -bare x', '', 'Failed to read input: open nofile: no such file or directory\n', 1],
    ['echo \'{"cert":"x"}\' | cfssljson ca', '', 'Request failed:\n', 1],
    ['echo \'{"success":false,"errors":[{"code":1,"message":"boom"}]}\' | cfssljson x', '', 'Request failed:\n\tboom\n', 1],
    ["echo '{bad' | cfssljson -bare x", '', "Failed to parse input: invalid character 'b' looking for beginning of object key string\n", 1],
    ['cfssl gencert -initca ca.json 2>/dev/null | cfssljson -bare nodir/x', '', 'open nodir/x.pem: no such file or directory\n', 1],
  ];

  it('every case', async () => {
    const h = harness();
    await seedCa(h);
    const files: Record<string, string> = {
      'bad.json': '{bad\n',
      'empty.json': '{}\n',
      'weak.json': '{"CN":"x","key":{"algo":"rsa","size":1024}}\n',
      't1.json': '{"CN":5}\n',
      't2.json': '{"CN":"x","key":{"algo":"rsa","size":"2048"}}\n',
      't4.json': '{"CN":"x","names":[{"C":5}]}\n',
      't6.json': '[1]\n',
      'blog.json': BLOG_CSR,
      'ca.json': '{"CN":"x"}',
      'badcfg.json': '{"signing":{"default":{"expiry":"xyz"}}}\n',
      'badcfg2.json': '{bad\n',
      'c1.json': '{"signing":{"default":{"expiry":"1h"},"profiles":{"p":{"expiry":"2h"}}}}\n',
      'c3.json': '{"signing":{"profiles":{"p":{"usages":["signing"]}}}}\n',
    };
    for (const [name, content] of Object.entries(files)) h.fs.put(`/home/user/${name}`, content);
    for (const [command, stdout, stderr, exitCode] of cases) {
      const r = await h.run(command);
      expect({ command, ...r }).to.deep.equal({ command, stdout, stderr, exitCode });
    }
  });

  it('a flag cfssl does not define prints the usage and exits 2', async () => {
    const r = await harness().run('cfssl gencert -x ca-csr.json');
    expect(r.exitCode).to.equal(2);
    expect(r.stderr.split('\n').slice(0, 3)).to.deep.equal(['flag provided but not defined: -x', '\tcfssl gencert -- generate a new key and signed certificate', '']);
  });

  it('-stdout prints cert, key and csr, each with a blank line after', async () => {
    const h = harness();
    h.fs.put('/home/user/ca.json', '{"CN":"x"}');
    const r = await h.run('cfssl gencert -initca ca.json 2>/dev/null | cfssljson -stdout -bare');
    expect(r.stdout).to.match(/^-----BEGIN CERTIFICATE-----\n[\s\S]+-----END CERTIFICATE-----\n\n-----BEGIN EC PRIVATE KEY-----\n[\s\S]+\n\n-----BEGIN CERTIFICATE REQUEST-----\n[\s\S]+-----END CERTIFICATE REQUEST-----\n\n$/);
  });
});

import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { opensslProgram } from './openssl.ts';
import { Harness, realOpenssl, withoutThreadIds } from './testdata/program-harness.ts';

const harness = () => new Harness({ openssl: opensslProgram });
const fixture = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');
/** 2026-01-01T00:00:00Z, the virtual clock's start, as -attime takes it. */
const EPOCH = String(Date.UTC(2026, 0, 1) / 1000);

describe('openssl req -x509 -newkey (seed 000)', () => {
  it('writes a PKCS#8 key and a self-signed v3 certificate that the real openssl reads', async () => {
    const h = harness();
    const r = await h.run('openssl req -x509 -nodes -days 365 -newkey rsa:2048 -keyout /tmp/nginx.key -out /tmp/nginx.crt -subj "/CN=my-nginx/O=my-nginx"');
    expect(r.exitCode).to.equal(0);
    expect(r.stdout).to.equal('');
    // OpenSSL 3.0.19: two lines of progress for the two primes, then "-----".
    expect(r.stderr).to.match(/^[.+*]+\n[.+*]+\n-----\n$/);
    expect(h.read('/tmp/nginx.key')).to.match(/^-----BEGIN PRIVATE KEY-----\n/);
    const dir = h.export('/tmp/nginx.key', '/tmp/nginx.crt');
    // Expected: the virtual clock's start and 365 days on, the -subj name in OpenSSL 3's oneline form.
    expect(realOpenssl(dir, ['x509', '-in', 'nginx.crt', '-noout', '-subject', '-issuer', '-dates', '-ext', 'basicConstraints']).output).to.equal(
      'subject=CN = my-nginx, O = my-nginx\n' +
        'issuer=CN = my-nginx, O = my-nginx\n' +
        'notBefore=Jan  1 00:00:00 2026 GMT\n' +
        'notAfter=Jan  1 00:00:00 2027 GMT\n' +
        'X509v3 Basic Constraints: critical\n' +
        '    CA:TRUE\n',
    );
    expect(realOpenssl(dir, ['verify', '-attime', EPOCH, '-CAfile', 'nginx.crt', 'nginx.crt']).output).to.equal('nginx.crt: OK\n');
    const certKey = realOpenssl(dir, ['x509', '-in', 'nginx.crt', '-noout', '-pubkey']).output;
    expect(realOpenssl(dir, ['pkey', '-in', 'nginx.key', '-pubout']).output).to.equal(certKey);
    // Our -text is the real one, line for line.
    const ours = await h.run('openssl x509 -in /tmp/nginx.crt -noout -text');
    expect(ours.stdout).to.equal(realOpenssl(dir, ['x509', '-in', 'nginx.crt', '-noout', '-text']).output);
  });

  it('draws the serial from the seeded stream: the same seed gives the same serial', async () => {
    const serial = async () => {
      const h = harness();
      await h.run('openssl req -x509 -nodes -newkey rsa:2048 -keyout k -out c -subj /CN=x');
      return (await h.run('openssl x509 -in c -noout -serial')).stdout;
    };
    expect(await serial()).to.equal(await serial());
  });

  it('writes the key to privkey.pem without -keyout and the certificate to stdout without -out', async () => {
    const h = harness();
    const r = await h.run('openssl req -x509 -nodes -newkey rsa:2048 -subj /CN=x');
    expect(r.stdout).to.match(/^-----BEGIN CERTIFICATE-----\n[\s\S]+-----END CERTIFICATE-----\n$/);
    expect(h.read('privkey.pem')).to.match(/^-----BEGIN PRIVATE KEY-----/);
  });
});

describe('openssl genrsa and req -new -x509 -key (seed 001)', () => {
  it('makes the key and a 360-day certificate for kubia.example.com', async () => {
    const h = harness();
    // OpenSSL 3.0.19: genrsa prints nothing without -verbose; req with -key prints nothing either.
    expect(await h.run('openssl genrsa -out tls.key 2048')).to.deep.equal({ stdout: '', stderr: '', exitCode: 0 });
    expect(h.read('tls.key')).to.match(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(await h.run('openssl req -new -x509 -key tls.key -out tls.cert -days 360 -subj /CN=kubia.example.com')).to.deep.equal({ stdout: '', stderr: '', exitCode: 0 });
    const dir = h.export('tls.key', 'tls.cert');
    expect(realOpenssl(dir, ['x509', '-in', 'tls.cert', '-noout', '-subject', '-enddate']).output).to.equal(
      'subject=CN = kubia.example.com\nnotAfter=Dec 27 00:00:00 2026 GMT\n',
    );
    expect(realOpenssl(dir, ['pkey', '-in', 'tls.key', '-noout']).status).to.equal(0);
  });

  it('genrsa without -out prints the key; -traditional writes PKCS#1', async () => {
    const h = harness();
    expect((await h.run('openssl genrsa 2048')).stdout).to.match(/^-----BEGIN PRIVATE KEY-----\n/);
    expect((await h.run('openssl genrsa -traditional 2048')).stdout).to.match(/^-----BEGIN RSA PRIVATE KEY-----\n/);
  });
});

describe('openssl req -new and x509 -req -CA', () => {
  it('signs a request with a CA, keeps ca.srl, and the real openssl verifies the chain', async () => {
    const h = harness();
    await h.run('openssl genrsa -out ca.key 2048');
    await h.run('openssl req -x509 -new -nodes -key ca.key -subj "/CN=my-ca" -days 1000 -out ca.crt');
    await h.run('openssl genrsa -out srv.key 2048');
    expect(await h.run('openssl req -new -key srv.key -out srv.csr -subj "/CN=srv.example.com"')).to.deep.equal({ stdout: '', stderr: '', exitCode: 0 });
    // OpenSSL 3.0.19 on this machine prints exactly these two lines on stderr.
    const signed = await h.run('openssl x509 -req -in srv.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out srv.crt -days 100');
    expect(signed).to.deep.equal({ stdout: '', stderr: 'Certificate request self-signature ok\nsubject=CN = srv.example.com\n', exitCode: 0 });
    const serial = (await h.run('openssl x509 -in srv.crt -noout -serial')).stdout;
    expect(`serial=${h.read('ca.srl')}`).to.equal(serial);
    const dir = h.export('ca.crt', 'srv.crt', 'srv.csr');
    expect(realOpenssl(dir, ['req', '-in', 'srv.csr', '-noout', '-verify']).output).to.equal('Certificate request self-signature verify OK\n');
    expect(realOpenssl(dir, ['verify', '-attime', EPOCH, '-CAfile', 'ca.crt', 'srv.crt']).output).to.equal('srv.crt: OK\n');
    // OpenSSL 3.0 writes version 1 certificates for x509 -req without -extfile.
    expect(realOpenssl(dir, ['x509', '-in', 'srv.crt', '-noout', '-text']).output).to.contain('Version: 1 (0x0)');
    await h.run('openssl x509 -req -in srv.csr -CA ca.crt -CAkey ca.key -out srv2.crt');
    const next = BigInt(`0x${serial.slice('serial='.length).trim()}`) + 1n;
    expect(BigInt(`0x${h.read('ca.srl').trim()}`)).to.equal(next);
  });

  it('applies -extfile extensions, with an @section of alternative names', async () => {
    const h = harness();
    await h.run('openssl req -x509 -nodes -newkey rsa:2048 -keyout ca.key -out ca.crt -subj /CN=my-ca');
    await h.run('openssl req -new -nodes -newkey rsa:2048 -keyout srv.key -out srv.csr -subj /CN=srv');
    h.fs.put('/home/user/ext.cnf', 'subjectAltName = @alt\nkeyUsage = critical, digitalSignature, keyEncipherment\nextendedKeyUsage=serverAuth\n[alt]\nDNS.1 = a.example.com\nIP.1 = 10.0.0.1\n');
    const r = await h.run('openssl x509 -req -in srv.csr -CA ca.crt -CAkey ca.key -out srv.crt -days 10 -extfile ext.cnf');
    expect(r.exitCode).to.equal(0);
    const dir = h.export('srv.crt');
    // The same extfile given to OpenSSL 3.0.19 prints these lines.
    expect(realOpenssl(dir, ['x509', '-in', 'srv.crt', '-noout', '-ext', 'subjectAltName,keyUsage,extendedKeyUsage']).output).to.equal(
      'X509v3 Subject Alternative Name: \n    DNS:a.example.com, IP Address:10.0.0.1\n' +
        'X509v3 Key Usage: critical\n    Digital Signature, Key Encipherment\n' +
        'X509v3 Extended Key Usage: \n    TLS Web Server Authentication\n',
    );
  });

  it('req -addext adds to and replaces the v3_ca extensions', async () => {
    const h = harness();
    await h.run('openssl genrsa -out k 2048');
    await h.run('openssl req -new -x509 -key k -out c -subj /CN=x -addext "subjectAltName=DNS:x.com,IP:1.2.3.4" -addext basicConstraints=CA:FALSE');
    const dir = h.export('c');
    // OpenSSL 3.0.19: the replaced basicConstraints keeps its place, the SAN comes after.
    const text = realOpenssl(dir, ['x509', '-in', 'c', '-noout', '-text']).output;
    expect(text.slice(text.indexOf('X509v3 extensions'), text.indexOf('\n    Signature Algorithm') + 1)).to.match(
      /Subject Key Identifier: \n.*\n.*Authority Key Identifier: \n.*\n.*Basic Constraints: \n\s+CA:FALSE\n.*Subject Alternative Name: \n\s+DNS:x.com, IP Address:1.2.3.4\n$/,
    );
  });

  it('asks for the name on stdin without -subj', async () => {
    const h = harness();
    await h.run('openssl genrsa -out k 2048');
    const r = await h.run('openssl req -new -x509 -key k -out c -days 1', 'CN\nBJ\n\nMyOrg\n.\nmy.host\n\n');
    // The prompts of OpenSSL 3.0.19 with Debian's openssl.cnf, fed the same answers.
    expect(r.stderr).to.equal(
      'You are about to be asked to enter information that will be incorporated\n' +
        'into your certificate request.\n' +
        'What you are about to enter is what is called a Distinguished Name or a DN.\n' +
        'There are quite a few fields but you can leave some blank\n' +
        'For some fields there will be a default value,\n' +
        "If you enter '.', the field will be left blank.\n" +
        '-----\n' +
        'Country Name (2 letter code) [AU]:State or Province Name (full name) [Some-State]:Locality Name (eg, city) []:' +
        'Organization Name (eg, company) [Internet Widgits Pty Ltd]:Organizational Unit Name (eg, section) []:' +
        'Common Name (e.g. server FQDN or YOUR name) []:Email Address []:',
    );
    expect((await h.run('openssl x509 -in c -noout -subject')).stdout).to.equal('subject=C = CN, ST = BJ, O = MyOrg, CN = my.host\n');
    const eof = await h.run('openssl req -new -x509 -key k -out c -days 1', 'USA\n');
    expect(eof.stderr.split('-----\n')[1]).to.equal(
      'Country Name (2 letter code) [AU]:String too long, must be at most 2 bytes long\nCountry Name (2 letter code) [AU]:Error making certificate request\n',
    );
    expect(eof.exitCode).to.equal(1);
  });
});

describe('openssl x509 printing, against OpenSSL 3.0.19 on fixtures it made', () => {
  // testdata/*.text and *.print were written by /usr/bin/openssl from the same files.
  const fixtures = ['openssl-req-x509.crt', 'openssl-x509-req-v1.crt', 'cfssl-ca.pem', 'cfssl-ec-leaf-with-sans.pem'];
  for (const name of fixtures) {
    it(`-text of ${name}`, async () => {
      const h = harness();
      h.fs.put(`/home/user/${name}`, fixture(name));
      expect((await h.run(`openssl x509 -in ${name} -noout -text`)).stdout).to.equal(fixture(`${name}.text`));
    });
  }

  it('print options in the order given, -ext in certificate order, -nameopt RFC2253, -modulus', async () => {
    const h = harness();
    h.fs.put('/home/user/c.crt', fixture('openssl-req-x509.crt'));
    h.fs.put('/home/user/e.pem', fixture('cfssl-ec-leaf-with-sans.pem'));
    const a = await h.run('openssl x509 -in c.crt -noout -subject -issuer -serial -dates -fingerprint -ext basicConstraints,subjectKeyIdentifier');
    const b = await h.run('openssl x509 -in c.crt -noout -sha256 -fingerprint -nameopt RFC2253 -subject -startdate -enddate -modulus');
    expect(a.stdout + b.stdout).to.equal(fixture('openssl-req-x509.crt.print'));
    expect((await h.run('openssl x509 -in e.pem -noout -ext subjectAltName,keyUsage -serial -subject')).stdout).to.equal(fixture('cfssl-ec-leaf-with-sans.pem.print'));
  });

  it('-ext naming nothing the certificate has, -checkend, and PEM out', async () => {
    const h = harness();
    h.fs.put('/home/user/c.crt', fixture('openssl-req-x509.crt'));
    // OpenSSL 3.0.19: a note on stderr, exit 0.
    expect(await h.run('openssl x509 -in c.crt -noout -ext subjectAltName')).to.deep.equal({ stdout: '', stderr: 'No extensions in certificate\n', exitCode: 0 });
    h.clock.advance(Date.UTC(2027, 0, 1) - h.clock.now());
    expect(await h.run('openssl x509 -in c.crt -noout -checkend 86400')).to.deep.equal({ stdout: 'Certificate will not expire\n', stderr: '', exitCode: 0 });
    expect(await h.run('openssl x509 -in c.crt -noout -checkend 99999999')).to.deep.equal({ stdout: 'Certificate will expire\n', stderr: '', exitCode: 1 });
    expect((await h.run('openssl x509 -in c.crt')).stdout).to.equal(fixture('openssl-req-x509.crt'));
  });
});

describe('openssl verify', () => {
  it('OK, self-signed, unknown issuer and expiry on the virtual clock', async () => {
    const h = harness();
    h.fs.put('/home/user/ca.pem', fixture('cfssl-ca.pem'));
    h.fs.put('/home/user/leaf.pem', fixture('cfssl-ec-leaf-with-sans.pem'));
    h.fs.put('/home/user/self.crt', fixture('openssl-req-x509.crt'));
    h.clock.advance(Date.UTC(2027, 0, 1) - h.clock.now());
    // The expected texts are what OpenSSL 3.0.19 printed for the same files.
    expect(await h.run('openssl verify -CAfile ca.pem leaf.pem')).to.deep.equal({ stdout: 'leaf.pem: OK\n', stderr: '', exitCode: 0 });
    expect(await h.run('openssl verify self.crt')).to.deep.equal({
      stdout: '',
      stderr: 'CN = my-nginx, O = my-nginx\nerror 18 at 0 depth lookup: self-signed certificate\nerror self.crt: verification failed\n',
      exitCode: 2,
    });
    expect(await h.run('openssl verify leaf.pem')).to.deep.equal({
      stdout: '',
      stderr: 'C = CN, ST = BJ, L = BJ, O = k8s, OU = System, CN = web\nerror 20 at 0 depth lookup: unable to get local issuer certificate\nerror leaf.pem: verification failed\n',
      exitCode: 2,
    });
    expect(await h.run('openssl verify -CAfile ca.pem -attime 4000000000 leaf.pem')).to.deep.equal({
      stdout: '',
      stderr:
        'C = CN, ST = Beijing, L = Beijing, CN = kubernetes\nerror 10 at 1 depth lookup: certificate has expired\n' +
        'C = CN, ST = BJ, L = BJ, O = k8s, OU = System, CN = web\nerror 10 at 0 depth lookup: certificate has expired\n' +
        'error leaf.pem: verification failed\n',
      exitCode: 2,
    });
  });
});

describe('openssl rsa', () => {
  it('-check, -modulus, -pubout and rewriting, as OpenSSL 3.0.19 does for the same key', async () => {
    const h = harness();
    await h.run('openssl genrsa -out k 2048');
    const dir = h.export('k');
    for (const args of [['rsa', '-in', 'k', '-check', '-noout'], ['rsa', '-in', 'k', '-noout', '-modulus'], ['rsa', '-in', 'k', '-pubout'], ['rsa', '-in', 'k'], ['rsa', '-in', 'k', '-traditional'], ['rsa', '-in', 'nokey']]) {
      const ours = await h.run(`openssl ${args.join(' ')}`);
      const real = realOpenssl(dir, args);
      expect(withoutThreadIds(ours.stdout + ours.stderr)).to.equal(withoutThreadIds(real.output));
      expect(ours.exitCode).to.equal(real.status);
    }
  });
});

describe('openssl errors, as OpenSSL 3.0.19 prints them', () => {
  // Each expected text was printed by /usr/bin/openssl on this machine; thread ids differ from run to run.
  const stack = (lines: string[]) => lines.map((l) => `THREAD:error:${l}\n`).join('');
  const storeMissing = (path: string) =>
    stack([
      '16000069:STORE routines:ossl_store_get0_loader_int:unregistered scheme:../crypto/store/store_register.c:237:scheme=file',
      `80000002:system library:file_open:No such file or directory:../providers/implementations/storemgmt/file_store.c:266:calling stat(${path})`,
    ]);
  const cases: Array<[string, string, number]> = [
    ['openssl req -new -x509 -key nokey.key -out t.cert -days 360 -subj /CN=kubia.example.com', `Could not open file or uri for loading private key from nokey.key\n${storeMissing('nokey.key')}`, 1],
    ['openssl x509 -in nofile.crt -noout -subject', `Could not open file or uri for loading certificate from nofile.crt\n${storeMissing('nofile.crt')}Unable to load certificate\n`, 1],
    [
      'openssl x509 -req -in nocsr.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out x.crt',
      'Can\'t open "nocsr.csr" for reading, No such file or directory\n' +
        stack([
          '80000002:system library:BIO_new_file:No such file or directory:../crypto/bio/bss_file.c:67:calling fopen(nocsr.csr, r)',
          '10000080:BIO routines:BIO_new_file:no such file:../crypto/bio/bss_file.c:75:',
        ]) +
        'Unable to load certificate request input\n',
      1,
    ],
    ['openssl genrsa -out /nodir/x.key 2048', 'genrsa: Can\'t open "/nodir/x.key" for writing, No such file or directory\n', 1],
    ['openssl genrsa -out k.key abc', 'genrsa: Can\'t parse "abc" as a number\n', 1],
    ['openssl genrsa 256', `Error setting RSA length\n${stack(['1C8000AB:Provider routines:rsa_gen_set_params:key size too small:../providers/implementations/keymgmt/rsa_kmgmt.c:509:'])}`, 1],
    ['openssl genrsa -out k1.key 2048 -v', 'Extra arguments given.\ngenrsa: Use -help for summary.\n', 1],
    ['openssl req -zzz', 'req: Unknown option or message digest: zzz\nreq: Use -help for summary.\n', 1],
    ['openssl x509 -in', 'x509: Option -in needs a value\nx509: Use -help for summary.\n', 1],
    ['openssl req -days abc -new -key tls.key -subj /CN=x -x509', 'req: Can\'t parse "abc" as a number\nreq: Use -help for summary.\n', 1],
    ['openssl foo', 'Invalid command \'foo\'; type "help" for a list.\n', 1],
    ['openssl verify -zzz x', 'verify: Unknown option: -zzz\nverify: Use -help for summary.\n', 1],
    ['openssl req', `Unable to load X509 request\n${stack(['0480006C:PEM routines:get_name:no start line:../crypto/pem/pem_lib.c:760:Expecting: CERTIFICATE REQUEST'])}`, 1],
    ['openssl req -new -x509 -key tls.key -subj CN=x', "req: subject name is expected to be in the format /type0=value0/type1=value1/type2=... where characters may be escaped by \\. This name is not in that format: 'CN=x'\n", 1],
    ['openssl req -new -x509 -key tls.key -subj "/CN=a, b/O=x+y"', "req: Missing '=' after RDN type string 'y' in subject name string\n", 1],
    ['openssl req -new -x509 -key tls.key -subj "/CN=a\\\\"', 'req: Escape character at end of subject name string\n', 1],
    [
      'openssl req -new -x509 -key tls.key -subj /C=USA/CN=x',
      `${stack(['06800097:asn1 encoding routines:ASN1_mbstring_ncopy:string too long:../crypto/asn1/a_mbstr.c:106:maxsize=2'])}req: Error adding subject name attribute "/C=USA"\n`,
      1,
    ],
    ['openssl req -new -x509 -key tls.key -subj /C=U', `${stack(['06800098:asn1 encoding routines:ASN1_mbstring_ncopy:string too short:../crypto/asn1/a_mbstr.c:100:minsize=2'])}req: Error adding subject name attribute "/C=U"\n`, 1],
    [
      'openssl req -new -x509 -key tls.key -subj /CN=x -addext foo=bar',
      `Error checking extensions defined using -addext\n${stack([
        '11000082:X509 V3 routines:do_ext_nconf:unknown extension name:../crypto/x509/v3_conf.c:88:',
        '11000080:X509 V3 routines:X509V3_EXT_nconf_int:error in extension:../crypto/x509/v3_conf.c:48:section=default, name=foo, value=bar',
      ])}`,
      1,
    ],
    [
      'openssl req -new -x509 -key tls.key -subj /CN=x -addext keyUsage=bogus',
      `Error checking extensions defined using -addext\n${stack([
        '1100006F:X509 V3 routines:v2i_ASN1_BIT_STRING:unknown bit string argument:../crypto/x509/v3_bitst.c:82:bogus',
        '11000080:X509 V3 routines:X509V3_EXT_nconf_int:error in extension:../crypto/x509/v3_conf.c:48:section=default, name=keyUsage, value=bogus',
      ])}`,
      1,
    ],
    ['openssl req -new -x509 -key ca.crt -out t.cert -subj /CN=k', 'Could not read private key from ca.crt\n', 1],
    ['openssl x509 -in /tmp -noout -subject', 'Could not read certificate from /tmp\nUnable to load certificate\n', 1],
    ['openssl x509 -req -in srv.csr -out x.crt', 'Certificate request self-signature ok\nsubject=CN = srv.example.com\nWe need a private key to sign with, use -key or -CAkey or -CA with private key\n', 1],
    [
      'openssl x509 -req -in srv.csr -CA ca.crt -CAkey tls.key -CAcreateserial -out s5.crt',
      `Certificate request self-signature ok\nsubject=CN = srv.example.com\nCA certificate and CA private key do not match\n${stack(['05800074:x509 certificate routines:X509_check_private_key:key values mismatch:../crypto/x509/x509_cmp.c:403:'])}`,
      1,
    ],
    ['openssl x509 -req -in srv.csr -CA ca.crt -out x.crt', 'Certificate request self-signature ok\nsubject=CN = srv.example.com\nCould not read CA private key from ca.crt\n', 1],
  ];
  it('every case', async () => {
    const h = harness();
    await h.run('openssl genrsa -out tls.key 2048');
    await h.run('openssl req -x509 -nodes -newkey rsa:2048 -keyout ca.key -out ca.crt -subj /CN=my-ca');
    await h.run('openssl req -new -key tls.key -out srv.csr -subj /CN=srv.example.com');
    for (const [command, stderr, exitCode] of cases) {
      const r = await h.run(command);
      expect({ command, stderr: withoutThreadIds(r.stderr), exitCode: r.exitCode }).to.deep.equal({ command, stderr, exitCode });
    }
  });

  it('the real openssl prints the same for the same files', async () => {
    const h = harness();
    await h.run('openssl genrsa -out tls.key 2048');
    await h.run('openssl req -x509 -nodes -newkey rsa:2048 -keyout ca.key -out ca.crt -subj /CN=my-ca');
    await h.run('openssl req -new -key tls.key -out srv.csr -subj /CN=srv.example.com');
    const dir = h.export('tls.key', 'ca.key', 'ca.crt', 'srv.csr');
    for (const args of [
      ['x509', '-req', '-in', 'srv.csr', '-CA', 'ca.crt', '-CAkey', 'tls.key', '-out', 's5.crt'],
      ['x509', '-req', '-in', 'srv.csr', '-CA', 'ca.crt', '-out', 'x.crt'],
      ['req', '-new', '-x509', '-key', 'ca.crt', '-out', 't.cert', '-subj', '/CN=k'],
    ]) {
      const ours = await h.run(`openssl ${args.join(' ')}`);
      const real = realOpenssl(dir, args);
      expect(withoutThreadIds(ours.stderr)).to.equal(withoutThreadIds(real.output));
      expect(ours.exitCode).to.equal(real.status);
    }
  });
});

import { describe, it } from 'node:test';
import { expect } from 'chai';
import { checkX509KeyPair } from '../../kubectl/cmd/create/tls-key-pair.ts';
import { cfsslProgram } from './cfssl.ts';
import { cfssljsonProgram } from './cfssljson.ts';
import { opensslProgram } from './openssl.ts';
import { Harness, realOpenssl } from './testdata/program-harness.ts';

const harness = () => new Harness({ openssl: opensslProgram, cfssl: cfsslProgram, cfssljson: () => cfssljsonProgram() });

// The certificate commands of the seeds, typed as the tutorials print them, run in the embedded shell.
describe('seed scripts', () => {
  it('000: openssl req -x509 ... then base64 of the files; the pair loads as kubectl create secret tls checks it', async () => {
    const h = harness();
    const r = await h.run(
      'openssl req -x509 -nodes -days 365 -newkey rsa:2048 -keyout /tmp/nginx.key -out /tmp/nginx.crt -subj "/CN=my-nginx/O=my-nginx"\n' +
        'cat /tmp/nginx.crt | base64 > /tmp/crt.b64\n',
    );
    expect(r.exitCode).to.equal(0);
    expect(Buffer.from(h.read('/tmp/crt.b64'), 'base64').toString()).to.equal(h.read('/tmp/nginx.crt'));
    expect(() => checkX509KeyPair(h.read('/tmp/nginx.crt'), h.read('/tmp/nginx.key'))).to.not.throw();
  });

  it('001: openssl genrsa, then req -new -x509 -key', async () => {
    const h = harness();
    const r = await h.run('openssl genrsa -out tls.key 2048\nopenssl req -new -x509 -key tls.key -out tls.cert -days 360 -subj /CN=kubia.example.com\n');
    expect(r).to.deep.equal({ stdout: '', stderr: '', exitCode: 0 });
    expect(() => checkX509KeyPair(h.read('tls.cert'), h.read('tls.key'))).to.not.throw();
  });

  it('003: the heredocs, cfssl gencert -initca | cfssljson, cfssl gencert -ca ... | cfssljson', async () => {
    const h = harness();
    const script = [
      'cat > ca-config.json <<EOF',
      '{',
      '"signing": {',
      '"default": {',
      '"expiry": "87600h"',
      '},',
      '"profiles": {',
      '"kubernetes": {',
      '"expiry": "87600h",',
      '"usages": [',
      '"signing",',
      '"key encipherment",',
      '"server auth",',
      '"client auth"',
      ']',
      '}',
      '}',
      '}',
      '}',
      'EOF',
      'cat > ca-csr.json <<EOF',
      '{',
      '"CN": "kubernetes",',
      '"key": {',
      '"algo": "rsa",',
      '"size": 2048',
      '},',
      '"names": [',
      '{',
      '"C": "CN",',
      '"L": "Beijing",',
      '"ST": "Beijing"',
      '}',
      ']',
      '}',
      'EOF',
      'cfssl gencert -initca ca-csr.json | cfssljson -bare ca -',
      'cat > blog.ctnrs.com-csr.json <<EOF',
      '{',
      '"CN": "blog.ctnrs.com",',
      '"hosts": [],',
      '"key": {',
      '"algo": "rsa",',
      '"size": 2048',
      '},',
      '"names": [',
      '{',
      '"C": "CN",',
      '"L": "BeiJing",',
      '"ST": "BeiJing"',
      '}',
      ']',
      '}',
      'EOF',
      'cfssl gencert -ca=ca.pem -ca-key=ca-key.pem -config=ca-config.json -profile=kubernetes blog.ctnrs.com-csr.json | cfssljson -bare blog.ctnrs.com',
      'ls',
    ].join('\n');
    const r = await h.run(`${script}\n`);
    expect(r.exitCode).to.equal(0);
    // The files cfssl 1.2 and cfssljson leave in the directory for the same script.
    expect(r.stdout.split('\n').filter(Boolean)).to.deep.equal([
      'blog.ctnrs.com-csr.json',
      'blog.ctnrs.com-key.pem',
      'blog.ctnrs.com.csr',
      'blog.ctnrs.com.pem',
      'ca-config.json',
      'ca-csr.json',
      'ca-key.pem',
      'ca.csr',
      'ca.pem',
    ]);
    expect(() => checkX509KeyPair(h.read('blog.ctnrs.com.pem'), h.read('blog.ctnrs.com-key.pem'))).to.not.throw();
    const dir = h.export('ca.pem', 'blog.ctnrs.com.pem');
    expect(realOpenssl(dir, ['verify', '-attime', String(Date.UTC(2026, 0, 1) / 1000), '-CAfile', 'ca.pem', 'blog.ctnrs.com.pem']).output).to.equal('blog.ctnrs.com.pem: OK\n');
  });
});

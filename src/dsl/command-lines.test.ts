import { describe, it } from 'node:test';
import { expect } from 'chai';
import { execInPod, shellWord } from './command-lines.ts';

describe('command lines', () => {
  it('builds kubectl exec ... -- sh -c for a pod', () => {
    expect(execInPod('curl', 'nslookup my-nginx')).to.equal(`kubectl exec curl -- sh -c 'nslookup my-nginx'`);
  });
  it('keeps single quotes of the command intact', () => {
    expect(execInPod('p', `echo 'a b'`)).to.equal(`kubectl exec p -- sh -c 'echo '\\''a b'\\'''`);
  });
  it('adds namespace and container', () => {
    expect(execInPod('c-5pn98', 'cat /etc/nginx/nginx.conf', { namespace: 'ingress-nginx', container: 'controller' })).to.equal(
      `kubectl exec c-5pn98 -n ingress-nginx -c controller -- sh -c 'cat /etc/nginx/nginx.conf'`,
    );
  });
  it('quotes words only when needed', () => {
    expect(shellWord('my-nginx')).to.equal('my-nginx');
    expect(shellWord('a b')).to.equal(`'a b'`);
  });
});

import { describe, it } from 'node:test';
import { expect } from 'chai';
import { matchTranscript, TranscriptSyntaxError } from './transcript.ts';

// Outputs below are from the seeds (shared/seeds/000: kubectl get svc / get pods / nslookup) and nginx's welcome page.
describe('matchTranscript', () => {
  const cases: { name: string; expected: string; actual: string; ok: boolean }[] = [
    {
      name: 'runs of spaces match any width (seed 000 get svc)',
      expected: 'NAME       TYPE        CLUSTER-IP     EXTERNAL-IP   PORT(S)   AGE\nmy-nginx   ClusterIP   <ip>   <none>        80/TCP    <age>',
      actual: 'NAME       TYPE        CLUSTER-IP      EXTERNAL-IP   PORT(S)   AGE\nmy-nginx   ClusterIP   10.96.162.149   <none>        80/TCP    21s\n',
      ok: true,
    },
    { name: 'a single space still needs a space', expected: 'a b', actual: 'ab', ok: false },
    { name: '<hash> matches pod name suffixes', expected: 'my-nginx-<hash>-<hash>   1/1', actual: 'my-nginx-7c5ddbdf54-2xkqz   1/1', ok: true },
    { name: '<hash> is not a whole word of anything', expected: 'my-nginx-<hash>', actual: 'my-nginx-ABC!!', ok: false },
    { name: '<ip:port> and <port>', expected: 'Endpoints: <ip:port>,<ip:port>\nNodePort: <port>', actual: 'Endpoints: 10.244.2.5:80,10.244.3.4:80\nNodePort: 31704', ok: true },
    { name: '<age> in its forms', expected: '<age> <age> <age> <age>', actual: '5s 2m30s 3d12h <unknown>', ok: true },
    { name: '<n> is digits only', expected: 'DATA <n>', actual: 'DATA x', ok: false },
    { name: '<any> takes the rest of a line', expected: 'Server:<any>', actual: 'Server:\t\t10.96.0.10', ok: true },
    { name: '<...> skips lines', expected: '<...>\n<h1>Welcome to nginx!</h1>\n<...>', actual: '<!DOCTYPE html>\n<html>\n<h1>Welcome to nginx!</h1>\n<p>x</p>\n</html>', ok: true },
    { name: '<...> may match zero lines', expected: 'a\n<...>\nb', actual: 'a\nb', ok: true },
    { name: 'missing line fails', expected: 'a\nb\nc', actual: 'a\nc', ok: false },
    { name: 'extra output fails', expected: 'a', actual: 'a\nb', ok: false },
    { name: 'trailing blank lines and spaces ignored', expected: 'a  \n\n', actual: 'a\n\n\n', ok: true },
    { name: 'kubectl literals stay literal', expected: 'x <none> <pending> <unset>', actual: 'x <none> <pending> <unset>', ok: true },
    { name: 'escaped placeholder is literal', expected: '\\<ip>', actual: '<ip>', ok: true },
    { name: 'regex characters are literal', expected: '80/TCP (x) [y] *', actual: '80/TCP (x) [y] *', ok: true },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(matchTranscript(c.expected, c.actual).ok).to.equal(c.ok);
    });
  }

  it('reports the first differing line side by side', () => {
    const result = matchTranscript('NAME   READY\nweb    1/1\nweb2   1/1', 'NAME   READY\nweb    0/1\nweb2   1/1');
    expect(result.ok).to.equal(false);
    expect(result.report).to.contain('expected line 2 "web    1/1" against actual line 2 "web    0/1"');
    expect(result.report!.split('\n').filter((l) => l.startsWith('>'))).to.have.length(1);
  });

  it('names an unknown placeholder', () => {
    expect(() => matchTranscript('x <ipp>', 'x 1.2.3.4')).to.throw(TranscriptSyntaxError, 'unknown placeholder <ipp> on line 1');
  });
});

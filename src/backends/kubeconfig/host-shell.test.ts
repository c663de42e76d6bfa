import { describe, it } from 'node:test';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { runOnHost } from './host-shell.ts';

// Runs the real /bin/sh of this machine: the kubeconfig backend's shell is the user's real one.
describe('runOnHost', { skip: existsSync('/bin/sh') ? false : 'no /bin/sh on this machine' }, () => {
  const options = () => ({ cwd: mkdtempSync(join(tmpdir(), 'ks-host-')), env: { PATH: process.env.PATH }, timeoutSeconds: 20 });

  it('gives each command its own output and exit status, in one shell', async () => {
    const results = await runOnHost(['X=kept; echo first', 'echo $X; echo oops >&2; false', 'printf no-newline'], options());
    expect(results).to.deep.equal([
      { stdout: 'first\n', stderr: '', exitCode: 0 },
      { stdout: 'kept\n', stderr: 'oops\n', exitCode: 1 },
      { stdout: 'no-newline', stderr: '', exitCode: 0 },
    ]);
  });

  it('reports a command that ends the shell', async () => {
    const results = await runOnHost(['echo before', 'exit 3', 'echo never'], options());
    expect(results).to.have.length(2);
    expect(results[1]).to.deep.equal({ stdout: '', stderr: '', exitCode: 3 });
  });

  it('keeps a here-document inside its command', async () => {
    const [r] = await runOnHost(['cat <<EOF\na b\nEOF'], options());
    expect(r).to.deep.equal({ stdout: 'a b\n', stderr: '', exitCode: 0 });
  });

  it('gives the real shell\'s answer to an unknown command', async () => {
    const [r] = await runOnHost(['no-such-command-here'], options());
    expect(r.exitCode).to.equal(127);
    expect(r.stderr).to.match(/no-such-command-here: (command )?not found/);
  });
});

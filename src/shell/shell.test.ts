import { describe, it } from 'node:test';
import { expect } from 'chai';
import { MemoryFileSystem } from './memory-fs.ts';
import { Shell, type ShellOptions } from './shell.ts';
import type { Program } from './types.ts';
import { shellProgram, textUtilities } from './utilities/index.ts';
import type { Trace } from '../trace/trace.ts';

function trace(request: string): Trace {
  return { request, from: 'test', hops: [], ok: true };
}

function place(dialect: 'ash' | 'dash' = 'ash', extra: Record<string, Program> = {}) {
  const fs = new MemoryFileSystem({ '/work/pods.txt': 'web-1 Running\nweb-2 Pending\n', '/etc/hostname': 'node-a\n' });
  fs.mount('/etc/secret', () => ({ password: 's3cret' }));
  const slept: number[] = [];
  const programs = textUtilities();
  for (const [name, program] of Object.entries(extra)) programs.set(name, program);
  const options: ShellOptions = { fs, cwd: '/work', env: new Map([['HOME', '/root'], ['PATH', '/usr/bin:/bin']]), programs, sleep: async (s) => void slept.push(s), dialect, hostname: 'my-nginx-7d9f' };
  programs.set('sh', shellProgram(() => options));
  return { shell: new Shell(options), fs, slept };
}

describe('Shell: messages and statuses as the real shells give them', () => {
  // Expected texts: busybox 1.35.0 `sh -c` and dash 0.5.12 `sh -c` on this machine.
  const table: Array<[string, 'ash' | 'dash', string, string, number]> = [
    ['nosuchcmd arg', 'ash', '', 'sh: nosuchcmd: not found\n', 127],
    ['nosuchcmd arg', 'dash', '', 'sh: 1: nosuchcmd: not found\n', 127],
    ['true\n\nnosuchcmd', 'dash', '', 'sh: 3: nosuchcmd: not found\n', 127],
    ['echo first\nif true; then echo x; fi fi', 'ash', 'first\n', 'sh: syntax error: unexpected "fi"\n', 2],
    ['echo first; echo second\necho "open', 'dash', 'first\nsecond\n', 'sh: 2: Syntax error: Unterminated quoted string\n', 2],
    ['grep Failed pods.txt', 'ash', '', '', 1],
    ['cat missing.yaml', 'ash', '', 'cat: missing.yaml: No such file or directory\n', 1],
    ['echo x > /no/such/file; echo $?', 'ash', '1\n', "sh: can't create /no/such/file: nonexistent directory\n", 0],
    ['echo x > /no/such/file; echo $?', 'dash', '2\n', 'sh: 1: cannot create /no/such/file: Directory nonexistent\n', 0],
    ['echo x > /etc/secret/password', 'ash', '', "sh: can't create /etc/secret/password: Read-only file system\n", 1],
    ['cat < nofile', 'ash', '', "sh: can't open nofile: no such file\n", 1],
    ['cd /nowhere', 'ash', '', "sh: cd: line 0: can't cd to /nowhere: No such file or directory\n", 2],
    ['cd /nowhere', 'dash', '', "sh: 1: cd: can't cd to /nowhere\n", 2],
    ['echo ${x:?not set}; echo after', 'ash', '', 'sh: x: not set\n', 2],
    ['echo $((1/0))', 'dash', '', 'sh: 1: arithmetic expression: division by zero: "1/0"\n', 2],
    ['exit 300', 'ash', '', '', 44],
    ['[ 1 -eq a ]', 'ash', '', 'sh: a: bad number\n', 2],
    ['[ 1 -eq a ]', 'dash', '', 'sh: 1: [: Illegal number: a\n', 2],
  ];
  for (const [script, dialect, stdout, stderr, exitCode] of table) {
    it(`${dialect}: ${JSON.stringify(script)}`, async () => {
      const result = await place(dialect).shell.run(script);
      expect({ stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode }).to.deep.equal({ stdout, stderr, exitCode });
    });
  }
});

describe('Shell: the session and the place', () => {
  it('keeps variables, functions and the working directory from one run to the next', async () => {
    const { shell } = place();
    await shell.run('export POD=web-1; greet() { echo "hi $1"; }; mkdir -p sub; cd sub');
    const result = await shell.run('greet $POD; pwd; env | grep POD');
    expect(result.stdout).to.equal('hi web-1\n/work/sub\nPOD=web-1\n');
    expect(shell.cwd).to.equal('/work/sub');
  });

  it('reports each complete command of a script, a here-document with its command', async () => {
    const { shell } = place();
    const outcomes = await shell.runEach('echo one\ncat <<EOF\nbody\nEOF\ngrep nothing pods.txt\nfi\necho never');
    expect(outcomes.map((o) => [o.command, o.result.stdout, o.result.stderr, o.result.exitCode])).to.deep.equal([
      ['echo one', 'one\n', '', 0],
      ['cat <<EOF\nbody\nEOF', 'body\n', '', 0],
      ['grep nothing pods.txt', '', '', 1],
      ['fi\necho never', '', 'sh: syntax error: unexpected "fi"\n', 2],
    ]);
  });

  it('collects the traces of programs in order, through pipelines and substitutions', async () => {
    const curl: Program = (ctx) => ({ stdout: `answer from ${ctx.argv[1]}\n`, stderr: '', exitCode: 0, traces: [trace(`curl ${ctx.argv[1]}`)] });
    const { shell } = place('ash', { curl });
    const result = await shell.run('curl a | grep answer; x=$(curl b); curl c > /dev/null');
    expect(result.stdout).to.equal('answer from a\n');
    expect(result.traces?.map((t) => t.request)).to.deep.equal(['curl a', 'curl b', 'curl c']);
  });

  it('turns a program that throws into one line on standard error and status 1', async () => {
    const boom: Program = () => {
      throw new Error('kaput');
    };
    const { shell } = place('ash', { boom });
    const result = await shell.run('boom; echo $?');
    expect(result).to.deep.include({ stdout: '1\n', stderr: 'sh: boom: internal error: kaput\n' });
  });

  it('lets time pass through the place: sleep and its units', async () => {
    const { shell, slept } = place();
    await shell.run('sleep 2; sleep 1m 0.5; sleep infinity');
    expect(slept).to.deep.equal([2, 60.5, Infinity]);
  });

  it('leaves standard input to `read` when a program in the loop does not read it', async () => {
    const quiet: Program = () => ({ stdout: 'x\n', stderr: '', exitCode: 0 });
    const { shell } = place('ash', { quiet });
    const result = await shell.run('while read name state; do quiet; echo "$name=$state"; done < pods.txt');
    expect(result.stdout).to.equal('x\nweb-1=Running\nx\nweb-2=Pending\n');
  });

  it('gives programs the exported environment, the place and a way to run nested command lines', async () => {
    const probe: Program = async (ctx) => {
      const nested = await ctx.run('echo "$GREETING from $(hostname)"');
      return { stdout: `${ctx.argv.join(' ')}|${ctx.env.get('GREETING')}|${ctx.env.get('LOCAL')}|${ctx.cwd}|${nested.stdout}`, stderr: '', exitCode: 0 };
    };
    const { shell } = place('ash', { probe });
    const result = await shell.run('LOCAL=1; export GREETING=hello; probe a "b c"');
    expect(result.stdout).to.equal('probe a b c|hello|undefined|/work|hello from my-nginx-7d9f\n');
  });

  it('runs sh -c, sh FILE and a script by path as new shells', async () => {
    const { shell, fs } = place();
    fs.put('/work/deploy.sh', 'echo "deploying $1 as $0"\nexit 3\n');
    const result = await shell.run(`sh -c 'echo "$0:$1"; exit 4' name arg; echo $?; sh deploy.sh web; echo $?; ./deploy.sh api; echo $?; echo 'echo from stdin' | sh`);
    expect(result.stdout).to.equal('name:arg\n4\ndeploying web as deploy.sh\n3\ndeploying api as ./deploy.sh\n3\nfrom stdin\n');
  });

  it('finds programs by a standard path and tells where they are', async () => {
    const { shell } = place();
    const result = await shell.run('/usr/bin/printf "%s\\n" by-path; /bin/echo hi; type ls cd; command -v grep');
    expect(result.stdout).to.equal('by-path\nhi\nls is /usr/bin/ls\ncd is a shell builtin\n/usr/bin/grep\n');
  });

  it('runs the EXIT trap when the script exits', async () => {
    const { shell } = place();
    const result = await shell.run("trap 'echo cleanup' EXIT; echo work; exit 2");
    expect(result).to.deep.include({ stdout: 'work\ncleanup\n', exitCode: 2 });
  });

  it('stops a script that never ends when the place aborts it, with the status of SIGTERM', async () => {
    const controller = new AbortController();
    let rounds = 0;
    const fs = new MemoryFileSystem();
    const shell = new Shell({
      fs,
      cwd: '/',
      env: new Map(),
      programs: textUtilities(),
      abort: controller.signal,
      sleep: async () => {
        if (++rounds === 3) controller.abort();
      },
    });
    const result = await shell.run('while true; do sleep 1; done; echo never');
    expect({ rounds, exitCode: result.exitCode, stdout: result.stdout }).to.deep.equal({ rounds: 3, exitCode: 143, stdout: '' });
  });

  it('reads volume files through a mount and sees their updates', async () => {
    const { shell } = place();
    const result = await shell.run('ls /etc/secret; cat /etc/secret/password; echo; hostname');
    expect(result.stdout).to.equal('password\ns3cret\nmy-nginx-7d9f\n');
  });
});

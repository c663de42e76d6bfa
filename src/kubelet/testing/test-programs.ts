/**
 * Stand-ins for `ls` and `touch` in kubelet tests, until the shell's
 * utilities provide them: the messages are GNU coreutils 9.1's on this
 * machine (`ls: cannot access '/var/ready': No such file or directory`).
 */
import type { Program } from '../../shell/types.ts';
import { ProgramRegistry, programRegistry } from '../runtime/program-registry.ts';

const ls: Program = (ctx) => {
  let stdout = '';
  let stderr = '';
  let exitCode = 0;
  for (const arg of ctx.argv.slice(1).filter((a) => !a.startsWith('-'))) {
    const path = ctx.fs.resolve(ctx.cwd, arg);
    const entries = ctx.fs.list(path);
    if (entries) stdout += entries.map((e) => `${e}\n`).join('');
    else if (ctx.fs.exists(path)) stdout += `${arg}\n`;
    else {
      stderr += `ls: cannot access '${arg}': No such file or directory\n`;
      exitCode = 2;
    }
  }
  return { stdout, stderr, exitCode };
};

const touch: Program = (ctx) => {
  for (const arg of ctx.argv.slice(1)) {
    const path = ctx.fs.resolve(ctx.cwd, arg);
    if (!ctx.fs.exists(path)) ctx.fs.writeFile(path, '');
  }
  return { stdout: '', stderr: '', exitCode: 0 };
};

/** A registry on top of the process-wide one, with `ls` and `touch`. */
export function testPrograms(): ProgramRegistry {
  const registry = new ProgramRegistry(programRegistry);
  registry.register('ls', () => ls);
  registry.register('touch', () => touch);
  return registry;
}

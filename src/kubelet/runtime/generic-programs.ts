/**
 * Registers the programs every image shares in the process-wide registry:
 * the shell's text utilities, `sh` (busybox ash wording in busybox/Alpine
 * images, dash's in Debian ones; bash answers as dash does here), and the
 * few process utilities whose answer depends on the container (`hostname`,
 * `env`, `printenv`) when the shell's set has none of its own.
 */
import { shellProgram, textUtilities } from '../../shell/utilities/index.ts';
import type { Program } from '../../shell/types.ts';
import { programRegistry, type ContainerRuntimeContext, type ProgramRegistry } from './program-registry.ts';

function shellFor(container: ContainerRuntimeContext): Program {
  const dialect = container.image.spec.tools.includes('ash') ? 'ash' : 'dash';
  const binDir = container.image.spec.binDir ?? '/usr/bin';
  return shellProgram((ctx) => ({
    fs: ctx.fs,
    cwd: ctx.cwd,
    env: ctx.env,
    programs: container.programs(),
    sleep: ctx.sleep,
    dialect,
    hostname: container.hostname,
    programPath: (name) => `${binDir}/${name}`,
  }));
}

/** `hostname`: the pod's hostname (the UTS namespace the sandbox set). */
function hostnameProgram(container: ContainerRuntimeContext): Program {
  return () => ({ stdout: `${container.hostname}\n`, stderr: '', exitCode: 0 });
}

/** `printenv [NAME...]`: all variables, or the named ones; exit 1 when one is missing (coreutils). */
const printenv: Program = (ctx) => {
  const names = ctx.argv.slice(1);
  if (names.length === 0) return { stdout: [...ctx.env].map(([k, v]) => `${k}=${v}\n`).join(''), stderr: '', exitCode: 0 };
  let stdout = '';
  let missing = false;
  for (const name of names) {
    const value = ctx.env.get(name);
    if (value === undefined) missing = true;
    else stdout += `${value}\n`;
  }
  return { stdout, stderr: '', exitCode: missing ? 1 : 0 };
};

/** `env` without arguments prints the environment (the form tutorials use). */
const env: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  if (args.length === 0) return printenv({ ...ctx, argv: ['printenv'] });
  const assignments = new Map(ctx.env);
  let i = 0;
  for (; i < args.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(args[i]); i++) {
    const eq = args[i].indexOf('=');
    assignments.set(args[i].slice(0, eq), args[i].slice(eq + 1));
  }
  if (i >= args.length) return { stdout: [...assignments].map(([k, v]) => `${k}=${v}\n`).join(''), stderr: '', exitCode: 0 };
  const quoted = args.slice(i).map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const prefix = [...assignments].filter(([k, v]) => ctx.env.get(k) !== v).map(([k, v]) => `${k}='${v.replace(/'/g, `'\\''`)}' `).join('');
  return ctx.run(`${prefix}exec ${quoted}`);
};

let registeredGlobally = false;

/** Registers the generic programs in the process-wide registry once. */
export function ensureGenericPrograms(): void {
  if (registeredGlobally) return;
  registeredGlobally = true;
  registerGenericPrograms(programRegistry);
}

/** Adds the generic programs to `registry` (the process-wide one by default). */
export function registerGenericPrograms(registry: ProgramRegistry = programRegistry): void {
  const utilities = textUtilities();
  for (const [name, program] of utilities) registry.register(name, () => program);
  for (const shell of ['sh', 'ash', 'dash', 'bash']) registry.register(shell, shellFor);
  if (!utilities.has('hostname')) registry.register('hostname', hostnameProgram);
  if (!utilities.has('printenv')) registry.register('printenv', () => printenv);
  if (!utilities.has('env')) registry.register('env', () => env);
}

/**
 * `--from-literal`, `--from-file` and `--from-env-file` of `create configmap`
 * and `create secret generic` (kubectl/pkg/cmd/create/create_configmap.go,
 * create_secret.go, cmd/util/env_file.go), with their error texts. Files come
 * from the scenario's file system.
 */
import type { Invocation } from '../../command.ts';
import { KubectlError } from '../../errors.ts';

export interface DataSources {
  fromLiteral: string[];
  fromFile: string[];
  fromEnvFile: string[];
}

/** validation.IsConfigMapKey. */
export function configMapKeyErrors(key: string): string[] {
  const errs: string[] = [];
  if (key.length > 253) errs.push('must be no more than 253 characters');
  if (!/^[-._a-zA-Z0-9]+$/.test(key)) {
    errs.push("a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')");
  }
  if (key === '.') errs.push("must not be '.'");
  else if (key === '..') errs.push("must not be '..'");
  else if (key.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

/** validation.IsEnvVarName. */
function envVarNameErrors(key: string): string[] {
  const errs: string[] = [];
  if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(key)) {
    errs.push(
      "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')",
    );
  }
  if (key === '.') errs.push("must not be '.'");
  else if (key === '..') errs.push("must not be '..'");
  else if (key.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

/** How each kind words its key errors. */
export interface KeySink {
  add(key: string, value: string): void;
}

function basename(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** Reads every source into `sink`, in kubectl's order: files, then literals, then env files. */
export function readDataSources(inv: Invocation, sources: DataSources, sink: KeySink): void {
  if (sources.fromEnvFile.length > 0 && (sources.fromFile.length > 0 || sources.fromLiteral.length > 0)) {
    throw new KubectlError('from-env-file cannot be combined with from-file or from-literal');
  }
  const { fs, cwd } = inv.ctx;
  const read = (path: string): string => {
    const content = fs.readFile(fs.resolve(cwd, path));
    if (content === undefined) throw new KubectlError(`error reading ${path}: no such file or directory`);
    return content;
  };
  for (const source of sources.fromFile) {
    const eq = source.indexOf('=');
    const [key, path] = eq >= 0 ? [source.slice(0, eq), source.slice(eq + 1)] : [undefined, source];
    if (eq >= 0 && (key === '' || path === '')) throw new KubectlError(`invalid file source ${source}, expected key=path`);
    const abs = fs.resolve(cwd, path);
    if (!fs.exists(abs)) throw new KubectlError(`error reading ${path}: no such file or directory`);
    if (fs.isDirectory(abs)) {
      if (key !== undefined) throw new KubectlError('cannot give a key name for a directory path');
      for (const name of fs.list(abs) ?? []) {
        const item = `${abs.replace(/\/$/, '')}/${name}`;
        if (!fs.isDirectory(item)) sink.add(name, fs.readFile(item) ?? '');
      }
      continue;
    }
    sink.add(key ?? basename(path), read(path));
  }
  for (const literal of sources.fromLiteral) {
    const eq = literal.indexOf('=');
    if (eq < 0) throw new KubectlError(`invalid literal source ${literal}, expected key=value`);
    sink.add(literal.slice(0, eq), literal.slice(eq + 1));
  }
  for (const envFile of sources.fromEnvFile) {
    const text = read(envFile).replace(/^\uFEFF/, '');
    for (const raw of text.split('\n')) {
      const line = raw.replace(/\r$/, '').trimStart();
      if (line === '' || line.startsWith('#')) continue;
      const eq = line.indexOf('=');
      const key = eq >= 0 ? line.slice(0, eq) : line;
      const errs = envVarNameErrors(key);
      if (errs.length > 0) throw new KubectlError(`"${key}" is not a valid key name: ${errs.join(';')}`);
      sink.add(key, eq >= 0 ? line.slice(eq + 1) : (inv.ctx.env.get(key) ?? ''));
    }
  }
}

/** A key-value map with keys in encoding/json order (sorted), as Go maps serialise. */
export function sortedRecord(entries: Map<string, string>): Record<string, string> {
  return Object.fromEntries([...entries.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

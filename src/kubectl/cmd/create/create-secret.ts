/**
 * `kubectl create secret generic|tls|docker-registry NAME`
 * (kubectl/pkg/cmd/create/create_secret.go, create_secret_tls.go,
 * create_secret_docker.go). Values are base64 on the wire.
 */
import type { CommandSpec, Invocation } from '../../command.ts';
import { KubectlError } from '../../errors.ts';
import { bool, str, strArray, strSlice } from '../../flags/flag-spec.ts';
import { createGenerated, createSubcommandFlags, generatorNamespace, nameArgument } from './create-generated.ts';
import { configMapKeyErrors, readDataSources, sortedRecord } from './data-sources.ts';
import { checkX509KeyPair } from './tls-key-pair.ts';
import type { KubeObject } from '../../../api/meta.ts';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

function secretObject(inv: Invocation, name: string, data: Map<string, string>, type: string): KubeObject {
  const namespace = generatorNamespace(inv);
  const encoded = new Map([...data].map(([k, v]) => [k, b64(v)]));
  return {
    kind: 'Secret',
    apiVersion: 'v1',
    metadata: { name, ...(namespace ? { namespace } : {}), creationTimestamp: null as unknown as string },
    ...(encoded.size > 0 ? { data: sortedRecord(encoded) } : {}),
    ...(type ? { type } : {}),
  };
}

/** addKeyFromLiteralToSecret's checks. */
function secretSink(data: Map<string, string>) {
  return {
    add(key: string, value: string) {
      const errs = configMapKeyErrors(key);
      if (errs.length > 0) throw new KubectlError(`"${key}" is not valid key name for a Secret ${errs.join(';')}`);
      if (data.has(key)) throw new KubectlError(`cannot add key ${key}, another key by that name already exists`);
      data.set(key, value);
    },
  };
}

function runGeneric(inv: Invocation): void {
  const name = nameArgument(inv);
  const data = new Map<string, string>();
  readDataSources(
    inv,
    { fromFile: inv.flags.list('from-file'), fromLiteral: inv.flags.list('from-literal'), fromEnvFile: inv.flags.list('from-env-file') },
    secretSink(data),
  );
  createGenerated(inv, secretObject(inv, name, data, inv.flags.string('type')));
}

function readCertFile(inv: Invocation, path: string): string {
  const content = inv.ctx.fs.readFile(inv.ctx.fs.resolve(inv.ctx.cwd, path));
  if (content === undefined) throw new KubectlError(`Cannot read file ${path}, open ${path}: no such file or directory`);
  return content;
}

function runTls(inv: Invocation): void {
  const name = nameArgument(inv);
  const certPath = inv.flags.string('cert');
  const keyPath = inv.flags.string('key');
  if (certPath === '' || keyPath === '') throw new KubectlError('key and cert must be specified');
  const cert = readCertFile(inv, certPath);
  const key = readCertFile(inv, keyPath);
  try {
    checkX509KeyPair(cert, key);
  } catch (e) {
    throw new KubectlError((e as Error).message);
  }
  createGenerated(inv, secretObject(inv, name, new Map([['tls.crt', cert], ['tls.key', key]]), 'kubernetes.io/tls'));
}

function runDockerRegistry(inv: Invocation): void {
  const name = nameArgument(inv);
  const fromFile = inv.flags.list('from-file');
  const data = new Map<string, string>();
  if (fromFile.length === 0) {
    const username = inv.flags.string('docker-username');
    const password = inv.flags.string('docker-password');
    if (username === '' || password === '') {
      throw new KubectlError('either --from-file or the combination of --docker-username, --docker-password and --docker-server is required');
    }
    const server = inv.flags.string('docker-server');
    const email = inv.flags.string('docker-email');
    const entry: Record<string, string> = { username, password };
    if (email) entry.email = email;
    entry.auth = b64(`${username}:${password}`);
    data.set('.dockerconfigjson', JSON.stringify({ auths: { [server]: entry } }));
  } else {
    readDataSources(inv, { fromFile, fromLiteral: [], fromEnvFile: [] }, secretSink(data));
  }
  createGenerated(inv, secretObject(inv, name, data, 'kubernetes.io/dockerconfigjson'));
}

const SECRET_FLAGS = [...createSubcommandFlags(), bool('append-hash')];

export const createSecretCommand: CommandSpec = {
  name: 'secret',
  flags: [],
  subcommands: [
    {
      name: 'docker-registry',
      flags: [
        ...SECRET_FLAGS,
        str('docker-email'),
        str('docker-password'),
        str('docker-server', undefined, 'https://index.docker.io/v1/'),
        str('docker-username'),
        strSlice('from-file'),
      ],
      run: runDockerRegistry,
    },
    { name: 'generic', flags: [...SECRET_FLAGS, strSlice('from-env-file'), strSlice('from-file'), strArray('from-literal'), str('type')], run: runGeneric },
    { name: 'tls', flags: [...SECRET_FLAGS, str('cert'), str('key')], run: runTls },
  ],
};

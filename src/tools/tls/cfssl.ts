/**
 * The `cfssl` program (cfssl 1.2 as Debian's golang-cfssl ships it; cli/cli.go):
 * `gencert`, `print-defaults config|csr|list` and `version`. Flags are Go flags;
 * a bad one prints the command's usage and exits 2. `-config` is loaded before
 * the command runs, as cli.Start does. Other commands (sign, serve, bundle ...)
 * are not offered: a scenario of the seeds never runs them.
 */
import type { CommandResult, Program } from '../../shell/types.ts';
import { loadSigningConfig, type SigningPolicy } from './cfssl-config.ts';
import { gencert } from './cfssl-gencert.ts';
import { goReadFile } from './go-files.ts';
import { parseGoFlags, type GoFlagKind } from './go-flags.ts';
import type { TlsToolDeps } from './tool-deps.ts';

/** cli.Start's usage: the command list comes from a Go map, so its order varies between real runs; this is one of them. */
const USAGE =
  'Usage:\nAvailable commands:\n' +
  ['sign', 'ocspdump', 'ocsprefresh', 'serve', 'ocspsign', 'selfsign', 'info', 'bundle', 'certinfo', 'version', 'genkey', 'gencert', 'ocspserve', 'scan', 'print-defaults', 'gencrl', 'revoke']
    .map((c) => `\t${c}\n`)
    .join('') +
  'Top-level flags:\n  -allow_verification_with_non_compliant_keys\n    \tAllow a SignatureVerifier to use keys which are technically non-compliant with RFC6962.\n';

const GENCERT_USAGE =
  '\tcfssl gencert -- generate a new key and signed certificate\n\n' +
  'Usage of gencert:\n' +
  '    Generate a new key and cert from CSR:\n' +
  '        cfssl gencert -initca CSRJSON\n' +
  '        cfssl gencert -ca cert -ca-key key [-config config] [-profile profile] [-hostname hostname] CSRJSON\n' +
  '        cfssl gencert -remote remote_host [-config config] [-profile profile] [-label label] [-hostname hostname] CSRJSON\n\n' +
  '    Re-generate a CA cert with the CA key and CSR:\n' +
  '        cfssl gencert -initca -ca-key key CSRJSON\n\n' +
  '    Re-generate a CA cert with the CA key and certificate:\n' +
  '        cfssl gencert -renewca -ca cert -ca-key key\n\n' +
  'Arguments:\n' +
  "        CSRJSON:    JSON file containing the request, use '-' for reading JSON from stdin\n\n" +
  'Flags:\n' +
  '  -initca=false: initialise new CA\n' +
  '  -remote="": remote CFSSL server\n' +
  '  -ca="": CA used to sign the new certificate\n' +
  '  -ca-key="": CA private key\n' +
  '  -config="": path to configuration file\n' +
  '  -hostname="": Hostname for the cert, could be a comma-separated hostname list\n' +
  '  -profile="": signing profile to use\n' +
  '  -label="": key label to use in remote CFSSL server\n' +
  '  -loglevel=1: Log level (0 = DEBUG, 5 = FATAL)\n';

const GENCERT_FLAGS: Record<string, GoFlagKind> = {
  initca: 'bool',
  remote: 'string',
  ca: 'string',
  'ca-key': 'string',
  config: 'string',
  hostname: 'string',
  profile: 'string',
  label: 'string',
  loglevel: 'string',
};

/** `cfssl print-defaults config` and `csr` (cli/printdefault/defaults.go). */
const DEFAULTS: Record<string, string> = {
  config:
    '{\n    "signing": {\n        "default": {\n            "expiry": "168h"\n        },\n        "profiles": {\n            "www": {\n                "expiry": "8760h",\n                "usages": [\n                    "signing",\n                    "key encipherment",\n                    "server auth"\n                ]\n            },\n            "client": {\n                "expiry": "8760h",\n                "usages": [\n                    "signing",\n                    "key encipherment",\n                    "client auth"\n                ]\n            }\n        }\n    }\n}\n\n',
  csr: '{\n    "CN": "example.net",\n    "hosts": [\n        "example.net",\n        "www.example.net"\n    ],\n    "key": {\n        "algo": "ecdsa",\n        "size": 256\n    },\n    "names": [\n        {\n            "C": "US",\n            "ST": "CA",\n            "L": "San Francisco"\n        }\n    ]\n}\n\n',
};

const fail = (stderr: string, exitCode = 1): CommandResult => ({ stdout: '', stderr, exitCode });

export function cfsslProgram(deps: TlsToolDeps): Program {
  return async (ctx) => {
    const [, command, ...args] = ctx.argv;
    if (command === undefined) return fail(`No command is given.\n${USAGE}`);
    if (command === 'version') return { stdout: 'Version: 1.2.0\nRevision: dev\nRuntime: go1.19.8\n', stderr: '', exitCode: 0 };
    if (command === 'print-defaults') {
      const what = args[0];
      if (what === undefined) return fail('not enough arguments are supplied --- please refer to the usage\n');
      if (DEFAULTS[what]) return { stdout: DEFAULTS[what], stderr: '', exitCode: 0 };
      return { stdout: 'Default configurations are available for:\n\tconfig\n\tcsr\n', stderr: '', exitCode: 0 };
    }
    if (command !== 'gencert') return fail(`Command ${command} is not defined.\n${USAGE}`);
    const flags = parseGoFlags(args, GENCERT_FLAGS);
    if (!flags.ok) return fail(`${flags.error}\n${GENCERT_USAGE}`, 2);
    const v = flags.values;
    let config: SigningPolicy | undefined;
    const configFile = v.get('config');
    if (configFile) {
      const file = goReadFile(ctx, configFile);
      if (!file.ok) return fail('Failed to load config file: {"code":5200,"message":"could not read configuration file"}');
      const loaded = loadSigningConfig(file.text);
      if (!loaded.ok) return fail(`Failed to load config file: ${loaded.error}`);
      config = loaded.policy;
    }
    if (v.get('remote')) return fail('remote CFSSL servers are not reachable from this machine\n');
    return gencert(ctx, flags.rest, deps, {
      initca: v.get('initca') === 'true',
      ca: v.get('ca'),
      caKey: v.get('ca-key'),
      profile: v.get('profile'),
      hostname: v.get('hostname'),
      config,
      logLevel: Number(v.get('loglevel') ?? '1'),
    });
  };
}

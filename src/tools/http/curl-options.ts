/**
 * curl's command line (src/tool_getparam.c): single-letter options bundle
 * (`-sSL`, `-kv`), a letter taking a value takes the rest of its word or the
 * next word (`-o/dev/null`, `-o /dev/null`), long options take the next word
 * (`--max-time 5`; `--max-time=5` is an unknown option), anything else is a
 * URL. Only the options the tutorials use are modelled; others that take no
 * value and change nothing visible (-4, --http1.1, --compressed) are accepted.
 * Error texts are curl 7.88.1's, checked on this machine.
 */

export interface CurlOptions {
  urls: string[];
  silent: boolean;
  showError: boolean;
  verbose: boolean;
  insecure: boolean;
  head: boolean;
  include: boolean;
  fail: boolean;
  location: boolean;
  headers: string[];
  method?: string;
  /** -d/--data pieces, joined with `&` as curl does. */
  data: string[];
  output?: string;
  remoteName: boolean;
  writeOut?: string;
  maxTimeSeconds?: number;
  connectTimeoutSeconds?: number;
  caCert?: string;
  resolve: string[];
  userAgent?: string;
}

export type CurlParse = { ok: true; options: CurlOptions } | { ok: false; message: string };

type Kind = 'flag' | 'value';

interface OptionDef {
  long: string;
  short?: string;
  kind: Kind;
  apply(o: CurlOptions, value: string): string | undefined;
}

const number = (name: string, set: (o: CurlOptions, n: number) => void) => (o: CurlOptions, v: string) => {
  if (!/^\d+(\.\d+)?$/.test(v)) return `option ${name}: expected a proper numerical parameter`;
  set(o, Number(v));
  return undefined;
};

const IGNORED_FLAGS = ['http1.1', 'compressed', 'no-buffer', 'globoff', 'tcp-nodelay', 'no-keepalive', 'progress-bar', 'tlsv1.2', 'ssl-no-revoke'];

const DEFS: OptionDef[] = [
  { long: 'silent', short: 's', kind: 'flag', apply: (o) => void (o.silent = true) },
  { long: 'show-error', short: 'S', kind: 'flag', apply: (o) => void (o.showError = true) },
  { long: 'verbose', short: 'v', kind: 'flag', apply: (o) => void (o.verbose = true) },
  { long: 'insecure', short: 'k', kind: 'flag', apply: (o) => void (o.insecure = true) },
  { long: 'head', short: 'I', kind: 'flag', apply: (o) => void (o.head = true) },
  { long: 'include', short: 'i', kind: 'flag', apply: (o) => void (o.include = true) },
  { long: 'fail', short: 'f', kind: 'flag', apply: (o) => void (o.fail = true) },
  { long: 'location', short: 'L', kind: 'flag', apply: (o) => void (o.location = true) },
  { long: 'remote-name', short: 'O', kind: 'flag', apply: (o) => void (o.remoteName = true) },
  { long: 'header', short: 'H', kind: 'value', apply: (o, v) => void o.headers.push(v) },
  { long: 'request', short: 'X', kind: 'value', apply: (o, v) => void (o.method = v) },
  { long: 'data', short: 'd', kind: 'value', apply: (o, v) => void o.data.push(v) },
  { long: 'data-raw', kind: 'value', apply: (o, v) => void o.data.push(v) },
  { long: 'data-binary', kind: 'value', apply: (o, v) => void o.data.push(v) },
  { long: 'output', short: 'o', kind: 'value', apply: (o, v) => void (o.output = v) },
  { long: 'write-out', short: 'w', kind: 'value', apply: (o, v) => void (o.writeOut = v) },
  { long: 'max-time', short: 'm', kind: 'value', apply: number('-m', (o, n) => (o.maxTimeSeconds = n)) },
  { long: 'connect-timeout', kind: 'value', apply: number('--connect-timeout', (o, n) => (o.connectTimeoutSeconds = n)) },
  { long: 'cacert', kind: 'value', apply: (o, v) => void (o.caCert = v) },
  { long: 'resolve', kind: 'value', apply: (o, v) => void o.resolve.push(v) },
  { long: 'user-agent', short: 'A', kind: 'value', apply: (o, v) => void (o.userAgent = v) },
  { long: 'url', kind: 'value', apply: (o, v) => void o.urls.push(v) },
  { long: 'retry', kind: 'value', apply: number('--retry', () => undefined) },
  { long: 'noproxy', kind: 'value', apply: () => undefined },
  ...IGNORED_FLAGS.map((long): OptionDef => ({ long, kind: 'flag', apply: () => undefined })),
  { long: 'ipv4', short: '4', kind: 'flag', apply: () => undefined },
];

function fresh(): CurlOptions {
  return { urls: [], silent: false, showError: false, verbose: false, insecure: false, head: false, include: false, fail: false, location: false, headers: [], data: [], remoteName: false, resolve: [] };
}

/** Parses curl's arguments (argv without argv[0]). */
export function parseCurlOptions(args: readonly string[]): CurlParse {
  const o = fresh();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg.startsWith('--') && arg.length > 2) {
      const def = DEFS.find((d) => d.long === arg.slice(2));
      if (!def) return { ok: false, message: `option ${arg}: is unknown` };
      if (def.kind === 'flag') {
        def.apply(o, '');
        continue;
      }
      if (i + 1 >= args.length) return { ok: false, message: `option ${arg}: requires parameter` };
      const error = def.apply(o, args[++i]);
      if (error) return { ok: false, message: error.replace(/^option [^:]+:/, `option ${arg}:`) };
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const letter = arg[j];
        const def = DEFS.find((d) => d.short === letter);
        if (!def) return { ok: false, message: `option -${letter}: is unknown` };
        if (def.kind === 'flag') {
          def.apply(o, '');
          continue;
        }
        const attached = arg.slice(j + 1);
        let value: string;
        if (attached) value = attached;
        else if (i + 1 < args.length) value = args[++i];
        else return { ok: false, message: `option -${letter}: requires parameter` };
        const error = def.apply(o, value);
        if (error) return { ok: false, message: error };
        break;
      }
      continue;
    }
    o.urls.push(arg);
  }
  return { ok: true, options: o };
}

/** The hint curl prints after any command-line error (tool_helpers.c). */
export const CURL_HELP_HINT = "curl: try 'curl --help' or 'curl --manual' for more information\n";

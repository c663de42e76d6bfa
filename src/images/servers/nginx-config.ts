/**
 * The part of nginx's configuration language a container's nginx obeys here:
 * `include` (with globs), `http`/`server`/`location` blocks, `listen` (port,
 * `ssl`, `default_server`), `server_name`, `root`, `alias`, `index`,
 * `try_files`, `return`, `error_page`, `ssl_certificate(_key)`. Parsed from the
 * container's file system when nginx starts (or reloads), as nginx does.
 * Grammar: nginx src/core/ngx_conf_file.c (words, quotes, `;`, `{ }`, `#`).
 */
import type { FileSystem } from '../../shell/types.ts';

export interface Directive {
  name: string;
  args: string[];
  block?: Directive[];
  /** File and line, for error messages. */
  file: string;
  line: number;
}

export interface NginxLocation {
  modifier: '' | '=' | '~' | '~*' | '^~';
  pattern: string;
  directives: Directive[];
}

export interface NginxListen {
  port: number;
  ssl: boolean;
  defaultServer: boolean;
  ipv6: boolean;
  /** `listen 127.0.0.1:80` / `localhost:80`: bound to the loopback address, unreachable on the pod IP. */
  loopbackOnly: boolean;
}

export interface NginxServer {
  listens: NginxListen[];
  serverNames: string[];
  directives: Directive[];
  locations: NginxLocation[];
}

export interface NginxConfig {
  servers: NginxServer[];
  /** `http`-level directives (root, index, default_type, error_page ...). */
  http: Directive[];
  mimeTypes: Map<string, string>;
  defaultType: string;
}

export class NginxConfigError extends Error {}

function tokenize(text: string, file: string): { token: string; line: number; quoted: boolean }[] {
  const tokens: { token: string; line: number; quoted: boolean }[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\n') {
      line++;
      i++;
    } else if (/\s/.test(ch)) {
      i++;
    } else if (ch === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (ch === ';' || ch === '{' || ch === '}') {
      tokens.push({ token: ch, line, quoted: false });
      i++;
    } else if (ch === '"' || ch === "'") {
      let j = i + 1;
      let value = '';
      while (j < text.length && text[j] !== ch) {
        let c = text[j];
        if (c === '\\' && j + 1 < text.length) {
          j++;
          // ngx_conf_read_token: \t \r \n are control characters; any other escaped character stands for itself.
          c = { t: '\t', r: '\r', n: '\n' }[text[j]] ?? text[j];
        } else if (c === '\n') line++;
        value += c;
        j++;
      }
      if (j >= text.length) throw new NginxConfigError(`unexpected end of file, expecting ";" or "}" in ${file}:${line}`);
      tokens.push({ token: value, line, quoted: true });
      i = j + 1;
    } else {
      let j = i;
      while (j < text.length && !/[\s;{}]/.test(text[j])) j++;
      tokens.push({ token: text.slice(i, j), line, quoted: false });
      i = j;
    }
  }
  return tokens;
}

function parseBlock(tokens: ReturnType<typeof tokenize>, start: number, file: string, nested: boolean): { directives: Directive[]; next: number } {
  const directives: Directive[] = [];
  let i = start;
  let current: string[] = [];
  let currentLine = 0;
  while (i < tokens.length) {
    const { token, line, quoted } = tokens[i];
    if (!quoted && token === ';') {
      if (current.length === 0) throw new NginxConfigError(`unexpected ";" in ${file}:${line}`);
      directives.push({ name: current[0], args: current.slice(1), file, line: currentLine });
      current = [];
      i++;
    } else if (!quoted && token === '{') {
      if (current.length === 0) throw new NginxConfigError(`unexpected "{" in ${file}:${line}`);
      const inner = parseBlock(tokens, i + 1, file, true);
      directives.push({ name: current[0], args: current.slice(1), block: inner.directives, file, line: currentLine });
      current = [];
      i = inner.next;
    } else if (!quoted && token === '}') {
      if (!nested) throw new NginxConfigError(`unexpected "}" in ${file}:${line}`);
      if (current.length > 0) throw new NginxConfigError(`unexpected "}" in ${file}:${line}`);
      return { directives, next: i + 1 };
    } else {
      if (current.length === 0) currentLine = line;
      current.push(token);
      i++;
    }
  }
  if (nested || current.length > 0) throw new NginxConfigError(`unexpected end of file, expecting "}" in ${file}:${tokens.at(-1)?.line ?? 1}`);
  return { directives, next: i };
}

function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}$`);
}

/** Replaces `include` directives by the directives of the files they name (in name order for globs). */
function expandIncludes(directives: Directive[], fs: FileSystem, depth: number): Directive[] {
  if (depth > 10) throw new NginxConfigError('include nesting too deep');
  const out: Directive[] = [];
  for (const d of directives) {
    if (d.name === 'include' && !d.block) {
      const pattern = d.args[0] ?? '';
      const path = pattern.startsWith('/') ? pattern : `/etc/nginx/${pattern}`;
      const files = /[*?]/.test(path) ? globFiles(path, fs) : [path];
      if (!/[*?]/.test(path) && fs.readFile(path) === undefined) {
        throw new NginxConfigError(`open() "${path}" failed (2: No such file or directory) in ${d.file}:${d.line}`);
      }
      for (const file of files) out.push(...expandIncludes(parseFile(file, fs), fs, depth + 1));
    } else if (d.block) {
      out.push({ ...d, block: expandIncludes(d.block, fs, depth) });
    } else {
      out.push(d);
    }
  }
  return out;
}

function globFiles(path: string, fs: FileSystem): string[] {
  const slash = path.lastIndexOf('/');
  const dir = path.slice(0, slash) || '/';
  const matcher = globToRegExp(path.slice(slash + 1));
  return (fs.list(dir) ?? []).filter((name) => matcher.test(name)).map((name) => `${dir}/${name}`).filter((p) => fs.readFile(p) !== undefined);
}

function parseFile(path: string, fs: FileSystem): Directive[] {
  const text = fs.readFile(path);
  if (text === undefined) throw new NginxConfigError(`open() "${path}" failed (2: No such file or directory)`);
  return parseBlock(tokenize(text, path), 0, path, false).directives;
}

function parseListen(d: Directive): NginxListen {
  const address = d.args[0] ?? '80';
  const ipv6 = address.startsWith('[');
  const portText = ipv6 ? (address.split(']:')[1] ?? '80') : address.includes(':') ? address.slice(address.lastIndexOf(':') + 1) : /^\d+$/.test(address) ? address : '80';
  const port = Number(portText);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new NginxConfigError(`invalid port in "${address}" of the "listen" directive in ${d.file}:${d.line}`);
  const host = ipv6 ? address.slice(1, address.indexOf(']')) : address.includes(':') ? address.slice(0, address.lastIndexOf(':')) : '';
  const loopbackOnly = host === 'localhost' || host === '::1' || /^127\./.test(host);
  return { port, ssl: d.args.includes('ssl'), defaultServer: d.args.includes('default_server') || d.args.includes('default'), ipv6, loopbackOnly };
}

function parseServer(block: Directive[]): NginxServer {
  const listens = block.filter((d) => d.name === 'listen').map(parseListen);
  return {
    listens: listens.length > 0 ? listens : [{ port: 80, ssl: false, defaultServer: false, ipv6: false, loopbackOnly: false }],
    serverNames: block.filter((d) => d.name === 'server_name').flatMap((d) => d.args),
    directives: block.filter((d) => d.name !== 'location'),
    locations: block
      .filter((d) => d.name === 'location' && d.block)
      .map((d) => {
        const [first, second] = d.args;
        const modifiers = ['=', '~', '~*', '^~'];
        return modifiers.includes(first) ? { modifier: first as NginxLocation['modifier'], pattern: second ?? '', directives: d.block ?? [] } : { modifier: '' as const, pattern: first ?? '', directives: d.block ?? [] };
      }),
  };
}

function parseMimeTypes(http: Directive[]): Map<string, string> {
  const types = new Map<string, string>();
  for (const d of http) {
    if (d.name !== 'types' || !d.block) continue;
    for (const entry of d.block) for (const ext of entry.args) types.set(ext, entry.name);
  }
  return types;
}

/** Reads /etc/nginx/nginx.conf and everything it includes. Throws NginxConfigError with nginx's `[emerg]` text. */
export function loadNginxConfig(fs: FileSystem, mainFile = '/etc/nginx/nginx.conf'): NginxConfig {
  const main = expandIncludes(parseFile(mainFile, fs), fs, 0);
  const httpBlock = main.find((d) => d.name === 'http')?.block ?? [];
  const servers = httpBlock.filter((d) => d.name === 'server' && d.block).map((d) => parseServer(d.block ?? []));
  const defaultType = httpBlock.find((d) => d.name === 'default_type')?.args[0] ?? 'text/plain';
  return { servers, http: httpBlock.filter((d) => d.name !== 'server'), mimeTypes: parseMimeTypes(httpBlock), defaultType };
}

/**
 * Every port nginx listens on with this configuration (IPv4 and IPv6 listeners of one port count once);
 * a port is loopback-only when every listen of it names a loopback address.
 */
export function listenedPorts(config: NginxConfig): { port: number; ssl: boolean; loopbackOnly: boolean }[] {
  const ports = new Map<number, { ssl: boolean; loopbackOnly: boolean }>();
  for (const server of config.servers) {
    for (const listen of server.listens) {
      const seen = ports.get(listen.port);
      ports.set(listen.port, { ssl: (seen?.ssl ?? false) || listen.ssl, loopbackOnly: (seen?.loopbackOnly ?? true) && listen.loopbackOnly });
    }
  }
  return [...ports].map(([port, p]) => ({ port, ...p }));
}

/** The last value of a directive in the innermost scope that sets it (location, then server, then http). */
export function directiveArgs(name: string, ...scopes: Directive[][]): string[] | undefined {
  for (const scope of scopes) {
    const found = scope.filter((d) => d.name === name).at(-1);
    if (found) return found.args;
  }
  return undefined;
}

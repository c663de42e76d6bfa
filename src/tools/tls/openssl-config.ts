/**
 * The OpenSSL configuration file format (crypto/conf/conf_def.c), as far as
 * extension files (`x509 -extfile`) use it: `[ section ]` headers, `name = value`
 * lines, `#` comments. Names before any header belong to section `default`.
 */

export type ConfigSections = Map<string, Array<[string, string]>>;

export function parseOpensslConfig(text: string): ConfigSections {
  const sections: ConfigSections = new Map([['default', []]]);
  let current = sections.get('default')!;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/(^|[^\\])#.*$/, '$1').trim();
    if (!line) continue;
    const header = /^\[\s*([^\]]*?)\s*\]$/.exec(line);
    if (header) {
      current = sections.get(header[1]) ?? [];
      sections.set(header[1], current);
      continue;
    }
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    current.push([line.slice(0, eq).trim(), line.slice(eq + 1).trim()]);
  }
  return sections;
}

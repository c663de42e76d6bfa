/**
 * /etc/resolv.conf as the C libraries read it (resolv.conf(5); glibc
 * resolv/res_init.c): `nameserver` lines (up to 3 used), the last of `search` or
 * `domain` wins, `options ndots:N` (capped at 15), `timeout:N`, `attempts:N`;
 * `#` and `;` start comments. Defaults: ndots 1, timeout 5, attempts 2.
 */

export interface ResolvConf {
  nameservers: string[];
  search: string[];
  ndots: number;
  timeoutSeconds: number;
  attempts: number;
}

const MAX_NAMESERVERS = 3;

function optionValue(option: string, name: string, max: number): number | undefined {
  if (!option.startsWith(`${name}:`)) return undefined;
  const value = Number.parseInt(option.slice(name.length + 1), 10);
  if (!Number.isFinite(value) || value < 0) return undefined;
  return Math.min(value, max);
}

export function parseResolvConf(text: string): ResolvConf {
  const conf: ResolvConf = { nameservers: [], search: [], ndots: 1, timeoutSeconds: 5, attempts: 2 };
  for (const rawLine of text.split('\n')) {
    const line = rawLine.replace(/[#;].*$/, '').trim();
    if (line === '') continue;
    const [keyword, ...values] = line.split(/\s+/);
    switch (keyword) {
      case 'nameserver':
        if (values[0] && conf.nameservers.length < MAX_NAMESERVERS) conf.nameservers.push(values[0]);
        break;
      case 'search':
        conf.search = values;
        break;
      case 'domain':
        conf.search = values.slice(0, 1);
        break;
      case 'options':
        for (const option of values) {
          conf.ndots = optionValue(option, 'ndots', 15) ?? conf.ndots;
          conf.timeoutSeconds = optionValue(option, 'timeout', 30) ?? conf.timeoutSeconds;
          conf.attempts = optionValue(option, 'attempts', 5) ?? conf.attempts;
        }
        break;
    }
  }
  return conf;
}

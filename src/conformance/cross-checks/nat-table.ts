/**
 * `iptables-save` output read back: the chains a table declares and its rules,
 * counters dropped (`:KUBE-SERVICES - [0:0]` becomes `:KUBE-SERVICES -`; the
 * `[packets:bytes]` that `-c` puts before a rule goes).
 */

export interface SavedRule {
  chain: string;
  /** The whole `-A CHAIN ...` line. */
  text: string;
}

export interface SavedTable {
  /** `:NAME POLICY` lines. */
  chains: string[];
  rules: SavedRule[];
}

/** The table `table` of an iptables-save dump (empty when the dump lacks it). */
export function parseIptablesSave(text: string, table = 'nat'): SavedTable {
  const saved: SavedTable = { chains: [], rules: [] };
  let inTable = false;
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (line.startsWith('*')) inTable = line === `*${table}`;
    else if (!inTable || line.startsWith('#') || line === 'COMMIT' || !line) continue;
    else if (line.startsWith(':')) saved.chains.push(line.replace(/\s*\[\d+:\d+\]$/, ''));
    else {
      const rule = line.replace(/^\[\d+:\d+\]\s+/, '');
      const chain = /^-A (\S+)/.exec(rule)?.[1];
      if (chain) saved.rules.push({ chain, text: rule });
    }
  }
  return saved;
}

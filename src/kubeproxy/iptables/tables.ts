/**
 * A node's iptables tables as iptables-save and iptables -L walk them:
 * built-in chains first in hook order with their policy, then user chains
 * sorted by name (iptables-nft keeps user chains sorted, like legacy libiptc),
 * each with its rules in order.
 */
import type { Rule, TableName } from './rule.ts';

export interface ChainView {
  name: string;
  /** "ACCEPT" for built-in chains, undefined for user chains. */
  policy?: 'ACCEPT' | 'DROP';
  rules: Rule[];
}

export interface TableView {
  name: TableName;
  chains: ChainView[];
}

/** Built-in chains of each table, in the order iptables prints them. */
export const BUILTIN_CHAINS: Record<TableName, string[]> = {
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
};

/** iptables-save prints tables in this order when no -t is given. */
export const TABLE_ORDER: TableName[] = ['mangle', 'filter', 'nat'];

/** Byte-wise comparison, as strcmp sorts chain names. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Assembles a table from its built-in chains' rules and its user chains. */
export function makeTable(name: TableName, builtinRules: Record<string, Rule[]>, userChains: Map<string, Rule[]>): TableView {
  const chains: ChainView[] = BUILTIN_CHAINS[name].map((chain) => ({ name: chain, policy: 'ACCEPT' as const, rules: builtinRules[chain] ?? [] }));
  for (const chainName of [...userChains.keys()].sort(compareNames)) chains.push({ name: chainName, rules: userChains.get(chainName)! });
  return { name, chains };
}

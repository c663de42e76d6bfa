/**
 * kube-proxy's nat table on the reference (a real kube-proxy v1.31.4 for node
 * kind-worker, kube-proxy-namespace.ts) against the memory backend's
 * `iptables-save -t nat` on kind-worker.
 *
 * Hashed chain names and addresses are named after their objects
 * (chain-hash-names.ts, map-to-objects.ts); counters are dropped. Rules of
 * Services in other namespaces than the fixture's are left out, and so are
 * those of kube-system and default Services only one cluster has. Every chain
 * is compared rule by rule in order, probabilities included, except
 * KUBE-SERVICES and KUBE-NODEPORTS, which kube-proxy fills by walking a Go
 * map (proxier.go syncProxyRules: `for svcName, svc := range
 * proxier.svcPortMap`): those are sets, but for their last rule, which must
 * stay last.
 */
import type { AddressBook } from './address-book.ts';
import { chainNameLabels, nameChains } from './chain-hash-names.ts';
import type { ClusterObjects } from './cluster-objects.ts';
import type { CheckResult, ComparedBlock } from './comparison.ts';
import { compareBlock } from './comparison.ts';
import type { KnownDifference } from './known-differences.ts';
import type { AlignedRow } from './line-alignment.ts';
import { alignOrdered, alignUnordered } from './line-alignment.ts';
import { mapToObjects } from './map-to-objects.ts';
import { parseIptablesSave } from './nat-table.ts';

export interface NatSide {
  /** `iptables-save -t nat` output. */
  text: string;
  objects: ClusterObjects;
  book: AddressBook;
}

/** Chains kube-proxy fills in Go map order. */
export const UNORDERED_CHAINS = new Set(['KUBE-SERVICES', 'KUBE-NODEPORTS']);
const BUILT_IN = ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'];
const SYSTEM_NAMESPACES = new Set(['default', 'kube-system']);

/** The Service (`ns/name`) a mapped rule or chain declaration belongs to: its chain's label or its comment. */
export function owningService(mapped: string): string | undefined {
  const m = /(?:KUBE-(?:SVC|SVL|EXT|FW|SEP)-<|--comment "(?:masquerade traffic for )?)([a-z0-9.-]+\/[a-z0-9.-]+)/.exec(mapped);
  return m?.[1];
}

interface MappedTable {
  chains: string[];
  rules: { chain: string; text: string }[];
}

function mapTable(side: NatSide): MappedTable {
  const labels = chainNameLabels(side.objects, side.book);
  const map = (line: string) => mapToObjects(nameChains(line, labels), side.book);
  const table = parseIptablesSave(side.text);
  return {
    chains: table.chains.map(map),
    rules: table.rules.map((r) => ({ chain: map(r.chain), text: map(r.text) })),
  };
}

function serviceKeys(objects: ClusterObjects): Set<string> {
  return new Set(objects.services.map((s) => `${s.metadata.namespace}/${s.metadata.name}`));
}

/**
 * The Service of each chain, from the comments of its rules: a chain whose
 * hash names no object read (a Service deleted between kube-proxy's sync and
 * the read) still belongs to the Service its rules name.
 */
export function chainOwners(rules: { chain: string; text: string }[]): Map<string, string> {
  const owners = new Map<string, string>();
  for (const r of rules) {
    // Only a per-service chain belongs to one Service; KUBE-SERVICES holds them all.
    if (!/^KUBE-(?:SVC|SVL|EXT|FW|SEP)-/.test(r.chain)) continue;
    const owner = owningService(r.text);
    if (owner && !owners.has(r.chain)) owners.set(r.chain, owner);
  }
  return owners;
}

/** The chain a rule (`-A NAME ...`) or declaration (`:NAME POLICY`) is about. */
function chainOfLine(line: string): string | undefined {
  return /^(?:-A |:)(\S+)/.exec(line)?.[1];
}

/** Keeps the lines of the fixture's Services, of system Services both have, and of no Service; counts the rest per namespace. */
function scope(lines: string[], namespace: string, shared: Set<string>, dropped: Map<string, number>, owners: Map<string, string>): string[] {
  return lines.filter((line) => {
    const owner = owningService(line) ?? owners.get(chainOfLine(line) ?? '');
    if (!owner) return true;
    const ns = owner.split('/')[0];
    if (ns === namespace || (SYSTEM_NAMESPACES.has(ns) && shared.has(owner))) return true;
    const why = SYSTEM_NAMESPACES.has(ns) ? owner : ns;
    dropped.set(why, (dropped.get(why) ?? 0) + 1);
    return false;
  });
}

/** The rows of one chain: in order, or as a set whose last rule stays last. */
export function alignChain(chain: string, reference: string[], memory: string[]): AlignedRow[] {
  if (!UNORDERED_CHAINS.has(chain)) return alignOrdered(reference, memory);
  const last = (rules: string[]) => (rules.length ? [rules[rules.length - 1]] : []);
  return [...alignUnordered(reference.slice(0, -1), memory.slice(0, -1)), ...alignOrdered(last(reference), last(memory))];
}

function chainOrder(a: string, b: string): number {
  const ia = BUILT_IN.indexOf(a);
  const ib = BUILT_IN.indexOf(b);
  if (ia >= 0 || ib >= 0) return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
  return a.localeCompare(b);
}

function droppedNote(side: string, dropped: Map<string, number>): string[] {
  if (dropped.size === 0) return [];
  const parts = [...dropped].sort().map(([what, n]) => `${what} (${n})`);
  return [`left out on ${side}: lines of ${parts.join(', ')}`];
}

export function compareNatTables(reference: NatSide, memory: NatSide, namespace: string, known: readonly KnownDifference[]): CheckResult {
  const ref = mapTable(reference);
  const mem = mapTable(memory);
  const refServices = serviceKeys(reference.objects);
  const shared = new Set([...serviceKeys(memory.objects)].filter((k) => refServices.has(k)));
  const droppedRef = new Map<string, number>();
  const droppedMem = new Map<string, number>();

  const blocks: ComparedBlock[] = [];
  const refOwners = chainOwners(ref.rules);
  const memOwners = chainOwners(mem.rules);
  blocks.push(
    compareBlock('iptables', 'chains', alignUnordered(scope(ref.chains, namespace, shared, droppedRef, refOwners), scope(mem.chains, namespace, shared, droppedMem, memOwners)), known),
  );
  const chains = [...new Set([...ref.rules, ...mem.rules].map((r) => r.chain))].sort(chainOrder);
  for (const chain of chains) {
    const of = (t: MappedTable, dropped: Map<string, number>) =>
      scope(t.rules.filter((r) => r.chain === chain).map((r) => r.text), namespace, shared, dropped, t === ref ? refOwners : memOwners);
    const r = of(ref, droppedRef);
    const m = of(mem, droppedMem);
    if (r.length === 0 && m.length === 0) continue;
    blocks.push(compareBlock('iptables', chain, alignChain(chain, r, m), known));
  }
  return {
    check: 'iptables',
    title: 'kube-proxy v1.31.4 `iptables-save -t nat` for kind-worker against the memory backend\'s, chains named after their objects',
    blocks,
    notes: [...droppedNote('the reference', droppedRef), ...droppedNote('memory', droppedMem)],
  };
}

/**
 * Whether a nat table holds the rules of every fixture Service port with its
 * endpoints (kube-proxy has caught up): `ns/name[:port] -> ` jumps per port.
 */
export function programmedFor(natText: string, expected: { servicePortName: string; endpoints: number }[]): boolean {
  return expected.every(({ servicePortName, endpoints }) => {
    // Session affinity gives an endpoint two jumps (recent check, then statistic): count endpoints, not jumps.
    const prefix = `--comment "${servicePortName} -> `;
    const targets = natText.split('\n').flatMap((l) => {
      const at = l.indexOf(prefix);
      return l.startsWith('-A KUBE-SVC-') && at >= 0 ? [l.slice(at + prefix.length).split('"')[0]] : [];
    });
    return new Set(targets).size === endpoints;
  });
}

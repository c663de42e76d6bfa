/**
 * kubectl outputs of the same objects: `get svc,endpoints,endpointslices -o
 * wide`, `get pods -o wide` and `describe svc` of each fixture Service, on both
 * clusters, with addresses and names mapped to their owners and the rest
 * normalised as the conformance parity does (normalise-output.ts).
 */
import { normaliseOutput } from '../normalise-output.ts';
import type { AddressBook } from './address-book.ts';
import type { CommandOutput, NamedCluster } from './cluster-under-check.ts';
import { commandLine } from './cluster-under-check.ts';
import type { CheckResult } from './comparison.ts';
import { compareBlock } from './comparison.ts';
import type { Fixture } from './fixture.ts';
import type { KnownDifference } from './known-differences.ts';
import { alignOrdered } from './line-alignment.ts';
import { mapToObjects } from './map-to-objects.ts';

/** The commands, as kubectl arguments. */
export function kubectlCommands(fixture: Fixture): string[][] {
  const ns = fixture.namespace;
  return [
    ['get', 'svc,endpoints,endpointslices', '-o', 'wide', '-n', ns],
    ['get', 'pods', '-o', 'wide', '-n', ns],
    ...fixture.services.map((s) => ['describe', 'svc', s.name, '-n', ns]),
  ];
}

/**
 * An EndpointSlice lists its endpoints in the order its controller met the
 * pods, which a real cluster does not fix, and `describe svc` prints them in
 * that order (kubectl 1.31 describe.go formatEndpointSlices). Those lists are
 * compared as sets: sorted once mapped. The Endpoints object's list is sorted
 * by its controller and stays as it is. Cells are separated by two or more
 * spaces (kubectl's tabwriter pads with at least three).
 */
export function sortUnorderedAddressLists(line: string): string {
  if (!/^(endpointslice\.discovery\.k8s\.io\/|Endpoints:)/.test(line)) return line;
  return line
    .split(/(\s{2,})/)
    .map((cell) => (cell.includes(',') && cell.includes('<') ? cell.split(',').sort().join(',') : cell))
    .join('');
}

/**
 * `kubectl get` prints rows sorted by name, and names end in generated
 * suffixes that differ between clusters: once names are mapped, the rows of
 * each table (the lines after its header, up to a blank line) are compared as
 * a set, sorted.
 */
export function sortTableRows(lines: string[]): string[] {
  const out: string[] = [];
  let rows: string[] = [];
  const flush = () => {
    out.push(...rows.sort());
    rows = [];
  };
  let header = true;
  for (const line of lines) {
    if (!line.trim()) {
      flush();
      out.push(line);
      header = true;
    } else if (header) {
      out.push(line);
      header = false;
    } else rows.push(line);
  }
  flush();
  return out;
}

/** One command's result as comparable lines: stdout (table rows as sets for `get`), then stderr lines, then a non-zero exit code. */
export function comparableLines(args: readonly string[], output: CommandOutput, book: AddressBook): string[] {
  const text = (s: string) => normaliseOutput(mapToObjects(s, book).split('\n').map(sortUnorderedAddressLists).join('\n'));
  const stdout = output.stdout.trim() ? text(output.stdout).split('\n') : [];
  const lines = args[0] === 'get' ? sortTableRows(stdout) : stdout;
  if (output.stderr.trim()) lines.push(...text(output.stderr).split('\n').map((l) => `stderr: ${l}`));
  if (output.exitCode !== 0) lines.push(`exit ${output.exitCode}`);
  return lines;
}

export async function runKubectlCheck(fixture: Fixture, reference: NamedCluster, memory: NamedCluster, known: readonly KnownDifference[], record: (side: string, name: string, text: string) => void): Promise<CheckResult> {
  const blocks = [];
  for (const args of kubectlCommands(fixture)) {
    const subject = commandLine('kubectl', args);
    const [r, m] = [await reference.cluster.kubectl(args), await memory.cluster.kubectl(args)];
    record('reference', subject, r.stdout + r.stderr);
    record('memory', subject, m.stdout + m.stderr);
    blocks.push(compareBlock('kubectl', subject, alignOrdered(comparableLines(args, r, reference.book), comparableLines(args, m, memory.book)), known));
  }
  return { check: 'kubectl', title: 'kubectl outputs of the fixture, addresses and names mapped to their owners', blocks, notes: [] };
}

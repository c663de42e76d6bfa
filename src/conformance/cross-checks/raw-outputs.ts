/**
 * Every raw output a cross-check run read, as files per cluster
 * (reports/cross-check/reference/, reports/cross-check/memory/): what the
 * report's mapped lines came from, and the source of captured test fixtures.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type RecordOutput = (side: string, name: string, text: string) => void;

/** A recorder writing under `dir` (emptied first), one numbered file per output. */
export function rawOutputRecorder(dir: string): RecordOutput {
  rmSync(dir, { recursive: true, force: true });
  const counters = new Map<string, number>();
  return (side, name, text) => {
    const n = (counters.get(side) ?? 0) + 1;
    counters.set(side, n);
    const slug = name.replace(/[^\w.-]+/g, '_').slice(0, 80);
    mkdirSync(join(dir, side), { recursive: true });
    writeFileSync(join(dir, side, `${String(n).padStart(3, '0')}-${slug}.txt`), `# ${name}\n${text}`);
  };
}

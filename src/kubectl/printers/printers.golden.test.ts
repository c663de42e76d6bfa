import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { DEFAULT_EPOCH_MS } from '../../clock/virtual-clock.ts';
import type { KubeObject } from '../../api/meta.ts';
import { PrintError, printObjects } from './index.ts';
import { GET_CASES, type GetCase } from './testdata/get-cases.ts';
import { listObjects, resourceInfo } from './testdata/fixture-resources.ts';
import { NOW_OFFSET_MS, kindClusterObjects } from './testdata/kind-cluster.ts';

// Goldens: the real kubectl on this machine (v1.32.4) against testdata/stub-apiserver.ts serving the
// kind-cluster fixture, recorded by testdata/capture-goldens.ts (dates shifted to the fixture epoch).
// For human-readable output the stub's tables come from this package's table printers, so these goldens
// check what kubectl does on the client side: decoration, alignment, grouping, sorting and -o formats.
interface Golden {
  id: string;
  args: string[];
  stdout: string;
  stderr: string;
  exitCode: number;
}

const goldens: Golden[] = JSON.parse(readFileSync(new URL('./testdata/kubectl-get.goldens.json', import.meta.url), 'utf8'));
const objects = kindClusterObjects(DEFAULT_EPOCH_MS);
const now = DEFAULT_EPOCH_MS + NOW_OFFSET_MS;
const repositoryRoot = new URL('../../../', import.meta.url);
const readFile = (path: string): string | undefined => {
  try {
    return readFileSync(new URL(path, repositoryRoot), 'utf8');
  } catch {
    return undefined;
  }
};

function itemsOf(c: GetCase): { resource: ReturnType<typeof resourceInfo>; object: KubeObject }[] {
  return c.requests.flatMap((request) => {
    const resource = resourceInfo(request.resource);
    const namespace = request.namespace === 'all' ? undefined : (request.namespace ?? 'default');
    let list = listObjects(objects, resource, namespace);
    if (request.names) list = request.names.map((name) => list.find((o) => o.metadata.name === name)!);
    if (request.labels) list = list.filter((o) => Object.entries(request.labels!).every(([k, v]) => o.metadata.labels?.[k] === v));
    return list.map((object) => ({ resource, object }));
  });
}

function run(c: GetCase): { stdout: string; stderr: string } {
  const single = c.requests.length === 1 && c.requests[0].names?.length === 1;
  try {
    const stdout = printObjects(itemsOf(c), {
      output: c.output ?? '',
      showLabels: c.showLabels ?? false,
      noHeaders: c.noHeaders ?? false,
      allNamespaces: c.allNamespaces ?? false,
      showKind: c.showKind ?? false,
      labelColumns: c.labelColumns ?? [],
      sortBy: c.sortBy,
      now,
      readFile,
      singleItemImplied: single,
    });
    // kubectl get writes this when a human-readable listing printed nothing (get.go)
    const stderr = stdout === '' && (c.output ?? '') === '' ? 'No resources found in default namespace.\n' : '';
    return { stdout, stderr };
  } catch (err) {
    if (err instanceof PrintError) return { stdout: '', stderr: `${err.message}\n` };
    throw err;
  }
}

describe('printObjects matches kubectl get', () => {
  for (const c of GET_CASES) {
    const golden = goldens.find((g) => g.id === c.id);
    it(`kubectl get ${c.args.join(' ')}`, () => {
      expect(golden, `no golden for ${c.id}; run testdata/capture-goldens.ts`).to.not.equal(undefined);
      const result = run(c);
      expect(result.stdout).to.equal(golden!.stdout);
      expect(result.stderr).to.equal(golden!.stderr);
    });
  }
});

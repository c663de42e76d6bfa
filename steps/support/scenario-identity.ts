/**
 * A scenario's stable identity (`features/x.feature:12`, with the example row's
 * line for outlines). Cucumber's own ids are random per run; the memory
 * backend seeds each scenario's cluster from the run seed and this identity, so
 * one scenario replays the same whether it runs alone, in a suite or in parallel.
 */
import type { ITestCaseHookParameter } from '@cucumber/cucumber';

type Pickle = ITestCaseHookParameter['pickle'];
type GherkinDocument = ITestCaseHookParameter['gherkinDocument'];

type Node = { id?: string; location?: { line: number }; [k: string]: unknown };

function findLine(root: unknown, id: string): number | undefined {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      stack.push(...node);
    } else if (node && typeof node === 'object') {
      const n = node as Node;
      if (n.id === id && n.location) return n.location.line;
      for (const value of Object.values(n)) if (value && typeof value === 'object') stack.push(value);
    }
  }
  return undefined;
}

export function scenarioIdentity(pickle: Pickle, gherkinDocument: GherkinDocument): string {
  const lines = pickle.astNodeIds.map((id: string) => findLine(gherkinDocument.feature, id)).filter((l): l is number => l !== undefined);
  return `${pickle.uri}:${lines.join(':')}`;
}

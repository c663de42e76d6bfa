/**
 * A KubectlHost for kubectl's unit tests: the fake API server, a virtual
 * clock that `waitFor` moves one second at a time (running `onTick` so a test
 * can play the controllers' part), scripted exec results, and a scenario
 * directory in a MemoryFileSystem.
 */
import { MemoryFileSystem } from '../../shell/memory-fs.ts';
import type { CommandResult, ProgramContext } from '../../shell/types.ts';
import { PendingEdits } from '../edit-queue.ts';
import type { KubectlHost } from '../host.ts';
import { createKubectl } from '../kubectl.ts';
import { FakeApiServer } from './fake-api-server.ts';

export interface FakeHost extends KubectlHost {
  api: FakeApiServer;
  pendingEdits: PendingEdits;
  fs: MemoryFileSystem;
  /** Called after each virtual second of waitFor. */
  onTick: (nowMs: number) => void;
  /** What exec returns, by `pod/container`; a missing entry answers with empty output. */
  execResults: Map<string, CommandResult>;
  execCalls: { ns: string; pod: string; container: string | undefined; argv: string[] }[];
  /** Runs one kubectl command line (argv already split) in /work. */
  kubectl(args: string[], stdin?: string): Promise<CommandResult>;
}

export const TEST_EPOCH = Date.UTC(2026, 0, 1);

export function createFakeHost(files: Record<string, string> = {}): FakeHost {
  let now = TEST_EPOCH;
  const fs = new MemoryFileSystem(Object.fromEntries(Object.entries(files).map(([p, c]) => [p.startsWith('/') ? p : `/work/${p}`, c])));
  fs.mkdir('/work', { recursive: true });
  const host: FakeHost = {
    api: new FakeApiServer(() => now),
    now: () => now,
    settle: () => undefined,
    async waitFor(check, timeoutSeconds) {
      for (let waited = 0; waited < timeoutSeconds; waited++) {
        if (check()) return true;
        now += 1000;
        host.onTick(now);
      }
      return check();
    },
    async exec(ns, pod, container, argv) {
      host.execCalls.push({ ns, pod, container, argv });
      return host.execResults.get(`${pod}/${container}`) ?? { stdout: '', stderr: '', exitCode: 0 };
    },
    serverVersion: {
      major: '1',
      minor: '31',
      gitVersion: 'v1.31.0',
      gitCommit: '9edcffcde5595e8a5b1a35f88c421764e575afce',
      buildDate: '2024-08-13T07:28:49Z',
      goVersion: 'go1.22.5',
      platform: 'linux/amd64',
    },
    controlPlaneURL: 'https://127.0.0.1:38291',
    currentContext: 'kind-kind',
    namespace: 'default',
    pendingEdits: new PendingEdits(),
    fs,
    onTick: () => undefined,
    execResults: new Map(),
    execCalls: [],
    async kubectl(args, stdin = '') {
      const ctx: ProgramContext = {
        argv: ['kubectl', ...args],
        stdin,
        env: new Map([['HOME', '/root']]),
        cwd: '/work',
        fs,
        run: async () => ({ stdout: '', stderr: '', exitCode: 0 }),
        sleep: async () => undefined,
      };
      return createKubectl(host)(ctx);
    },
  };
  return host;
}

/**
 * Test tooling, run by hand: `node --import tsx src/kubectl/printers/testdata/capture-goldens.ts`.
 *
 * Serves the kind-cluster fixture to the real kubectl on this machine (v1.32.4 client) through
 * stub-apiserver.ts and records what it prints for every case of get-cases.ts and
 * ../../describe/testdata/describe-cases.ts. The fixture is built at "now minus NOW_OFFSET_MS" so
 * ages match; absolute dates in the output are then shifted to the fixed fixture epoch
 * (2026-01-01T00:00:00Z) used by the tests. Nothing else is changed.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { DEFAULT_EPOCH_MS } from '../../../clock/virtual-clock.ts';
import { DESCRIBE_CASES } from '../../describe/testdata/describe-cases.ts';
import { GET_CASES } from './get-cases.ts';
import { NOW_OFFSET_MS, kindClusterObjects } from './kind-cluster.ts';
import { resourceInfo } from './fixture-resources.ts';
import { startStubApiServer } from './stub-apiserver.ts';

interface Golden {
  id: string;
  args: string[];
  stdout: string;
  stderr: string;
  exitCode: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const pad = (n: number): string => String(n).padStart(2, '0');

function shiftDates(text: string, shiftMs: number): string {
  const rfc3339 = /(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?Z/g;
  const rfc1123z = /(?:Sun|Mon|Tue|Wed|Thu|Fri|Sat), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) \+0000/g;
  return text
    .replace(rfc3339, (_m, y, mo, d, h, mi, s, frac: string | undefined) => {
      const t = new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi, +s) + shiftMs);
      return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}${frac ?? ''}Z`;
    })
    .replace(rfc1123z, (_m, d, mon, y, h, mi, s) => {
      const t = new Date(Date.UTC(+y, MONTHS.indexOf(mon), +d, +h, +mi, +s) + shiftMs);
      return `${DAYS[t.getUTCDay()]}, ${pad(t.getUTCDate())} ${MONTHS[t.getUTCMonth()]} ${t.getUTCFullYear()} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())} +0000`;
    });
}

function kubectl(server: string, args: string[]): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  return new Promise((resolve) => {
    execFile('kubectl', ['--server', server, ...args], { env: { ...process.env, KUBECONFIG: '/dev/null', TZ: 'UTC' } }, (error, stdout, stderr) => {
      resolve({ stdout, stderr, exitCode: error ? ((error as { code?: number }).code ?? 1) : 0 });
    });
  });
}

/** Waits for the start of the next wall-clock second, so a capture started now ends within the same second. */
function nextSecond(): Promise<number> {
  const now = Date.now();
  const next = Math.ceil((now + 1) / 1000) * 1000;
  return new Promise((resolve) => setTimeout(() => resolve(next), next - now));
}

/**
 * Runs one kubectl command against a fixture built for "now": the table ages of `get` come from
 * the stub, but describe computes ages on the client with its own clock, so each describe gets a
 * fresh fixture started on a second boundary and the ages cannot drift while the cases run.
 */
async function recordFresh(id: string, args: string[]): Promise<Golden> {
  const captureNow = await nextSecond();
  const epoch = captureNow - NOW_OFFSET_MS;
  const stub = await startStubApiServer(kindClusterObjects(epoch), captureNow);
  try {
    const r = await kubectl(stub.url, args);
    const shift = DEFAULT_EPOCH_MS - epoch;
    return { id, args, stdout: shiftDates(r.stdout, shift), stderr: shiftDates(r.stderr, shift), exitCode: r.exitCode };
  } finally {
    await stub.close();
  }
}

async function main(): Promise<void> {
  const gets: Golden[] = [];
  for (const c of GET_CASES) gets.push(await recordFresh(c.id, ['get', ...c.args]));
  writeFileSync(new URL('./kubectl-get.goldens.json', import.meta.url), JSON.stringify(gets, null, 2) + '\n');
  const describes: Golden[] = [];
  for (const c of DESCRIBE_CASES) {
    const info = resourceInfo(c.resource);
    const resource = info.group ? `${info.resource}.${info.group}` : info.resource;
    const namespace = info.namespaced ? ['-n', c.namespace ?? 'default'] : [];
    describes.push(await recordFresh(c.id, ['describe', resource, c.name, ...namespace, ...(c.hideEvents ? ['--show-events=false'] : [])]));
  }
  writeFileSync(new URL('../../describe/testdata/kubectl-describe.goldens.json', import.meta.url), JSON.stringify(describes, null, 2) + '\n');
}

await main();

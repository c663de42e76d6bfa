/**
 * The whole cross-check against the reference cluster (scripts/reference-cluster):
 * skipped, with the reason printed, when it is not up or another run holds the
 * lock. It asserts what the mapping must achieve on real outputs: every check
 * compares lines, and no address, generated name or chain hash of either
 * cluster is left unnamed. The differences themselves are the report's
 * business (`npm run cross-check`); they are printed here as diagnostics.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { layout } from '../../../reference-cluster/layout.ts';
import { countCheck } from './comparison.ts';
import { RUN_LOCK_PATH } from './run-lock.ts';
import { loadFixture } from './fixture.ts';
import { KNOWN_DIFFERENCES_FILE, loadKnownDifferences } from './known-differences.ts';
import { rawOutputRecorder } from './raw-outputs.ts';
import { kubeProxyUnavailable, referenceClusterDown } from './reference-availability.ts';
import { CHECK_GROUPS, runCrossChecks } from './run-cross-checks.ts';
import { takeRunLock } from './run-lock.ts';

const l = layout();
const down = referenceClusterDown(l);
if (down) console.log(`cross-checks integration test skipped: the reference cluster is not up: ${down}`);

/** An address of the clusters' Service or pod ranges, not a network (10.244.0.0/16 stays as kube-proxy writes it). */
const RAW_ADDRESS = /\b10\.(?:96|244)\.\d{1,3}\.\d{1,3}\b(?!\/(?:1[0-9]|2[0-9]))/;
const RAW_CHAIN = /KUBE-(?:SVC|SVL|EXT|FW|SEP)-[A-Z2-7]{16}\b/;

describe('cross-checks against the reference cluster', () => {
  it('names every address, pod and chain of both clusters after its object', { skip: down ? `the reference cluster is not up: ${down}` : false }, async (t) => {
    const lock = takeRunLock(RUN_LOCK_PATH);
    if ('heldBy' in lock) {
      const reason = `another cross-check run (pid ${lock.heldBy}) holds ${RUN_LOCK_PATH}`;
      console.log(`cross-checks integration test skipped: ${reason}`);
      t.skip(reason);
      return;
    }
    try {
      const results = await runCrossChecks({
        layout: l,
        kubeconfig: l.kubeconfig,
        fixture: loadFixture(),
        known: loadKnownDifferences(KNOWN_DIFFERENCES_FILE),
        checks: new Set(CHECK_GROUPS),
        seed: 'cross-check',
        keepNamespace: false,
        record: rawOutputRecorder(mkdtempSync(join(tmpdir(), 'cross-check-raw-'))),
        log: (line) => t.diagnostic(line),
      });
      const noProxy = kubeProxyUnavailable(l);
      expect(results.map((r) => r.check)).to.deep.equal(['kubectl', 'dns', 'dig-noall', 'iptables']);
      for (const r of results) {
        if (r.check === 'iptables' && noProxy) {
          t.diagnostic(`iptables check not asserted: ${noProxy}`);
          expect(r.notRun).to.equal(noProxy);
          continue;
        }
        expect(r.notRun, `${r.check} did not run`).to.equal(undefined);
        const c = countCheck(r);
        t.diagnostic(`${r.check}: ${c.compared} lines, ${c.identical} identical, ${c.differing} differing, ${c.explained} known`);
        expect(c.compared, r.check).to.be.greaterThan(0);
        expect(c.identical, r.check).to.be.greaterThan(0);
        for (const b of r.blocks) {
          for (const row of b.rows) {
            for (const line of [row.reference, row.memory]) {
              if (line === undefined) continue;
              expect(line, `${r.check} ${b.subject}`).not.to.match(RAW_ADDRESS);
              expect(line, `${r.check} ${b.subject}`).not.to.match(RAW_CHAIN);
              expect(line, `${r.check} ${b.subject}`).not.to.match(/\bweb-[a-z0-9]{10}-[a-z0-9]{5}\b/);
            }
          }
        }
      }
    } finally {
      lock.release();
    }
  });
});

/**
 * The HTML report in a real browser: Debian's Chromium driven by playwright-core
 * (no browser download). Runs a feature that makes a request, then checks that
 * the report shows the scenario, the trace text and the SVG picture of its path.
 */
import { describe, it } from 'node:test';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'chai';
import { chromium } from 'playwright-core';
import { runFixture } from './run-fixture.ts';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

describe('the HTML report in Chromium', { skip: CHROMIUM ? false : 'no Chromium on this machine (apt-get install chromium); .ci/run installs it' }, () => {
  it('shows scenarios, a request trace and its SVG picture', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ks-report-'));
    const html = join(dir, 'cucumber.html');
    const run = await runFixture(['test/fixtures/traced-request.feature'], 'progress', [`html:${html}`]);
    expect(run.success, run.output).to.equal(true);

    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(html).href);
      // Passed features and attachments start folded: open them as a reader would.
      await page.getByText('test/fixtures/traced-request.feature').click();
      await page.getByText('curl from a pod to a service').first().waitFor({ timeout: 20_000 });
      await page.getByText('path: curl -s http://web').click();
      await page.getByText('trace: curl -s http://web').click();
      await page.getByText(/\[client\]/).first().waitFor({ timeout: 10_000 });
      const body = await page.locator('body').innerText();
      expect(body).to.contain('A request whose path the report draws');
      const images = page.locator('img[src^="data:image/svg+xml"]');
      await images.first().waitFor({ state: 'attached', timeout: 20_000 });
      const loaded = await images.first().evaluate((img) => (img as unknown as { complete: boolean; naturalWidth: number }).complete && (img as unknown as { naturalWidth: number }).naturalWidth > 0);
      expect(loaded, 'the SVG picture of the path loads as an image').to.equal(true);
      expect(body, 'the text trace is shown').to.match(/\[(dnat|service|iptables)\]/);
      // The Before hook's log holds the seed; opening the hooks folds the attachments again.
      await page.getByText(/^\d+ hooks$/).first().click();
      await page.getByText(/replay with KUBE_SCENARIOS_SEED=/).first().waitFor({ timeout: 10_000 });
      await page.screenshot({ path: join(dir, 'report.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  });
});

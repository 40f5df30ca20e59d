// The /coverage page in real Chromium: figures on the page equal the CLI's; partnership view anonymised; screenshot saved.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createLogger } from '../../bot/logger';
import { loadConfig } from '../../bot/config';
import { composeSeen, type Seen } from '../../bot/compose';
import type { TeamCoverage } from '../../records/coverage';
import type { PublishedPartnership, PublishedShare } from '../../records/coverage-publish';
import { trendMeasures } from '../../views/exporters/coverage-csv';
import { launchChromium, openWatchedPage, type Browser } from '../helpers/chromium';
import { IDENTIFYING_WORDS, seen as cli } from '../coverage/helpers';
import { testDbEnv, dbArgs } from '../helpers/database';

const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts');

describe('coverage page (Chromium)', function () {
  this.timeout(90_000);
  let dir: string;
  let db: string;
  let app: Seen;
  let base: string;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'seen-coverage-web-'));
    db = join(dir, 'seen.db');
    app = await composeSeen(loadConfig({ PORT: '0', ...testDbEnv(db), SEEN_LOG_LEVEL: 'silent' }), createLogger('silent'), { now: () => new Date('2026-11-26T10:00:00Z') });
    base = (await app.listen()).url;
    browser = await launchChromium();
    page = await openWatchedPage(browser, consoleErrors);
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // Reads the figures table: measure → [count, total] in cases, and in men.
  const figures = (p: Page) => p.$$eval('#team-figures tbody tr', (rows) => Object.fromEntries(rows.map((r) => [(r as HTMLElement).dataset.measure, [r.querySelector('.count.cases')?.textContent, r.querySelector('.total.cases')?.textContent].map(Number)])));
  const menFigures = (p: Page) => p.$$eval('#team-figures tbody tr', (rows) => Object.fromEntries(rows.map((r) => [(r as HTMLElement).dataset.measure, [r.querySelector('.count.men')!.textContent, r.querySelector('.total.men')!.textContent].map(Number)])));
  // Reads a trend table: measure → month → the cell's count ('' where suppressed).
  const trendTable = (p: Page, id: string) => p.$$eval(`#${id} tbody tr`, (rows) => Object.fromEntries(rows.map((r) => [(r as HTMLElement).dataset.measure, Object.fromEntries([...r.querySelectorAll('td[data-month]')].map((td) => [(td as HTMLElement).dataset.month, (td as HTMLElement).dataset.count ?? td.textContent]))])));
  const published = (s: PublishedShare) => (s.count === null ? 'fewer than 5' : s.percent === null ? String(s.count) : `${s.count} (${s.percent}%)`);
  const ready = (p: Page) => p.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });

  it('sam (supervisor) sees the team figures the CLI prints, the lists, the charts, and a CSV link', async () => {
    const res = await page.goto(`${base}/coverage?user=sam`);
    assert.equal(res?.status(), 200);
    await ready(page);
    const expected = JSON.parse((await cli(['coverage', ...dbArgs(db), '--today', '2026-11-26', '--team', 'North', '--format', 'json'])).out) as TeamCoverage;
    const onPage = await figures(page);
    assert.deepEqual(onPage.father_seen, [expected.fatherSeen.count, expected.fatherSeen.total]);
    for (const [d, f] of Object.entries(expected.domains)) assert.deepEqual(onPage[`own_account_${d}`], [f.count, f.total], d);
    assert.deepEqual(onPage.crying_discussed, [expected.crying.count, expected.crying.total]);
    assert.deepEqual(onPage.info_sought, [expected.infoSought.count, expected.infoSought.total]);
    const men = await menFigures(page);
    assert.deepEqual(men.father_seen, [expected.byMan.fatherSeen.count, expected.byMan.fatherSeen.total]);
    assert.deepEqual(men.detailed_picture, [expected.byMan.detailed.count, expected.byMan.detailed.total]);
    for (const [d, f] of Object.entries(expected.byMan.domains)) assert.deepEqual(men[`own_account_${d}`], [f.count, f.total], d);
    // The trend (issue 17.7): every measure, every month, as the CLI prints it.
    assert.equal(expected.trend.length, 12);
    const trend = await trendTable(page, 'team-trend');
    for (const point of expected.trend) {
      for (const [measure, f] of trendMeasures(point)) assert.equal(trend[measure]?.[point.month], String(f.count), `${measure} ${point.month}`);
    }
    assert.ok(await page.evaluate(() => (window as unknown as { Chart: { getChart(id: string): unknown } }).Chart.getChart('team-trend-chart') !== undefined), 'Chart.js drew the trend');
    for (const [list, l] of Object.entries(expected.lists)) {
      assert.equal(await page.getAttribute(`table[data-list="${list}"]`, 'data-total'), String(l.total), list);
      assert.equal(await page.locator(`table[data-list="${list}"] tr`).count(), Math.max(l.items.length, 1), list);
    }
    assert.ok(await page.evaluate(() => (window as unknown as { Chart: { getChart(id: string): unknown } }).Chart.getChart('team-chart') !== undefined), 'Chart.js drew the team chart');
    assert.match((await page.getAttribute('#csv', 'href')) ?? '', /^\/api\/coverage\/team\.csv\?user=sam&period=all&trend=12$/);
    assert.equal(await page.locator('#partnership').isVisible(), true, 'a supervisor also sees the anonymised partnership figures');

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'coverage-page.png'), fullPage: true });
  });

  it('a count opens the men and cases behind it, and a case opens his topics and latest summary read-only (issue 17.5)', async () => {
    await page.goto(`${base}/coverage?user=sam`);
    await ready(page);
    const expected = JSON.parse((await cli(['coverage', ...dbArgs(db), '--today', '2026-11-26', '--team', 'North', '--format', 'json'])).out) as TeamCoverage;
    await page.locator('#team-figures tr[data-measure="father_seen"] a.drill[data-unit="cases"]').click();
    await page.waitForSelector('dialog#drill[open] #members');
    assert.equal(await page.getAttribute('#members', 'data-total'), String(expected.byMan.fatherSeen.count), 'men on the cases counted');
    assert.deepEqual([...new Set(await page.locator('#members tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.caseRef)))].length, expected.fatherSeen.count);
    await page.locator('#members a.case', { hasText: 'DEMO-3' }).click();
    await page.waitForSelector('dialog#drill[open] table.topics');
    assert.equal(await page.locator('table.topics tr[data-domain="life_history"] .whose').textContent(), 'his own account');
    assert.match((await page.locator('table.topics tr[data-domain="life_history"] .last-explored').textContent()) ?? '', /^\d{4}-\d{2}-\d{2}$/);
    assert.ok((await page.locator('#drill .summary-section').count()) >= 1, 'the latest summary, read-only');
    assert.equal(await page.locator('#drill textarea, #drill input:not([type=submit])').count(), 0, 'nothing to edit');
    await page.locator('#drill-close').click();
  });

  it('filtering by practitioner and period changes the figures to the CLI\'s for the same filter', async () => {
    await page.selectOption('#practitioner', 'lee');
    await ready(page);
    await page.selectOption('#period', '30');
    await ready(page);
    const expected = JSON.parse((await cli(['coverage', ...dbArgs(db), '--today', '2026-11-26', '--team', 'North', '--practitioner', 'lee', '--period', '30', '--format', 'json'])).out) as TeamCoverage;
    assert.equal(expected.openCases, 2);
    assert.deepEqual((await figures(page)).father_seen, [expected.fatherSeen.count, expected.fatherSeen.total]);
  });

  it('"mark discussed" on the page takes Jordan off the factors list', async () => {
    await page.goto(`${base}/coverage?user=sam`);
    await ready(page);
    assert.equal(await page.getAttribute('table[data-list="factorsNotDiscussed"]', 'data-total'), '1');
    await page.locator('table[data-list="factorsNotDiscussed"] button').click();
    await page.waitForSelector('table[data-list="factorsNotDiscussed"][data-total="0"]', { timeout: 15_000 });
  });

  it('pat (partnership lead) sees only anonymised figures, equal to the CLI\'s; alex (practitioner) is refused', async () => {
    await page.goto(`${base}/coverage?user=pat`);
    await ready(page);
    assert.equal(await page.locator('#team').isVisible(), false);
    const expected = JSON.parse((await cli(['coverage', ...dbArgs(db), '--today', '2026-11-26', '--partnership', '--format', 'json'])).out) as PublishedPartnership;
    for (const t of [...expected.teams, expected.all]) {
      const row = `#partnership-figures tr[data-team="${t.team}"]`;
      assert.equal(await page.locator(`${row} .seen`).textContent(), published(t.menSeen), t.team);
      assert.equal(await page.locator(`${row} .detailed`).textContent(), published(t.menDetailed), t.team);
      assert.equal(await page.locator(`${row} .cases-seen`).textContent(), published(t.casesSeen), t.team);
      assert.equal(await page.locator(`${row} .men`).textContent(), t.men === null ? 'fewer than 5' : String(t.men), t.team);
    }
    // South has 2 men: nothing about it reaches the page but the suppression wording (issue 17.3).
    assert.equal(await page.locator('#partnership-figures tr[data-team="South"]').innerText(), 'South\tfewer than 5\tfewer than 5\tfewer than 5\tfewer than 5\tfewer than 5');
    const ptrend = await trendTable(page, 'partnership-trend');
    for (const point of expected.trend) {
      for (const [measure, f] of trendMeasures(point)) assert.equal(ptrend[measure]?.[point.month], f.count === null ? '' : String(f.count), `${measure} ${point.month}`);
    }
    // The demo-user picker lists users by design; the figures themselves must name nobody.
    const text = await page.locator('#partnership').innerText();
    assert.deepEqual(IDENTIFYING_WORDS.filter((w) => w.length > 3 && text.includes(w)), [], 'no name or case ref in the partnership figures');
    await page.screenshot({ path: join(ARTIFACTS, 'coverage-partnership.png'), fullPage: true });

    await page.goto(`${base}/coverage?user=alex`);
    await page.waitForSelector('#status.error', { timeout: 15_000 });
    assert.equal(await page.locator('#team').isVisible(), false);
    assert.equal(await page.locator('#partnership').isVisible(), false);
    assert.deepEqual(consoleErrors, []);
  });

  it('prints on A4 with the charts kept and the controls and buttons hidden (issue 17.8)', async () => {
    await page.goto(`${base}/coverage?user=sam`);
    await ready(page);
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.controls', '#print', '#csv', '#partnership-csv', 'table[data-list="factorsNotDiscussed"] button']) {
      for (const el of await page.locator(hidden).all()) assert.equal(await el.isVisible(), false, `${hidden} hidden in print`);
    }
    for (const chart of ['#team-chart', '#team-trend-chart', '#partnership-chart']) assert.equal(await page.locator(chart).isVisible(), true, `${chart} kept in print`);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    assert.ok(pdf.subarray(0, 5).toString() === '%PDF-' && pdf.length > 10_000, 'a PDF on A4');
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'coverage-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    assert.equal(await page.locator('#print').isVisible(), true, 'the print button is back on screen');
    assert.deepEqual(consoleErrors, []);
  });
});

// Browser tests of the web app against a running `corroborate serve`.
//
// Usage: node run.mjs BASE_URL SCREENSHOT_DIR
//
// Drives Debian's Chromium (/usr/bin/chromium, or $CHROMIUM) through
// playwright-core; no browser is downloaded. Exits nonzero with a message
// for every failed check.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { chromium } from 'playwright-core';

const [baseArg, screenshotDir] = process.argv.slice(2);
if (!baseArg || !screenshotDir) {
  console.error('usage: node run.mjs BASE_URL SCREENSHOT_DIR');
  process.exit(2);
}
const base = baseArg.replace(/\/+$/, '');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const TIMEOUT = 15000;
// Prefix of every line, so that runs in parallel can be told apart.
const label = `[${basename(screenshotDir)}]`;
const failures = [];

// ---------------------------------------------------------------- helpers

async function getJson(path, options) {
  const response = await fetch(base + path, options);
  if (!response.ok) throw new Error(`${options?.method || 'GET'} ${path}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

/** The text between two byte offsets of a report's cleaned text, as the API defines them. */
async function textAt(reportId, start, end) {
  const report = await getJson(`/api/reports/${encodeURIComponent(reportId)}`);
  return Buffer.from(report.text, 'utf8').subarray(start, end).toString('utf8');
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

async function step(name, body) {
  const started = Date.now();
  try {
    await body();
    console.log(`${label} ok   ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    failures.push(`${name}: ${error.message}`);
    console.log(`${label} FAIL ${name}: ${error.message}`);
  }
}

async function waitFor(predicate, message, timeout = TIMEOUT) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    try {
      last = await predicate();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${message} (gave up after ${timeout} ms${last instanceof Error ? `: ${last.message}` : ''})`);
}

const rowIds = (page) => page.$$eval('#timeline-rows > li.row', (rows) => rows.map((r) => r.dataset.event));

async function shoot(page, name) {
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: false });
}

async function openView(page, hash, readySelector) {
  await page.goto(`${base}/#${hash}`);
  await page.waitForSelector(readySelector, { timeout: TIMEOUT });
}

// ---------------------------------------------------------------- the checks

async function timelineChecks(page) {
  const all = (await getJson('/api/events')).events;
  await step('timeline shows one row per event', async () => {
    check(all.length > 0, 'the API has no events; the workspace is empty');
    await openView(page, 'timeline', '#timeline-rows > li.row');
    const ids = await rowIds(page);
    check(ids.length === Math.min(all.length, 200), `expected ${Math.min(all.length, 200)} rows, found ${ids.length}`);
    await shoot(page, 'timeline');
  });

  await step('a general action row names its action', async () => {
    const action = all.find((event) => event.action);
    check(action, 'no event with an action in the workspace (the examples tell one)');
    await openView(page, 'timeline', '#timeline-rows > li.row');
    const label = await page.locator(`#timeline-rows > li.row[data-event="${action.id}"] .row-type`).textContent();
    const expected = `${action.type.replace(/_/g, ' ')}: ${action.action}`;
    check(label === expected, `row type reads ${JSON.stringify(label)}, expected ${JSON.stringify(expected)}`);
  });

  await step('timeline filter by entity changes the rows', async () => {
    const counts = new Map();
    for (const event of all) for (const id of new Set(event.entities)) counts.set(id, (counts.get(id) || 0) + 1);
    const [entityId] = [...counts.entries()].filter(([, n]) => n < all.length).sort((a, b) => b[1] - a[1])[0] || [];
    check(entityId, 'no entity is in some but not all events');
    const entity = (await getJson('/api/entities')).entities.find((e) => e.id === entityId);
    const expected = (await getJson(`/api/events?entity=${encodeURIComponent(entity.name)}`)).events.map((e) => e.id).sort();
    const before = await rowIds(page);
    await page.fill('#timeline-filters input[name=entity]', entity.name);
    await page.click('#timeline-filters button[type=submit]');
    await waitFor(async () => (await rowIds(page)).length === Math.min(expected.length, 200), `rows for entity "${entity.name}" never matched the API's ${expected.length}`);
    const after = (await rowIds(page)).sort();
    check(after.length < before.length, `filtering by "${entity.name}" did not reduce ${before.length} rows`);
    check(after.every((id) => expected.includes(id)), 'a row not returned by /api/events?entity= is shown');
    check(page.url().includes('entity='), `the URL does not carry the filter: ${page.url()}`);
    await shoot(page, 'timeline-filtered');
  });

  await step('timeline filter by date range changes the rows', async () => {
    const days = all.filter((e) => e.date).map((e) => e.date.start).sort();
    check(days.length > 1, 'fewer than two dated events');
    const from = days[Math.floor(days.length / 2)];
    const to = days[days.length - 1];
    const expected = (await getJson(`/api/events?from=${from}&to=${to}`)).events.length;
    await page.goto(`${base}/#timeline?from=${from}&to=${to}`);
    await waitFor(async () => (await rowIds(page)).length === Math.min(expected, 200), `rows from ${from} to ${to} never matched the API's ${expected}`);
    check(expected < all.length, `the range ${from}..${to} keeps every event`);
    const zoomedOut = await rowIds(page);
    await page.click('#zoom-out');
    await waitFor(async () => (await rowIds(page)).length >= zoomedOut.length && page.url() !== `${base}/#timeline?from=${from}&to=${to}`, 'zooming out did not change the range');
  });
}

async function brushChecks(page) {
  await step('dragging across the date axis zooms to the dragged range', async () => {
    await openView(page, 'timeline', '#timeline-axis svg');
    const box = await page.locator('#timeline-axis svg').boundingBox();
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.5, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.7, y, { steps: 5 });
    await page.mouse.move(box.x + box.width * 0.95, y, { steps: 5 });
    await page.mouse.up();
    await waitFor(() => /from=\d{4}-\d{2}-\d{2}&?.*to=\d{4}-\d{2}-\d{2}/.test(page.url()), `the URL has no dragged range: ${page.url()}`);
    const params = new URL(page.url().replace('#timeline?', '?')).searchParams;
    const expected = (await getJson(`/api/events?from=${params.get('from')}&to=${params.get('to')}`)).events.length;
    await waitFor(async () => (await rowIds(page)).length === Math.min(expected, 200), `rows never matched the API's ${expected} for the dragged range`);
  });
}

/** A quote whose report has the most multi-byte characters before it, to test byte offsets. */
async function pickQuote(page) {
  const ids = (await rowIds(page)).slice(0, 60);
  const events = new Map((await getJson('/api/events')).events.map((e) => [e.id, e]));
  const texts = new Map();
  let best = null;
  for (const id of ids) {
    for (const [index, source] of events.get(id).sources.entries()) {
      if (!texts.has(source.report)) texts.set(source.report, Buffer.from((await getJson(`/api/reports/${encodeURIComponent(source.report)}`)).text, 'utf8'));
      const bytes = texts.get(source.report);
      const prefix = bytes.subarray(0, source.start);
      const multibyte = prefix.length - prefix.toString('utf8').length;
      if (!best || multibyte > best.multibyte) best = { event: id, index, source, multibyte };
    }
  }
  return best;
}

async function sourceViewerChecks(page) {
  await step('clicking a quote opens the source viewer at its byte offsets', async () => {
    await openView(page, 'timeline', '#timeline-rows > li.row');
    const pick = await pickQuote(page);
    check(pick, 'no quote to click');
    const row = page.locator(`#timeline-rows > li.row[data-event="${pick.event}"]`);
    await row.locator('.row-head').click();
    await row.locator('.quote').nth(pick.index).click();
    await page.waitForSelector('#viewer:not([hidden]) mark.sentence', { timeout: TIMEOUT });
    const shown = await page.textContent('#viewer mark.sentence');
    const expected = await textAt(pick.source.report, pick.source.start, pick.source.end);
    check(shown === expected, `highlighted ${JSON.stringify(shown)} but bytes ${pick.source.start}..${pick.source.end} of ${pick.source.report} are ${JSON.stringify(expected)}`);
    const visible = await page.$eval('#viewer mark.sentence', (mark) => {
      const box = mark.getBoundingClientRect();
      const pane = document.getElementById('viewer-text').getBoundingClientRect();
      return box.bottom > pane.top && box.top < pane.bottom;
    });
    check(visible, 'the highlighted sentence is not scrolled into view');
    console.log(`${label}      (quote from ${pick.source.report}, ${pick.multibyte} extra UTF-8 bytes before it)`);
    await shoot(page, 'source-viewer');
    await page.click('#viewer-close');
    await page.waitForSelector('#viewer', { state: 'hidden', timeout: TIMEOUT });
  });
}

async function claimsChecks(page) {
  await step('claims ledger shows groups with number lines', async () => {
    const { claims } = await getJson('/api/claims');
    const groups = new Set(claims.map((c) => c.group));
    await openView(page, 'claims', '#claims-groups > .group');
    const shown = await page.$$eval('#claims-groups > .group', (nodes) => nodes.length);
    check(shown === Math.min(groups.size, 40), `expected ${Math.min(groups.size, 40)} groups, found ${shown}`);
    const lines = await page.$$eval('#claims-groups svg.numberline', (nodes) => nodes.length);
    check(lines > 0, 'no claim group has a number line');
    const conflicting = claims.filter((c) => c.status === 'conflicting').length;
    if (conflicting) {
      const marked = await page.$$eval('#claims-groups .claim.conflicting', (nodes) => nodes.length);
      check(marked > 0, `${conflicting} conflicting claims but none highlighted`);
    }
    await shoot(page, 'claims');
  });
}

async function entityChecks(page) {
  await step('entities list and co-occurrence graph', async () => {
    const { entities } = await getJson('/api/entities');
    await openView(page, 'entities', '#entity-list > li.entity');
    const shown = await page.$$eval('#entity-list > li.entity', (nodes) => nodes.length);
    check(shown === Math.min(entities.length, 100), `expected ${Math.min(entities.length, 100)} entities, found ${shown}`);
    await page.waitForSelector('#entity-graph circle.node', { timeout: TIMEOUT });
    await shoot(page, 'entities');
  });

  await step('entity search filter', async () => {
    const { entities } = await getJson('/api/entities');
    const name = entities.sort((a, b) => b.mentions - a.mentions)[0].name;
    const expected = (await getJson(`/api/entities?q=${encodeURIComponent(name)}`)).entities.length;
    await page.fill('#entity-q', name);
    await waitFor(async () => (await page.$$('#entity-list > li.entity')).length === Math.min(expected, 100), `the filter "${name}" never showed the API's ${expected} entities`);
    await page.fill('#entity-q', '');
    await waitFor(async () => (await page.$$('#entity-list > li.entity')).length === Math.min(entities.length, 100), 'clearing the filter did not restore the list');
  });

  await step('merging two entities through the UI', async () => {
    const { entities } = await getJson('/api/entities');
    const shown = await page.$$eval('#entity-list > li.entity', (nodes) => nodes.map((n) => n.dataset.entity));
    const byId = new Map(entities.map((e) => [e.id, e]));
    const candidates = shown.map((id) => byId.get(id)).filter((e) => e && e.kind === 'person');
    const pair = (candidates.length >= 2 ? candidates : shown.map((id) => byId.get(id)).filter(Boolean)).slice(-2);
    check(pair.length === 2, 'fewer than two entities to merge');
    const [a, b] = pair;
    await page.check(`#entity-list input[data-entity="${a.id}"]`);
    await page.check(`#entity-list input[data-entity="${b.id}"]`);
    await page.click('#entity-merge');
    await waitFor(async () => (await page.textContent('#entity-status')).startsWith('Merged'), `the merge of "${a.name}" and "${b.name}" was not confirmed`);
    const merged = await waitFor(async () => {
      const after = (await getJson('/api/entities')).entities;
      const holding = (name) => after.filter((e) => e.aliases.some((x) => x.toLowerCase() === name.toLowerCase()) || e.name.toLowerCase() === name.toLowerCase());
      const withA = holding(a.name);
      const withB = holding(b.name);
      return withA.length === 1 && withB.length === 1 && withA[0].id === withB[0].id ? withA[0] : null;
    }, `/api/entities never showed one entity named both "${a.name}" and "${b.name}"`, 60000);
    console.log(`${label}      (merged "${a.name}" and "${b.name}" into ${merged.id})`);
    await waitFor(
      () => page.$$eval('#entity-list > li.entity', (items, names) => items.some((item) => {
        const shown = [...item.querySelectorAll('.alias')].map((alias) => alias.textContent.toLowerCase());
        return names.every((name) => shown.includes(name.toLowerCase()));
      }), [a.name, b.name]),
      `the entity list never showed one entity named both "${a.name}" and "${b.name}"`,
      60000,
    );
    await shoot(page, 'entities-merged');
  });
}

async function mapChecks(page) {
  await step('map draws the world and the places', async () => {
    const { entities } = await getJson('/api/entities');
    const located = entities.filter((e) => typeof e.lat === 'number' && typeof e.lon === 'number').length;
    await openView(page, 'map', '#map svg path.country');
    const countries = await page.$$eval('#map path.country', (nodes) => nodes.length);
    check(countries > 100, `only ${countries} country outlines`);
    const dots = await page.$$eval('#map circle.dot', (nodes) => nodes.length);
    if (located === 0) console.log(`${label}      (no entity has coordinates: no dots to check)`);
    check(dots === Math.min(located, 2000), `expected ${located} dots, found ${dots}`);
    await shoot(page, 'map');
  });
}

async function searchChecks(page) {
  await step('search answers as you type and opens the sentence', async () => {
    const { events } = await getJson('/api/events');
    const word = events
      .flatMap((e) => e.sources[0].quote.split(/[^\p{L}]+/u))
      .find((w) => w.length >= 6) || 'the';
    const { hits } = await getJson(`/api/search?q=${encodeURIComponent(word)}&limit=20`);
    check(hits.length > 0, `the API finds nothing for "${word}"`);
    await openView(page, 'timeline', '#timeline-rows > li.row');
    await page.click('#search-input');
    await page.keyboard.type(word, { delay: 30 });
    await page.waitForSelector('#search-results:not([hidden]) button.hit', { timeout: TIMEOUT });
    const shown = await page.$$eval('#search-results button.hit', (nodes) => nodes.length);
    check(shown === hits.length, `expected ${hits.length} hits, found ${shown}`);
    const marks = await page.$$eval('#search-results mark', (nodes) => nodes.map((n) => n.textContent.toLowerCase()));
    check(marks.some((m) => m.includes(word.toLowerCase().slice(0, 4))), `no hit highlights "${word}" (marks: ${marks.slice(0, 5).join(', ')})`);
    await shoot(page, 'search');
    await page.click('#search-results button.hit >> nth=0');
    await page.waitForSelector('#viewer:not([hidden]) mark.sentence', { timeout: TIMEOUT });
    const shownSentence = await page.textContent('#viewer mark.sentence');
    const expected = await textAt(hits[0].report_id, hits[0].sentence.start, hits[0].sentence.end);
    check(shownSentence === expected, `search hit opened ${JSON.stringify(shownSentence)}, expected ${JSON.stringify(expected)}`);
    await page.click('#viewer-close');
  });
}

// Regression: a live revision re-routes the open viewer; it used to reset the
// title to the report id and empty the text until the report was fetched again.
async function viewerStaysWhileLiveUpdates(page, id) {
  await page.evaluate(() => {
    window.__viewerStates = [];
    const record = () => window.__viewerStates.push({ title: document.getElementById('viewer-title').textContent, text: document.getElementById('viewer-text').textContent.length });
    window.__viewerObserver = new MutationObserver(record);
    for (const target of ['viewer-title', 'viewer-text']) window.__viewerObserver.observe(document.getElementById(target), { childList: true, characterData: true, subtree: true });
  });
  const liveBefore = await page.textContent('#live');
  const posted = await page.evaluate(async () => {
    const body = `---\ntitle: Live update probe\npublished: 2024-03-04\n---\nA probe report about the weather, run ${Date.now()}.\n`;
    const response = await fetch('/api/reports', { method: 'POST', headers: { 'content-type': 'text/plain' }, body });
    return response.status;
  });
  check(posted === 201 || posted === 200, `POST of the probe report answered ${posted}`);
  await waitFor(async () => (await page.textContent('#live')) !== liveBefore, 'the page was not told of the probe report');
  await page.waitForTimeout(500);
  const states = await page.evaluate(() => {
    window.__viewerObserver.disconnect();
    return window.__viewerStates;
  });
  const broken = states.filter((s) => s.title === id || s.text === 0);
  check(broken.length === 0, `the open viewer passed through ${broken.length} reset state(s) during a live update: ${JSON.stringify(broken.slice(0, 3))}`);
  const text = await page.textContent('#viewer-text');
  check((text.match(/quixotrenquil/g) || []).length === 1, 'the viewer text is not shown exactly once after a live update');
}

async function hostileReportChecks(page, dialogs) {
  let hostileId = null;
  await step('a hostile report is shown only as text, and appears live', async () => {
    await openView(page, 'timeline', '#timeline-rows > li.row');
    await waitFor(() => page.$eval('#live', (live) => live.classList.contains('on')), 'live updates never connected');
    const liveBefore = await page.textContent('#live');
    const title = 'Hostile <img src=x onerror="window.__pwned=1;alert(1)"> <script>window.__pwned=2;alert(2)</script>';
    const text = [
      'Police arrested 40 protesters in Saranth on 3 March 2024 <img src=x onerror="window.__pwned=3;alert(3)">.',
      '<script>window.__pwned=4;alert(4)</script> The quixotrenquil committee said 12 people were killed.',
      `<svg onload="window.__pwned=5"></svg> <b>bold</b> text, run ${Date.now()}.`,
    ].join('\n\n');
    const body = `---\ntitle: '${title.replace(/'/g, "''")}'\noutlet: "<iframe src=x></iframe>"\npublished: 2024-03-03\n---\n${text}\n`;
    const posted = await page.evaluate(async (payload) => {
      const response = await fetch('/api/reports', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: payload });
      return { status: response.status, body: await response.json() };
    }, body);
    check(posted.status === 201 || posted.status === 200, `POST /api/reports answered ${posted.status}: ${JSON.stringify(posted.body)}`);
    await waitFor(async () => /updated/.test(await page.textContent('#live')) && (await page.textContent('#live')) !== liveBefore, 'the page was not told of the new revision');
    const id = posted.body.id;
    await page.goto(`${base}/#timeline?src=${encodeURIComponent(id)}`);
    await page.waitForSelector('#viewer:not([hidden]) #viewer-text', { timeout: TIMEOUT });
    await waitFor(async () => (await page.textContent('#viewer-text')).includes('quixotrenquil'), 'the hostile report text never showed');
    const viewerTitle = await page.textContent('#viewer-title');
    check(viewerTitle.includes('<img src=x') && viewerTitle.includes('<script>'), `the hostile title is not shown as text: ${JSON.stringify(viewerTitle)}`);
    const viewerText = await page.textContent('#viewer-text');
    check(viewerText.includes('<script>') || viewerText.includes('<img'), 'the markup was neither shown as text nor visibly removed');
    await viewerStaysWhileLiveUpdates(page, id);
    await shoot(page, 'hostile-report');
    for (const view of ['timeline', 'claims', 'entities', 'map']) {
      await page.goto(`${base}/#${view}?src=${encodeURIComponent(id)}`);
      await page.waitForSelector('#viewer:not([hidden])', { timeout: TIMEOUT });
      await page.waitForTimeout(300);
      const injected = await page.evaluate(() => ({
        pwned: window.__pwned,
        images: document.querySelectorAll('img').length,
        iframes: document.querySelectorAll('iframe').length,
        scripts: [...document.scripts].map((s) => s.src || 'inline'),
        foreignSvg: document.querySelectorAll('svg[onload], [onerror]').length,
        bold: document.querySelectorAll('main b, #viewer b').length,
      }));
      check(injected.pwned === undefined, `injected script ran in ${view} (window.__pwned = ${injected.pwned})`);
      check(injected.images === 0 && injected.iframes === 0 && injected.foreignSvg === 0 && injected.bold === 0, `${view}: report markup became elements ${JSON.stringify(injected)}`);
      check(injected.scripts.length === 1 && injected.scripts[0].endsWith('/assets/app.js'), `${view}: unexpected scripts ${injected.scripts.join(', ')}`);
    }
    check(dialogs.length === 0, `dialogs opened: ${dialogs.join(', ')}`);
    hostileId = id;
  });

  await step('search shows the hostile report as text', async () => {
    check(hostileId, 'the hostile report was not posted');
    await openView(page, 'timeline', '#timeline-rows > li.row');
    await page.fill('#search-input', 'quixotrenquil');
    await waitFor(async () => (await page.$$('#search-results button.hit')).length > 0, 'search never found the hostile report', 30000);
    const injected = await page.evaluate(() => ({ pwned: window.__pwned, images: document.querySelectorAll('img, iframe, [onerror], [onload]').length }));
    check(injected.pwned === undefined && injected.images === 0, `search results created elements from the report: ${JSON.stringify(injected)}`);
    check(dialogs.length === 0, `dialogs opened: ${dialogs.join(', ')}`);
  });
}

/** Posts two reports of another invented crisis and waits until they are merged into a story of their own. */
async function postSecondStory(page) {
  const ids = [];
  for (const [day, toll] of [['2024-06-02', 14], ['2024-06-03', 19]]) {
    const body = [
      '---', `title: Floods in Orvanesk, report of ${day}`, `published: ${day}`, '---',
      `Floods swept through Orvanesk on ${day}, killing ${toll} people, the Orvanesk Water Board said.`,
      '', `Mayor Tilde Marrowgate said the Kestuvan Red Cross had opened shelters in Orvanesk.`, '',
    ].join('\n');
    const posted = await page.evaluate(async (payload) => {
      const response = await fetch('/api/reports', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: payload });
      return { status: response.status, body: await response.json() };
    }, body);
    check(posted.status === 201 || posted.status === 200, `POST /api/reports answered ${posted.status}: ${JSON.stringify(posted.body)}`);
    ids.push(posted.body.id);
  }
  return waitFor(async () => {
    const { reports } = await getJson('/api/reports');
    const stories = new Set(reports.filter((r) => ids.includes(r.id)).map((r) => r.story));
    const [story] = [...stories];
    const others = reports.filter((r) => !ids.includes(r.id) && r.story === story);
    return stories.size === 1 && story && others.length === 0 ? story : null;
  }, 'the two reports of another crisis never formed a story of their own', 60000);
}

async function storyChecks(page) {
  await step('the timeline and the ledger filter by story', async () => {
    const story = await postSecondStory(page);
    const { stories } = await getJson('/api/stories');
    check(stories.length >= 2 && stories.some((s) => s.id === story), `/api/stories lists ${JSON.stringify(stories.map((s) => s.id))}`);
    const expected = (await getJson(`/api/events?story=${story}`)).events.map((e) => e.id).sort();
    const all = (await getJson('/api/events')).events.length;
    check(expected.length > 0 && expected.length < all, `story ${story} has ${expected.length} of ${all} events`);
    await openView(page, 'timeline', '#timeline-rows > li.row');
    await page.fill('#search-input', '');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#timeline-filters .story-filter:not([hidden])', { timeout: TIMEOUT });
    const options = await page.$$eval('#timeline-filters select[name=story] option', (list) => list.map((o) => o.value));
    check(stories.every((s) => options.includes(s.id)), `the story select offers ${JSON.stringify(options)}`);
    await page.selectOption('#timeline-filters select[name=story]', story);
    await waitFor(async () => JSON.stringify((await rowIds(page)).sort()) === JSON.stringify(expected), `rows of story ${story} never matched the API's ${expected.length}`);
    check(page.url().includes(`story=${story}`), `the URL does not carry the story: ${page.url()}`);
    await shoot(page, 'timeline-story');
    const claims = (await getJson(`/api/claims?story=${story}`)).claims.length;
    await openView(page, `claims?story=${story}`, '#claims-filters .story-filter:not([hidden])');
    await waitFor(async () => (await page.textContent('#claims-summary')).startsWith(`${claims} claims`), `the ledger never showed the story's ${claims} claims`);
    const chosen = await page.$eval('#claims-filters select[name=story]', (select) => select.value);
    check(chosen === story, `the ledger's story select shows ${JSON.stringify(chosen)}`);
  });
}

// ---------------------------------------------------------------- main

async function main() {
  mkdirSync(screenshotDir, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'corroborate-browser-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1280, height: 860 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] || (await context.newPage());
  const dialogs = [];
  const pageErrors = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(base) && !url.startsWith('data:')) pageErrors.push(`request outside the server: ${url}`);
  });
  try {
    await timelineChecks(page);
    await brushChecks(page);
    await sourceViewerChecks(page);
    await claimsChecks(page);
    await mapChecks(page);
    await searchChecks(page);
    await entityChecks(page);
    await hostileReportChecks(page, dialogs);
    await storyChecks(page);
    await step('no script errors, CSP violations or outside requests', async () => {
      check(pageErrors.length === 0, pageErrors.slice(0, 10).join(' | '));
    });
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  if (failures.length) {
    console.error(`\n${label} ${failures.length} browser check(s) failed:\n- ${failures.join('\n- ')}`);
    process.exit(1);
  }
  console.log(`\n${label} all browser checks passed; screenshots in ${screenshotDir}`);
}

main().catch((error) => {
  console.error(`browser tests could not run: ${error.stack || error.message}`);
  process.exit(1);
});

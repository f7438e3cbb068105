// Corroborate web app: timeline, claims ledger, entities, map, source viewer
// and search over the same-origin JSON API (crates/server/openapi.json).
//
// Every string that comes from a report reaches the page through
// textContent, createTextNode or setAttribute, never as HTML. Offsets from
// the API are UTF-8 byte offsets into a report's cleaned text; they are
// turned into text by slicing the encoded bytes, never by indexing the
// JavaScript (UTF-16) string.

const SVG_NS = 'http://www.w3.org/2000/svg';
const PAGE_ROWS = 200;
const PAGE_CLAIM_GROUPS = 40;
const PAGE_ENTITIES = 100;
const GRAPH_NODES = 40;
const MAX_MAP_PLACES = 2000;
const POLL_MS = 5000;
const DAY_MS = 86400000;
const VIEWER_KEYS = ['src', 's', 'e', 'hl'];
const FILTER_KEYS = {
  timeline: ['from', 'to', 'entity', 'place', 'type', 'min_sources', 'story'],
  claims: ['status', 'measure', 'story'],
  entities: ['q'],
  map: [],
};

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const $ = (id) => document.getElementById(id);

// ---------------------------------------------------------------- DOM helpers

/** An event's kind in words; a general action adds its base form ("other: win"). */
function kindLabel(event) {
  const kind = event.type.replace(/_/g, ' ');
  return event.action ? `${kind}: ${event.action}` : kind;
}

/** An element with attributes (set with setAttribute) and text or node children. */
function el(tag, attrs = {}, ...children) {
  return build(document.createElement(tag), attrs, children);
}

function svgEl(tag, attrs = {}, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

function build(node, attrs, children) {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
  return node;
}

function badge(text, kind, title) {
  return el('span', { class: `badge ${kind}`, title }, text);
}

function clear(node) {
  node.replaceChildren();
  return node;
}

// ---------------------------------------------------------------- API

class ApiError extends Error {}

async function api(path, options = {}) {
  const response = await fetch(path, { credentials: 'same-origin', ...options });
  const type = response.headers.get('content-type') || '';
  const body = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    const message = body && body.error ? body.error : `${response.status} ${response.statusText}`;
    throw new ApiError(message);
  }
  if (body && typeof body.revision === 'number') noteRevision(body.revision, false);
  return body;
}

/** GET responses, and what is derived from them, cached until the revision changes. */
const cache = new Map();
function cached(key, load) {
  if (!cache.has(key)) {
    const pending = load().catch((error) => {
      cache.delete(key);
      throw error;
    });
    cache.set(key, pending);
  }
  return cache.get(key);
}

function cachedGet(path) {
  return cached(path, () => api(path));
}

function postJson(path, value) {
  return api(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) });
}

// ---------------------------------------------------------------- text and offsets

/** The text between two UTF-8 byte offsets of `bytes`. */
function bytesToText(bytes, start, end) {
  return decoder.decode(bytes.subarray(start, end));
}

/** Append `bytes[start, end)` to `parent`, wrapping the `marks` ranges (sorted, non-overlapping, byte offsets) in <mark>. */
function appendMarked(parent, bytes, start, end, marks, markClass) {
  let at = start;
  for (const mark of marks) {
    const from = Math.max(mark.start, at);
    const to = Math.min(mark.end, end);
    if (to <= from) continue;
    if (from > at) parent.append(bytesToText(bytes, at, from));
    parent.append(el('mark', { class: markClass }, bytesToText(bytes, from, to)));
    at = to;
  }
  if (at < end) parent.append(bytesToText(bytes, at, end));
}

function sortedSpans(spans) {
  return spans
    .filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.end > s.start)
    .sort((a, b) => a.start - b.start);
}

function formatNumber(value) {
  if (value === null || value === undefined) return '?';
  return value.toLocaleString('en', { maximumFractionDigits: 2 });
}

// ---------------------------------------------------------------- dates

function dayNumber(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function isoDay(day) {
  return new Date(Math.round(day) * DAY_MS).toISOString().slice(0, 10);
}

const validDay = (value) => /^\d{4}-\d{2}-\d{2}$/.test(value || '');

// ---------------------------------------------------------------- routing

/** The URL hash is `#view?filters&viewer`: a shareable state of the page. */
function readHash() {
  const raw = location.hash.replace(/^#\/?/, '');
  const [view, query = ''] = raw.split('?');
  return { view: FILTER_KEYS[view] ? view : 'timeline', params: new URLSearchParams(query) };
}

function writeHash(view, params, replace = false) {
  const query = params.toString();
  const hash = `#${view}${query ? `?${query}` : ''}`;
  if (hash === location.hash) return;
  if (replace) {
    history.replaceState(null, '', hash);
    route();
  } else {
    location.hash = hash;
  }
}

/** Replace the current view's filters, keeping the source viewer's state. */
function setFilters(view, values, replace = false) {
  const { params } = readHash();
  const next = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== '' && value !== null && value !== undefined) next.set(key, value);
  for (const key of VIEWER_KEYS) if (params.has(key)) next.set(key, params.get(key));
  writeHash(view, next, replace);
}

function filterKey(view, params) {
  return view + '?' + FILTER_KEYS[view].map((k) => `${k}=${params.get(k) || ''}`).join('&');
}

const state = { revision: null, renderedKey: null, renderedRevision: null, token: 0, viewerKey: null, viewerRequest: 0, viewerReport: null };

function route(force = false) {
  const { view, params } = readHash();
  for (const name of Object.keys(FILTER_KEYS)) {
    $(`view-${name}`).hidden = name !== view;
  }
  for (const link of document.querySelectorAll('.tabs a')) {
    if (link.dataset.view === view) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const key = filterKey(view, params);
  if (force || key !== state.renderedKey || state.renderedRevision !== state.revision) {
    state.renderedKey = key;
    state.renderedRevision = state.revision;
    const token = ++state.token;
    const renderers = { timeline: renderTimeline, claims: renderClaims, entities: renderEntities, map: renderMap };
    renderers[view](params, () => token === state.token).catch((error) => showError(view, error));
  }
  routeViewer(params, force);
}

function showError(view, error) {
  const target = { timeline: 'timeline-summary', claims: 'claims-summary', entities: 'entity-count', map: 'map-attribution' }[view];
  $(target).textContent = `Could not load: ${error.message}`;
  console.error(error);
}

// ---------------------------------------------------------------- shared lookups

function entityIndex() {
  return cached('entity index', async () => {
    const { entities } = await cachedGet('/api/entities');
    return new Map(entities.map((e) => [e.id, e]));
  });
}

function reportTitles() {
  return cached('report titles', async () => {
    const { reports } = await cachedGet('/api/reports');
    return new Map(reports.map((r) => [r.id, r]));
  });
}

function storyList() {
  return cached('stories', async () => (await cachedGet('/api/stories')).stories);
}

/**
 * Fills a filter form's story select; shown only when the reports follow
 * several stories (or one is asked for), since one story filters nothing.
 */
function fillStorySelect(form, stories, selected) {
  const select = form.elements.story;
  const label = select.closest('label');
  const options = stories.map((story) => {
    const names = story.names.length ? story.names.join(', ') : story.title;
    const count = `${story.reports} report${story.reports === 1 ? '' : 's'}`;
    return el('option', { value: story.id }, `${story.id}: ${names} (${count})`);
  });
  if (selected && !stories.some((story) => story.id === selected)) options.push(el('option', { value: selected }, selected));
  select.replaceChildren(el('option', { value: '' }, 'any'), ...options);
  select.value = selected || '';
  label.hidden = stories.length < 2 && !selected;
}

/** Ids of events in conflict: named by a conflict, or sharing a sentence with a conflicting claim. */
async function conflictIndex() {
  const [{ conflicts }, { claims }] = await Promise.all([
    cachedGet('/api/conflicts'),
    cachedGet('/api/claims?status=conflicting'),
  ]);
  const items = new Set(conflicts.flatMap((c) => c.items));
  const sentences = new Set();
  for (const claim of claims) for (const s of claim.sources) sentences.add(`${s.report}:${s.start}`);
  return { items, sentences };
}

function eventInConflict(event, index) {
  return index.items.has(event.id) || event.sources.some((s) => index.sentences.has(`${s.report}:${s.start}`));
}

// ---------------------------------------------------------------- timeline

const timeline = { expanded: new Set(), types: new Set(), domain: null };

async function renderTimeline(params, current) {
  const form = $('timeline-filters');
  for (const key of FILTER_KEYS.timeline) form.elements[key].value = params.get(key) || '';
  const query = new URLSearchParams();
  for (const key of FILTER_KEYS.timeline) if (params.get(key)) query.set(key, params.get(key));
  $('timeline-summary').textContent = 'Loading…';
  const [data, conflicts, entities, stories] = await Promise.all([
    query.toString() ? api(`/api/events?${query}`) : cachedGet('/api/events'),
    conflictIndex(),
    entityIndex(),
    storyList(),
  ]);
  if (!current()) return;
  fillEntityLists(entities);
  fillStorySelect(form, stories, params.get('story'));
  const events = data.events.slice().sort(compareEvents);
  for (const event of events) timeline.types.add(event.type);
  fillTypeSelect(params.get('type'));

  // Events are sorted by start; the latest end needs a pass (no spread: lists can be long).
  const dated = events.filter((e) => e.date);
  const latestEnd = dated.reduce((latest, e) => (e.date.end > latest ? e.date.end : latest), '');
  const from = validDay(params.get('from')) ? dayNumber(params.get('from')) : dated.length ? dayNumber(dated[0].date.start) : NaN;
  const to = validDay(params.get('to')) ? dayNumber(params.get('to')) : latestEnd ? dayNumber(latestEnd) : NaN;
  timeline.domain = Number.isFinite(from) && Number.isFinite(to) ? [from, Math.max(to, from + 1)] : null;
  drawAxis();

  const conflicted = events.filter((e) => eventInConflict(e, conflicts)).length;
  const pending = events.filter((e) => e.pending).length;
  $('timeline-summary').textContent =
    `${events.length} event${events.length === 1 ? '' : 's'}` +
    (conflicted ? `, ${conflicted} in conflict` : '') +
    (pending ? `, ${pending} pending merge` : '') +
    (timeline.domain ? ` — ${isoDay(timeline.domain[0])} to ${isoDay(timeline.domain[1])}` : '');

  showPaged(clear($('timeline-rows')), $('timeline-more'), events, PAGE_ROWS, (event) => eventRow(event, conflicts, entities), 'left');
}

/**
 * Appends `items` to `host` a page at a time: the first page now, the next
 * each time the "show more" button `more` is pressed.
 */
function showPaged(host, more, items, pageSize, render, leftWord) {
  let shown = 0;
  const showMore = () => {
    const fragment = document.createDocumentFragment();
    for (const item of items.slice(shown, shown + pageSize)) fragment.append(render(item));
    host.append(fragment);
    shown = Math.min(items.length, shown + pageSize);
    more.hidden = shown >= items.length;
    more.textContent = `Show more (${items.length - shown} ${leftWord})`;
  };
  more.onclick = showMore;
  showMore();
}

function compareEvents(a, b) {
  if (!a.date !== !b.date) return a.date ? -1 : 1;
  if (a.date && b.date) {
    if (a.date.start !== b.date.start) return a.date.start < b.date.start ? -1 : 1;
    if (a.date.end !== b.date.end) return a.date.end < b.date.end ? -1 : 1;
  }
  return idOrder.compare(a.id, b.id);
}

const idOrder = new Intl.Collator('en', { numeric: true });

function fillEntityLists(entities) {
  const byMentions = [...entities.values()].sort((a, b) => b.mentions - a.mentions);
  const names = clear($('entity-names'));
  const places = clear($('place-names'));
  for (const entity of byMentions.slice(0, 1000)) {
    (entity.kind === 'place' ? places : names).append(el('option', { value: entity.name }));
  }
}

function fillTypeSelect(selected) {
  const select = $('timeline-filters').elements.type;
  if (selected) timeline.types.add(selected);
  const types = [...timeline.types].sort();
  if (select.options.length - 1 === types.length) {
    select.value = selected || '';
    return;
  }
  select.replaceChildren(el('option', { value: '' }, 'any'), ...types.map((t) => el('option', { value: t }, t.replace(/_/g, ' '))));
  select.value = selected || '';
}

function eventRow(event, conflicts, entities) {
  const inConflict = eventInConflict(event, conflicts);
  const row = el('li', { class: `row${inConflict ? ' conflict' : ''}`, 'data-event': event.id });
  const track = el('span', { class: 'row-track', 'aria-hidden': 'true' });
  if (event.date && timeline.domain) track.append(dateMark(event.date));
  const head = el(
    'button',
    { type: 'button', class: 'row-head', 'aria-expanded': 'false' },
    el('span', { class: 'row-date' }, event.date ? event.date.value : 'undated'),
    track,
    el(
      'span',
      { class: 'row-summary' },
      el('span', { class: 'row-type' }, kindLabel(event)),
      event.summary,
      badge(`${event.independent_sources} source${event.independent_sources === 1 ? '' : 's'}`, 'sources', 'Independent sources (syndicated copies count once)'),
      inConflict ? badge('conflict', 'conflict', 'Sources disagree about this event or its figures') : null,
      event.pending ? badge('pending', 'pending', 'From reports added since the last merge') : null,
      event.date_inferred ? badge('date inferred', 'inferred', 'The date depends on an inferred publication date') : null,
    ),
  );
  row.append(head);
  const toggle = () => {
    const open = head.getAttribute('aria-expanded') !== 'true';
    head.setAttribute('aria-expanded', String(open));
    if (open) {
      timeline.expanded.add(event.id);
      row.append(eventDetails(event, entities));
    } else {
      timeline.expanded.delete(event.id);
      row.querySelector('.quotes')?.remove();
    }
  };
  head.addEventListener('click', toggle);
  if (timeline.expanded.has(event.id)) {
    timeline.expanded.delete(event.id);
    toggle();
  }
  return row;
}

function dateMark(date) {
  const [lo, hi] = timeline.domain;
  const span = hi - lo;
  const start = dayNumber(date.start);
  const end = dayNumber(date.end) + 1;
  const mark = el('span', { class: 'row-mark' });
  const left = Math.max(0, (start - lo) / span);
  const right = Math.min(1, (end - lo) / span);
  if (right <= 0 || left >= 1) mark.classList.add('outside');
  mark.style.left = `${(Math.min(left, 0.995) * 100).toFixed(2)}%`;
  mark.style.width = `${(Math.max(right - left, 0) * 100).toFixed(2)}%`;
  return mark;
}

function eventDetails(event, entities) {
  const list = el('ul', { class: 'quotes' });
  const names = event.entities.map((id) => entities.get(id)).filter(Boolean);
  if (names.length) {
    list.append(
      el(
        'li',
        { class: 'quote-meta' },
        'Entities: ',
        names.map((entity, i) => [
          i ? ', ' : '',
          el('a', { href: filterHref('timeline', { entity: entity.name }) }, entity.name),
        ]),
      ),
    );
  }
  for (const source of event.sources) {
    const meta = [source.report, source.date_text ? `dated by “${source.date_text}”` : null, source.trigger ? `trigger “${source.trigger}”` : null];
    const item = el(
      'li',
      {},
      el('button', { type: 'button', class: 'quote', 'data-report': source.report, 'data-start': source.start, 'data-end': source.end,
        onclick: () => openSource(source.report, source.start, source.end) }, `“${source.quote}”`),
      el('span', { class: 'quote-meta' }, meta.filter(Boolean).join(' · ')),
    );
    list.append(item);
    reportTitles()
      .then((titles) => {
        const report = titles.get(source.report);
        if (report) item.lastChild.textContent = [report.title, report.outlet, ...meta.slice(1)].filter(Boolean).join(' · ');
      })
      .catch(() => {});
  }
  return list;
}

function filterHref(view, values) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) params.set(key, value);
  return `#${view}?${params}`;
}

/** The date axis; dragging across it zooms the timeline to the dragged range. */
function drawAxis() {
  const host = clear($('timeline-axis'));
  if (!timeline.domain) return;
  const [lo, hi] = timeline.domain;
  const svg = svgEl('svg', { viewBox: '0 0 1000 34', preserveAspectRatio: 'none', role: 'img', 'aria-label': `Dates from ${isoDay(lo)} to ${isoDay(hi)}` });
  svg.append(svgEl('line', { x1: 0, x2: 1000, y1: 4, y2: 4 }));
  for (const day of axisTicks(lo, hi)) {
    const x = ((day - lo) / (hi - lo)) * 1000;
    svg.append(svgEl('line', { x1: x, x2: x, y1: 0, y2: 10 }));
    const label = svgEl('text', { x: Math.min(Math.max(x, 30), 970), y: 24, 'text-anchor': 'middle' }, isoDay(day));
    svg.append(label);
  }
  const brush = svgEl('rect', { class: 'brush', x: 0, y: 0, width: 0, height: 34, visibility: 'hidden' });
  svg.append(brush);
  host.append(svg);

  const toX = (event) => {
    const box = svg.getBoundingClientRect();
    return Math.min(1000, Math.max(0, ((event.clientX - box.left) / box.width) * 1000));
  };
  let origin = null;
  svg.addEventListener('pointerdown', (event) => {
    origin = toX(event);
    svg.setPointerCapture(event.pointerId);
    brush.setAttribute('visibility', 'visible');
    brush.setAttribute('x', origin);
    brush.setAttribute('width', 0);
  });
  svg.addEventListener('pointermove', (event) => {
    if (origin === null) return;
    const x = toX(event);
    brush.setAttribute('x', Math.min(origin, x));
    brush.setAttribute('width', Math.abs(x - origin));
  });
  svg.addEventListener('pointerup', (event) => {
    if (origin === null) return;
    const x = toX(event);
    const [a, b] = [Math.min(origin, x), Math.max(origin, x)];
    origin = null;
    brush.setAttribute('visibility', 'hidden');
    if (b - a < 5) return;
    const day = (px) => isoDay(Math.floor(lo + (px / 1000) * (hi - lo)));
    zoomTo(day(a), day(b));
  });
}

function axisTicks(lo, hi) {
  const span = hi - lo;
  const steps = [1, 2, 7, 14, 30, 61, 91, 182, 365, 730, 1826, 3652, 7305, 18262];
  const step = steps.find((s) => span / s <= 8) || Math.ceil(span / 8);
  const ticks = [];
  for (let day = Math.ceil(lo / step) * step; day <= hi; day += step) ticks.push(day);
  return ticks;
}

function currentTimelineFilters() {
  const form = $('timeline-filters');
  const values = {};
  for (const key of FILTER_KEYS.timeline) values[key] = form.elements[key].value.trim();
  return values;
}

function zoomTo(from, to) {
  setFilters('timeline', { ...currentTimelineFilters(), from, to });
}

function zoomBy(factor) {
  if (!timeline.domain) return;
  const [lo, hi] = timeline.domain;
  const middle = (lo + hi) / 2;
  const half = Math.max(1, ((hi - lo) * factor) / 2);
  zoomTo(isoDay(Math.floor(middle - half)), isoDay(Math.ceil(middle + half)));
}

// ---------------------------------------------------------------- claims ledger

async function renderClaims(params, current) {
  const form = $('claims-filters');
  for (const key of FILTER_KEYS.claims) form.elements[key].value = params.get(key) || '';
  const query = new URLSearchParams();
  for (const key of FILTER_KEYS.claims) if (params.get(key)) query.set(key, params.get(key));
  $('claims-summary').textContent = 'Loading…';
  const [data, titles, stories] = await Promise.all([
    query.toString() ? api(`/api/claims?${query}`) : cachedGet('/api/claims'),
    reportTitles(),
    storyList(),
  ]);
  if (!current()) return;
  fillStorySelect(form, stories, params.get('story'));
  const groups = new Map();
  for (const claim of data.claims) {
    if (!groups.has(claim.group)) groups.set(claim.group, []);
    groups.get(claim.group).push(claim);
  }
  const ordered = [...groups.values()].sort(
    (a, b) => Number(hasConflict(b)) - Number(hasConflict(a)) || b.length - a.length,
  );
  const conflicting = ordered.filter(hasConflict).length;
  $('claims-summary').textContent = `${data.claims.length} claims in ${ordered.length} groups` + (conflicting ? `, ${conflicting} with conflicts` : '');

  showPaged(clear($('claims-groups')), $('claims-more'), ordered, PAGE_CLAIM_GROUPS, (group) => claimGroup(group, titles), 'groups left');
}

const isConflicting = (claim) => claim.status === 'conflicting' || claim.conflicts_with.length > 0;
const hasConflict = (group) => group.some(isConflicting);

function claimGroup(claims, titles) {
  const first = claims[0];
  const title = [first.measure, first.subject].filter(Boolean).join(' — ');
  const section = el(
    'section',
    { class: `group${hasConflict(claims) ? ' conflict' : ''}`, 'data-group': first.group },
    el('h3', {}, title || first.group, hasConflict(claims) ? badge('conflict', 'conflict') : null),
  );
  const line = numberLine(claims);
  if (line) section.append(line);
  const series = seriesChart(claims);
  if (series) section.append(series);
  section.append(el('ol', { class: 'claims' }, claims.map((claim) => claimItem(claim, titles))));
  return section;
}

function intervalText(item) {
  const { low, high } = item;
  if (low !== null && high !== null && low === high) return formatNumber(low);
  if (low !== null && high !== null) return `${item.low_inclusive ? '' : 'over '}${formatNumber(low)} to ${item.high_inclusive ? '' : 'under '}${formatNumber(high)}`;
  if (low !== null) return `${item.low_inclusive ? 'at least' : 'more than'} ${formatNumber(low)}`;
  if (high !== null) return `${item.high_inclusive ? 'at most' : 'fewer than'} ${formatNumber(high)}`;
  return 'unknown';
}

function claimItem(claim, titles) {
  const conflict = isConflicting(claim);
  const item = el(
    'li',
    { class: `claim ${claim.status}${conflict ? ' conflicting' : ''}`, id: `claim-${claim.id}` },
    el(
      'div',
      { class: 'claim-head' },
      intervalText(claim),
      claim.as_of ? ` (as of ${claim.as_of})` : '',
      badge(claim.status, conflict ? 'conflict' : 'status'),
      badge(`${claim.independent_sources} source${claim.independent_sources === 1 ? '' : 's'}`, 'sources', 'Independent sources'),
      claim.pending ? badge('pending', 'pending', 'From reports added since the last merge') : null,
    ),
    el('p', { class: 'explanation' }, claim.explanation),
  );
  if (claim.conflicts_with.length) {
    const jump = (id) => () => {
      const target = document.getElementById(`claim-${id}`);
      if (!target) return;
      target.scrollIntoView({ block: 'center' });
      target.classList.add('flash');
      setTimeout(() => target.classList.remove('flash'), 1500);
    };
    item.append(el('p', { class: 'quote-meta' }, 'Conflicts with: ', claim.conflicts_with.map((id, i) => [i ? ' ' : '', el('button', { type: 'button', class: 'link', onclick: jump(id) }, id)])));
  }
  const sources = el('ul', { class: 'claim-sources' });
  for (const source of claim.sources) {
    const report = titles.get(source.report);
    sources.append(
      el(
        'li',
        {},
        el('button', { type: 'button', class: 'quote', onclick: () => openSource(source.report, source.start, source.end) }, `“${source.quote}”`),
        el(
          'span',
          { class: 'quote-meta' },
          [report ? report.title : source.report, source.speaker ? `said by ${source.speaker}` : null, `figure “${source.text}”`].filter(Boolean).join(' · '),
        ),
        source.hedge ? el('span', { class: 'hedge', title: 'Hedge' }, `hedged: ${source.hedge}`) : null,
      ),
    );
  }
  item.append(sources);
  return item;
}

/** The claims of a group as intervals on one number line (log scale when the values span orders of magnitude). */
function numberLine(claims) {
  const values = claims.flatMap((c) => [c.low, c.high, ...c.sources.flatMap((s) => [s.low, s.high])]).filter((v) => typeof v === 'number' && Number.isFinite(v));
  if (!values.length) return null;
  let min = Math.min(...values);
  let max = Math.max(...values);
  const log = min > 0 && max / min > 50;
  if (min === max) {
    min = min === 0 ? -1 : min * 0.5;
    max = max === 0 ? 1 : max * 1.5;
  }
  const labelWidth = 170;
  const width = 860;
  const rowHeight = 18;
  const height = 30 + claims.length * rowHeight;
  const lo = log ? Math.log10(min) : min;
  const hi = log ? Math.log10(max) : max;
  const pad = (hi - lo) * 0.06;
  const scale = (v) => labelWidth + ((( log ? Math.log10(v) : v) - (lo - pad)) / (hi - lo + 2 * pad)) * (width - labelWidth - 10);
  const svg = svgEl('svg', { class: 'numberline', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `Intervals of ${claims.length} claims${log ? ' (log scale)' : ''}` });
  const axisY = height - 18;
  svg.append(svgEl('line', { class: 'axisline', x1: labelWidth, x2: width - 10, y1: axisY, y2: axisY }));
  for (const tick of numberTicks(min, max, log)) {
    const x = scale(tick);
    svg.append(svgEl('line', { class: 'axisline', x1: x, x2: x, y1: axisY, y2: axisY + 4 }));
    svg.append(svgEl('text', { x, y: axisY + 14, 'text-anchor': 'middle' }, formatNumber(tick)));
  }
  claims.forEach((claim, i) => {
    const y = 12 + i * rowHeight;
    const conflict = isConflicting(claim) ? ' conflicting' : '';
    const row = svgEl('g', { class: `claim-row${conflict}` }, svgEl('title', {}, `${intervalText(claim)}: ${claim.explanation}`));
    const label = [claim.as_of, claim.sources[0]?.text].filter(Boolean).join(' · ');
    row.append(svgEl('text', { class: 'label', x: 4, y: y + 4 }, label.length > 30 ? `${label.slice(0, 29)}…` : label));
    const x1 = claim.low !== null ? scale(claim.low) : labelWidth;
    const x2 = claim.high !== null ? scale(claim.high) : width - 10;
    row.append(svgEl('line', { class: `interval${conflict}`, x1, x2: Math.max(x2, x1 + 0.5), y1: y, y2: y }));
    if (claim.low !== null) row.append(svgEl('circle', { class: `end${claim.low_inclusive ? '' : ' open'}${conflict}`, cx: x1, cy: y, r: 4 }));
    if (claim.high !== null && claim.high !== claim.low) row.append(svgEl('circle', { class: `end${claim.high_inclusive ? '' : ' open'}${conflict}`, cx: x2, cy: y, r: 4 }));
    if (claim.low === null) row.append(svgEl('text', { class: 'label', x: labelWidth - 2, y: y + 4, 'text-anchor': 'end' }, '←'));
    if (claim.high === null) row.append(svgEl('text', { class: 'label', x: width - 8, y: y + 4 }, '→'));
    svg.append(row);
  });
  return svg;
}

function numberTicks(min, max, log) {
  if (log) {
    const ticks = [];
    for (let p = Math.floor(Math.log10(min)); p <= Math.ceil(Math.log10(max)); p++) ticks.push(10 ** p);
    return ticks.filter((t) => t >= min / 1.5 && t <= max * 1.5);
  }
  const raw = (max - min) / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => (max - min) / s <= 6);
  const ticks = [];
  for (let t = Math.ceil(min / step) * step; t <= max + 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

/** A group's figures over time (as_of dates), when it has figures for at least two days. */
function seriesChart(claims) {
  const points = claims
    .filter((c) => c.as_of && (c.low !== null || c.high !== null))
    .map((c) => ({ day: dayNumber(c.as_of), low: c.low ?? c.high, high: c.high ?? c.low, claim: c }))
    .sort((a, b) => a.day - b.day);
  const days = new Set(points.map((p) => p.day));
  if (days.size < 2) return null;
  const width = 860;
  const height = 130;
  const left = 60;
  const [d0, d1] = [points[0].day, points[points.length - 1].day];
  const top = Math.max(...points.map((p) => p.high));
  const bottom = Math.min(0, ...points.map((p) => p.low));
  const x = (day) => left + ((day - d0) / (d1 - d0)) * (width - left - 20);
  const y = (v) => height - 22 - ((v - bottom) / (top - bottom || 1)) * (height - 40);
  const svg = svgEl('svg', { class: 'series', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `Figures over time from ${isoDay(d0)} to ${isoDay(d1)}` });
  svg.append(svgEl('line', { class: 'axisline', x1: left, x2: width - 20, y1: height - 22, y2: height - 22 }));
  svg.append(svgEl('line', { class: 'axisline', x1: left, x2: left, y1: 10, y2: height - 22 }));
  svg.append(svgEl('text', { x: left - 4, y: y(top) + 4, 'text-anchor': 'end' }, formatNumber(top)));
  svg.append(svgEl('text', { x: left - 4, y: y(bottom) + 4, 'text-anchor': 'end' }, formatNumber(bottom)));
  svg.append(svgEl('text', { x: left, y: height - 6 }, isoDay(d0)));
  svg.append(svgEl('text', { x: width - 20, y: height - 6, 'text-anchor': 'end' }, isoDay(d1)));
  const trend = points.map((p, i) => `${i ? 'L' : 'M'}${x(p.day).toFixed(1)} ${y((p.low + p.high) / 2).toFixed(1)}`).join(' ');
  svg.append(svgEl('path', { class: 'trend', d: trend }));
  for (const p of points) {
    const title = svgEl('title', {}, `${p.claim.as_of}: ${intervalText(p.claim)}`);
    if (p.high !== p.low) svg.append(svgEl('line', { class: 'range', x1: x(p.day), x2: x(p.day), y1: y(p.low), y2: y(p.high) }, title.cloneNode(true)));
    svg.append(svgEl('circle', { class: 'dot', cx: x(p.day), cy: y((p.low + p.high) / 2), r: 4 }, title));
  }
  return svg;
}

// ---------------------------------------------------------------- entities

const entitySelection = { entities: new Set(), aliases: new Set() };

async function renderEntities(params, current) {
  const q = params.get('q') || '';
  const input = $('entity-q');
  if (document.activeElement !== input) input.value = q;
  const [data, all, events] = await Promise.all([
    q ? api(`/api/entities?q=${encodeURIComponent(q)}`) : cachedGet('/api/entities'),
    entityIndex(),
    cachedGet('/api/events'),
  ]);
  if (!current()) return;
  const entities = data.entities.slice().sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
  showPaged(clear($('entity-list')), $('entities-more'), entities, PAGE_ENTITIES, entityItem, 'left');
  $('entity-count').textContent = `${entities.length} entit${entities.length === 1 ? 'y' : 'ies'}`;
  updateCurationButtons();
  drawGraph(all, events.events, q ? new Set(entities.map((e) => e.id)) : null);
}

function entityItem(entity) {
  const checkbox = el('input', { type: 'checkbox', value: entity.name, 'data-entity': entity.id });
  checkbox.checked = entitySelection.entities.has(entity.name);
  checkbox.addEventListener('change', () => {
    if (checkbox.checked) entitySelection.entities.add(entity.name);
    else entitySelection.entities.delete(entity.name);
    updateCurationButtons();
  });
  const kinds = ['person', 'organization', 'place', 'other'];
  const kindSelect = el('select', { 'aria-label': `Kind of ${entity.name}` }, kinds.map((k) => el('option', { value: k }, k)));
  kindSelect.value = entity.kind;
  kindSelect.addEventListener('change', () => curate({ action: 'kind', name: entity.name, kind: kindSelect.value }, `${entity.name} is now a ${kindSelect.value}`));

  const item = el(
    'li',
    { class: 'entity', 'data-entity': entity.id },
    el('label', { class: 'pick' }, checkbox, ' ', entity.name),
    badge(`${entity.mentions} mention${entity.mentions === 1 ? '' : 's'}`, 'count'),
    badge(`${entity.reports.length} report${entity.reports.length === 1 ? '' : 's'}`, 'sources'),
    entity.pending ? badge('pending', 'pending') : null,
    ' ',
    kindSelect,
    ' ',
    el('a', { href: filterHref('timeline', { [entity.kind === 'place' ? 'place' : 'entity']: entity.name }) }, 'events'),
  );
  const aliases = el('div', { class: 'aliases', role: 'group', 'aria-label': `Names of ${entity.name}` });
  for (const alias of entity.aliases) {
    const button = el('button', { type: 'button', class: 'alias', 'aria-pressed': String(entitySelection.aliases.has(alias)), title: 'Select this name to split it apart' }, alias);
    button.addEventListener('click', () => {
      const pressed = button.getAttribute('aria-pressed') !== 'true';
      button.setAttribute('aria-pressed', String(pressed));
      if (pressed) entitySelection.aliases.add(alias);
      else entitySelection.aliases.delete(alias);
      updateCurationButtons();
    });
    aliases.append(button);
  }
  item.append(aliases);
  const details = [entity.titles.length ? `Titles: ${entity.titles.join(', ')}` : null, entity.lat !== null && entity.lat !== undefined ? `At ${entity.lat}, ${entity.lon}` : null].filter(Boolean);
  if (details.length) item.append(el('div', { class: 'details' }, details.join(' · ')));
  if (entity.merges.length) {
    item.append(
      el(
        'ul',
        { class: 'merges', 'aria-label': 'Why names were merged' },
        entity.merges.map((m) => el('li', {}, `“${m.alias}” with “${m.with}”: ${m.rule.replace(/_/g, ' ')}${m.detail ? ` (${m.detail})` : ''}`)),
      ),
    );
  }
  return item;
}

function updateCurationButtons() {
  $('entity-merge').disabled = entitySelection.entities.size < 2;
  $('entity-split').disabled = entitySelection.aliases.size < 2;
}

async function curate(change, message) {
  const status = $('entity-status');
  status.textContent = 'Saving…';
  try {
    // The answer's newer revision clears the cache and redraws (noteRevision).
    await postJson('/api/curation', change);
    entitySelection.entities.clear();
    entitySelection.aliases.clear();
    status.textContent = message;
  } catch (error) {
    status.textContent = `Could not save: ${error.message}`;
  }
}

/** Co-occurrence graph of the most mentioned entities, laid out by a small force simulation. */
function drawGraph(entities, events, only) {
  const host = clear($('entity-graph'));
  const pairs = new Map();
  const degree = new Map();
  for (const event of events) {
    const ids = [...new Set(event.entities)].filter((id) => entities.has(id) && (!only || only.has(id)));
    for (const id of ids) degree.set(id, (degree.get(id) || 0) + 1);
  }
  const nodes = [...degree.keys()]
    .map((id) => entities.get(id))
    .sort((a, b) => b.mentions - a.mentions)
    .slice(0, GRAPH_NODES);
  const chosen = new Set(nodes.map((n) => n.id));
  for (const event of events) {
    const ids = [...new Set(event.entities)].filter((id) => chosen.has(id)).sort();
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const key = `${ids[i]}\u0000${ids[j]}`;
        pairs.set(key, (pairs.get(key) || 0) + 1);
      }
    }
  }
  if (!nodes.length) {
    host.append(el('p', { class: 'hint' }, 'No entities share an event.'));
    return;
  }
  const width = 600;
  const height = 480;
  const positions = forceLayout(nodes, [...pairs.entries()], width, height);
  const svg = svgEl('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `Co-occurrence graph of ${nodes.length} entities` });
  const maxWeight = Math.max(1, ...pairs.values());
  for (const [key, weight] of pairs) {
    const [a, b] = key.split('\u0000');
    const [p, q] = [positions.get(a), positions.get(b)];
    svg.append(svgEl('line', { class: 'edge', x1: p.x, y1: p.y, x2: q.x, y2: q.y, 'stroke-width': 0.6 + (3 * weight) / maxWeight }, svgEl('title', {}, `${entities.get(a).name} & ${entities.get(b).name}: ${weight} event${weight === 1 ? '' : 's'}`)));
  }
  const maxMentions = Math.max(...nodes.map((n) => n.mentions));
  for (const node of nodes) {
    const { x, y } = positions.get(node.id);
    const circle = svgEl('circle', { class: `node ${node.kind}`, cx: x, cy: y, r: 4 + 8 * Math.sqrt(node.mentions / maxMentions), tabindex: 0, role: 'link', 'aria-label': `${node.name}: show events` }, svgEl('title', {}, `${node.name} (${node.kind}, ${node.mentions} mentions)`));
    const go = () => setFilters('timeline', { [node.kind === 'place' ? 'place' : 'entity']: node.name });
    circle.addEventListener('click', go);
    circle.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') go();
    });
    const onLeft = x > width * 0.6;
    svg.append(circle, svgEl('text', { x: onLeft ? x - 8 : x + 8, y: y + 3, 'text-anchor': onLeft ? 'end' : 'start' }, node.name));
  }
  host.append(svg);
}

function forceLayout(nodes, edges, width, height) {
  const points = nodes.map((node, i) => {
    const angle = (2 * Math.PI * i) / nodes.length;
    return { id: node.id, x: Math.cos(angle) * 100, y: Math.sin(angle) * 100, dx: 0, dy: 0 };
  });
  const byId = new Map(points.map((p) => [p.id, p]));
  const links = edges.map(([key, weight]) => {
    const [a, b] = key.split('\u0000');
    return [byId.get(a), byId.get(b), Math.min(1 + Math.log(weight), 3)];
  });
  // Fruchterman-Reingold with a repulsion cut-off, so that unconnected
  // nodes stay near the rest instead of drifting to the edges.
  const ideal = 30;
  const steps = 300;
  for (let step = 0; step < steps; step++) {
    const temperature = 20 * (1 - step / steps) + 0.5;
    for (const p of points) {
      p.dx = -p.x * 0.01;
      p.dy = -p.y * 0.01;
    }
    for (let i = 0; i < points.length; i++) {
      for (let j = i + 1; j < points.length; j++) {
        const [p, q] = [points[i], points[j]];
        const dx = p.x - q.x || 0.01 * (i - j);
        const dy = p.y - q.y || 0.01;
        const distance2 = dx * dx + dy * dy;
        if (distance2 > 9 * ideal * ideal) continue;
        const push = (ideal * ideal) / distance2;
        p.dx += dx * push; p.dy += dy * push;
        q.dx -= dx * push; q.dy -= dy * push;
      }
    }
    for (const [p, q, weight] of links) {
      const dx = p.x - q.x;
      const dy = p.y - q.y;
      const pull = (Math.hypot(dx, dy) / ideal) * weight * 0.08;
      p.dx -= dx * pull; p.dy -= dy * pull;
      q.dx += dx * pull; q.dy += dy * pull;
    }
    for (const p of points) {
      const length = Math.hypot(p.dx, p.dy) || 1;
      const move = Math.min(length, temperature);
      p.x += (p.dx / length) * move;
      p.y += (p.dy / length) * move;
    }
  }
  // Fit the layout into the frame.
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const margin = 20;
  for (const p of points) {
    p.x = margin + ((p.x - x0) / (x1 - x0 || 1)) * (width - 2 * margin);
    p.y = margin + ((p.y - y0) / (y1 - y0 || 1)) * (height - 2 * margin);
  }
  return byId;
}

// ---------------------------------------------------------------- map

const map = { world: null, view: [0, 0, 360, 180], moved: false };

async function renderMap(_params, current) {
  if (!map.world) {
    map.world = fetch('/assets/world.json').then((r) => {
      if (!r.ok) throw new Error(`${r.status} ${r.statusText}`);
      return r.json();
    });
    map.world.catch(() => {
      map.world = null;
    });
  }
  const [world, entities, events] = await Promise.all([map.world, entityIndex(), cachedGet('/api/events')]);
  if (!current()) return;
  $('map-attribution').textContent = world.attribution || '';
  const counts = new Map();
  for (const event of events.events) {
    for (const id of new Set(event.entities)) {
      const entity = entities.get(id);
      if (entity && typeof entity.lat === 'number' && typeof entity.lon === 'number') counts.set(id, (counts.get(id) || 0) + 1);
    }
  }
  const places = [...entities.values()]
    .filter((e) => typeof e.lat === 'number' && typeof e.lon === 'number')
    .map((e) => ({ entity: e, events: counts.get(e.id) || 0 }))
    .sort((a, b) => b.events - a.events || b.entity.mentions - a.entity.mentions)
    .slice(0, MAX_MAP_PLACES);

  if (!map.moved) map.view = fitView(places.map((p) => project(p.entity.lon, p.entity.lat)));
  const host = clear($('map'));
  const svg = svgEl('svg', { viewBox: map.view.join(' '), role: 'img', 'aria-label': `World map with ${places.length} places` });
  const land = svgEl('g', { class: 'land' });
  for (const country of world.countries) {
    const d = country.rings.map(ringPath).join('');
    land.append(svgEl('path', { class: 'country', d }, svgEl('title', {}, country.name)));
  }
  svg.append(land);
  const dots = svgEl('g', { class: 'dots' });
  places.forEach((place, rank) => {
    const { entity } = place;
    const [x, y] = project(entity.lon, entity.lat);
    const go = () => setFilters('timeline', { [entity.kind === 'place' ? 'place' : 'entity']: entity.name });
    const dot = svgEl('circle', { class: 'dot', cx: x, cy: y, 'data-r': 0.8 + 0.5 * Math.sqrt(place.events), tabindex: 0, role: 'link', 'aria-label': `${entity.name}: ${place.events} events`, 'data-entity': entity.id },
      svgEl('title', {}, `${entity.name} — ${place.events} event${place.events === 1 ? '' : 's'}, ${entity.mentions} mentions`));
    dot.addEventListener('click', go);
    dot.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') go();
    });
    dots.append(dot);
    if (rank < 40) dots.append(svgEl('text', { class: 'place-label', x: x + 1.5, y: y + 0.8, 'data-x': x, 'data-y': y }, entity.name));
  });
  svg.append(dots);
  host.append(svg);
  scaleMarks(svg);
  enablePanZoom(svg);

  const list = clear($('map-places'));
  for (const { entity, events: n } of places.slice(0, 300)) {
    list.append(el('li', {}, el('a', { href: filterHref('timeline', { [entity.kind === 'place' ? 'place' : 'entity']: entity.name }) }, entity.name), ` (${n} event${n === 1 ? '' : 's'})`));
  }
}

/** The 2:1 view around the given points (the whole world when there are none). */
function fitView(points) {
  if (!points.length) return [0, 0, 360, 180];
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const width = Math.min(360, Math.max(40, (x1 - x0) * 1.4, (y1 - y0) * 2.8));
  const height = width / 2;
  const x = Math.min(360 - width, Math.max(0, (x0 + x1) / 2 - width / 2));
  const y = Math.min(180 - height, Math.max(0, (y0 + y1) / 2 - height / 2));
  return [x, y, width, height];
}

/** Equirectangular projection onto a 360 x 180 plane. */
function project(lon, lat) {
  return [lon + 180, 90 - lat];
}

function ringPath(ring) {
  let d = '';
  for (let i = 0; i < ring.length; i += 2) {
    const [x, y] = project(ring[i], ring[i + 1]);
    d += `${i ? 'L' : 'M'}${x.toFixed(1)} ${y.toFixed(1)}`;
  }
  return d + 'Z';
}

/** Keep dots and labels the same size on screen whatever the zoom. */
function scaleMarks(svg) {
  const k = map.view[2] / 360;
  for (const dot of svg.querySelectorAll('.dot')) dot.setAttribute('r', (Number(dot.dataset.r) * k).toFixed(3));
  for (const label of svg.querySelectorAll('.place-label')) {
    label.setAttribute('font-size', (2.2 * k).toFixed(3));
    label.setAttribute('x', (Number(label.dataset.x) + 1.5 * k).toFixed(3));
    label.setAttribute('y', (Number(label.dataset.y) + 0.8 * k).toFixed(3));
  }
}

function enablePanZoom(svg) {
  const apply = () => {
    svg.setAttribute('viewBox', map.view.map((v) => v.toFixed(3)).join(' '));
    scaleMarks(svg);
  };
  svg.addEventListener('wheel', (event) => {
    event.preventDefault();
    const box = svg.getBoundingClientRect();
    const [x, y, w, h] = map.view;
    const fx = (event.clientX - box.left) / box.width;
    const fy = (event.clientY - box.top) / box.height;
    const factor = event.deltaY > 0 ? 1.25 : 0.8;
    const nw = Math.min(360, Math.max(5, w * factor));
    const nh = (nw * 180) / 360;
    map.view = [x + fx * (w - nw), y + fy * (h - nh), nw, nh];
    map.moved = true;
    apply();
  }, { passive: false });
  let drag = null;
  svg.addEventListener('pointerdown', (event) => {
    if (event.target.classList.contains('dot')) return;
    drag = { x: event.clientX, y: event.clientY, view: map.view.slice() };
    svg.setPointerCapture(event.pointerId);
  });
  svg.addEventListener('pointermove', (event) => {
    if (!drag) return;
    const box = svg.getBoundingClientRect();
    const [x, y, w, h] = drag.view;
    map.view = [x - ((event.clientX - drag.x) / box.width) * w, y - ((event.clientY - drag.y) / box.height) * h, w, h];
    map.moved = true;
    apply();
  });
  svg.addEventListener('pointerup', () => {
    drag = null;
  });
}

// ---------------------------------------------------------------- source viewer

/** Open a report at a sentence (byte offsets), optionally with matched words inside it. */
function openSource(report, start, end, highlights = []) {
  const { view, params } = readHash();
  params.set('src', report);
  if (Number.isInteger(start) && Number.isInteger(end)) {
    params.set('s', start);
    params.set('e', end);
  } else {
    params.delete('s');
    params.delete('e');
  }
  if (highlights.length) params.set('hl', highlights.map((h) => `${h.start}-${h.end}`).join(','));
  else params.delete('hl');
  writeHash(view, params);
}

function closeSource() {
  const { view, params } = readHash();
  for (const key of VIEWER_KEYS) params.delete(key);
  writeHash(view, params);
}

function routeViewer(params, force) {
  const viewer = $('viewer');
  if (!params.has('src')) {
    viewer.hidden = true;
    state.viewerKey = null;
    state.viewerReport = null;
    state.viewerRequest += 1;
    return;
  }
  const key = VIEWER_KEYS.map((k) => params.get(k)).join('|');
  if (!force && key === state.viewerKey) return;
  state.viewerKey = key;
  const start = Number.parseInt(params.get('s'), 10);
  const end = Number.parseInt(params.get('e'), 10);
  const words = (params.get('hl') || '')
    .split(',')
    .map((pair) => pair.split('-').map(Number))
    .filter(([a, b]) => Number.isInteger(a) && Number.isInteger(b))
    .map(([a, b]) => ({ start: a, end: b }));
  showSource(params.get('src'), start, end, words).catch((error) => {
    $('viewer-meta').textContent = `Could not load the report: ${error.message}`;
  });
}

// Each call renders only if no later call started meanwhile (a live revision
// re-routes the viewer while it may still be loading), and replaces the
// title and text together once the report has arrived, so a re-render of the
// shown report never passes through an empty or half-filled state.
async function showSource(id, start, end, words) {
  const viewer = $('viewer');
  const wasHidden = viewer.hidden;
  const request = ++state.viewerRequest;
  viewer.hidden = false;
  if (state.viewerReport !== id) {
    $('viewer-title').textContent = id;
    $('viewer-meta').textContent = 'Loading…';
    clear($('viewer-text'));
  }
  const report = await cachedGet(`/api/reports/${encodeURIComponent(id)}`);
  if (request !== state.viewerRequest) return;
  state.viewerReport = id;
  const body = clear($('viewer-text'));
  const meta = report.meta || {};
  $('viewer-title').textContent = meta.title || id;
  $('viewer-meta').replaceChildren(
    [meta.outlet, meta.author, meta.published].filter(Boolean).join(' · ') || 'No outlet or date',
    meta.url ? ' · ' : '',
    meta.url && /^https?:\/\//i.test(meta.url) ? el('a', { href: meta.url, rel: 'noopener noreferrer', target: '_blank' }, 'original') : '',
  );
  const bytes = encoder.encode(report.text || '');
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > bytes.length || end < start) {
    body.append(bytesToText(bytes, 0, bytes.length));
    if (wasHidden) $('viewer-close').focus();
    return;
  }
  body.append(bytesToText(bytes, 0, start));
  const sentence = el('mark', { class: 'sentence', tabindex: '-1', 'data-start': start, 'data-end': end });
  appendMarked(sentence, bytes, start, end, sortedSpans(words), 'word');
  body.append(sentence, bytesToText(bytes, end, bytes.length));
  sentence.scrollIntoView({ block: 'center' });
  sentence.focus({ preventScroll: true });
}

// ---------------------------------------------------------------- search

const search = { controller: null };

async function runSearch() {
  const input = $('search-input');
  const results = $('search-results');
  const query = input.value.trim();
  search.controller?.abort();
  if (query.length < 2) {
    hideSearch();
    return;
  }
  const controller = new AbortController();
  search.controller = controller;
  try {
    const data = await api(`/api/search?q=${encodeURIComponent(query)}&limit=20`, { signal: controller.signal });
    if (controller !== search.controller) return;
    clear(results);
    if (!data.hits.length) results.append(el('li', { class: 'empty' }, `No sentence matches “${query}”.`));
    for (const hit of data.hits) results.append(searchHit(hit, query));
    results.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  } catch (error) {
    if (error.name === 'AbortError') return;
    clear(results).append(el('li', { class: 'empty' }, `Search failed: ${error.message}`));
    results.hidden = false;
  }
}

function searchHit(hit, query) {
  const snippet = el('span', { class: 'snippet' });
  const bytes = encoder.encode(hit.snippet);
  if (bytes.length === hit.sentence.end - hit.sentence.start) {
    // The snippet is the whole sentence: the highlights' offsets apply to it.
    const relative = hit.highlights.map((h) => ({ start: h.start - hit.sentence.start, end: h.end - hit.sentence.start }));
    appendMarked(snippet, bytes, 0, bytes.length, sortedSpans(relative), 'word');
  } else {
    // A window of a long sentence: mark the query's words for now, then
    // place the exact highlights once the report's text tells where the
    // window starts.
    markWords(snippet, hit.snippet, query);
    placeWindowHighlights(snippet, hit, bytes);
  }
  const button = el('button', { type: 'button', class: 'hit', 'data-report': hit.report_id },
    el('span', { class: 'hit-title' }, hit.report_title || hit.report_id), snippet);
  button.addEventListener('click', () => {
    hideSearch();
    openSource(hit.report_id, hit.sentence.start, hit.sentence.end, hit.highlights);
  });
  return el('li', {}, button);
}

async function placeWindowHighlights(snippet, hit, snippetBytes) {
  try {
    const report = await cachedGet(`/api/reports/${encodeURIComponent(hit.report_id)}`);
    const text = encoder.encode(report.text || '');
    const sentence = bytesToText(text, hit.sentence.start, hit.sentence.end);
    const at = sentence.indexOf(hit.snippet);
    if (at < 0) return;
    const start = hit.sentence.start + encoder.encode(sentence.slice(0, at)).length;
    const relative = hit.highlights.map((h) => ({ start: h.start - start, end: h.end - start }));
    clear(snippet);
    if (at > 0) snippet.append('… ');
    appendMarked(snippet, snippetBytes, 0, snippetBytes.length, sortedSpans(relative), 'word');
    if (at + hit.snippet.length < sentence.length) snippet.append(' …');
  } catch {
    // The words marked from the query stay.
  }
}

/** Mark the query's words in a snippet that is only a window of its sentence. */
function markWords(parent, text, query) {
  const words = query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1);
  const lower = text.toLowerCase();
  const spans = [];
  // Offsets found in `lower` are offsets in `text` only when lowercasing kept the length.
  if (lower.length === text.length) {
    for (const word of words) {
      for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + word.length)) spans.push([at, at + word.length]);
    }
  }
  spans.sort((a, b) => a[0] - b[0]);
  let at = 0;
  for (const [from, to] of spans) {
    if (from < at) continue;
    parent.append(text.slice(at, from), el('mark', { class: 'word' }, text.slice(from, to)));
    at = to;
  }
  parent.append(text.slice(at));
}

function hideSearch() {
  $('search-results').hidden = true;
  $('search-input').setAttribute('aria-expanded', 'false');
}

// ---------------------------------------------------------------- live updates

function noteRevision(revision, fromServerPush) {
  if (state.revision === null) {
    state.revision = revision;
    state.renderedRevision = revision;
    return;
  }
  if (revision === state.revision) return;
  state.revision = revision;
  cache.clear();
  if (fromServerPush) {
    setLive(`updated (revision ${revision})`, true);
    route(true);
  } else {
    // A response carried a newer revision: the next route redraws.
    state.renderedRevision = null;
    queueMicrotask(() => route());
  }
}

function setLive(text, on) {
  const live = $('live');
  live.textContent = text;
  live.classList.toggle('on', on);
}

function startLive() {
  if (!('EventSource' in window)) {
    startPolling();
    return;
  }
  const source = new EventSource('/api/updates');
  let failures = 0;
  source.addEventListener('open', () => {
    failures = 0;
    setLive('live', true);
  });
  source.addEventListener('revision', (event) => {
    const revision = Number.parseInt(event.data, 10);
    if (Number.isFinite(revision)) noteRevision(revision, true);
  });
  source.addEventListener('error', () => {
    failures += 1;
    if (source.readyState === EventSource.CLOSED || failures >= 3) {
      source.close();
      startPolling();
    }
  });
}

function startPolling() {
  setLive('polling', true);
  const poll = async () => {
    try {
      const { revision } = await (await fetch('/api/revision', { credentials: 'same-origin' })).json();
      if (typeof revision === 'number') noteRevision(revision, true);
      setLive('polling', true);
    } catch {
      setLive('offline', false);
    }
  };
  setInterval(poll, POLL_MS);
}

// ---------------------------------------------------------------- wiring

function debounce(fn, ms) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

function wire() {
  window.addEventListener('hashchange', () => route());
  $('timeline-filters').addEventListener('submit', (event) => {
    event.preventDefault();
    setFilters('timeline', currentTimelineFilters());
  });
  for (const name of ['type', 'story']) {
    $('timeline-filters').elements[name].addEventListener('change', () => setFilters('timeline', currentTimelineFilters()));
  }
  $('timeline-reset').addEventListener('click', () => setFilters('timeline', {}));
  $('zoom-in').addEventListener('click', () => zoomBy(0.5));
  $('zoom-out').addEventListener('click', () => zoomBy(2));
  $('claims-filters').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = event.target;
    setFilters('claims', { status: form.elements.status.value, measure: form.elements.measure.value.trim(), story: form.elements.story.value });
  });
  for (const name of ['status', 'story']) {
    $('claims-filters').elements[name].addEventListener('change', () => $('claims-filters').requestSubmit());
  }
  $('entity-q').addEventListener('input', debounce(() => setFilters('entities', { q: $('entity-q').value.trim() }, true), 200));
  $('entity-merge').addEventListener('click', () => {
    const names = [...entitySelection.entities];
    curate({ action: 'merge', names }, `Merged ${names.join(', ')}`);
  });
  $('entity-split').addEventListener('click', () => {
    const names = [...entitySelection.aliases];
    curate({ action: 'split', names }, `Split ${names.join(', ')} apart`);
  });
  $('viewer-close').addEventListener('click', closeSource);
  const input = $('search-input');
  input.addEventListener('input', debounce(runSearch, 200));
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hideSearch();
    if (event.key === 'ArrowDown') $('search-results').querySelector('button')?.focus();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !$('viewer').hidden && event.target !== input) closeSource();
  });
  document.addEventListener('click', (event) => {
    if (!event.target.closest('.search')) hideSearch();
  });
}

wire();
route();
startLive();

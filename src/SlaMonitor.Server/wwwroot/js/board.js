// The watch board: open promises by time to breach, live.
import { getJson, showSession } from './http.js';
import { STATUS, countdown, durationMs, localClock, percent, statusLabel, words } from './format.js';
import { connect } from './feed.js';
import { bindForm, matches, matchesScope, readFilters, refreshOptions } from './filters.js';
import { VirtualList } from './vlist.js';
import { attainmentChart, carrierChart } from './charts.js';
import { heldState, startHold } from './hold.js';
import { escalationQueue } from './queue.js';

const $ = (id) => document.getElementById(id);
const filters = readFilters();
const sites = new Map();
const form = $('filters');
const byTicket = new Map();
let dirty = false;
let waiting = 0;

const COLUMNS = ['status', 'ttb', 'ticket', 'customer', 'site', 'level', 'carrier', 'stage', 'plate', 'reason'];

function createRow() {
  const row = document.createElement('div');
  row.className = 'row';
  for (const c of COLUMNS) {
    const cell = document.createElement(c === 'ticket' ? 'a' : 'span');
    cell.className = `cell c-${c}`;
    cell.setAttribute('role', 'gridcell');
    if (c === 'ticket') cell.tabIndex = -1;
    row.append(cell);
  }
  return row;
}

function renderRow(el, row) {
  const now = Date.now();
  const [status, ttb, ticket, customer, site, level, carrier, stage, plate, reason] = el.children;
  el.className = `row s-${row.status}${row.gone ? ' gone' : ''}${el.classList.contains('active') ? ' active' : ''}`;
  el.dataset.ticket = row.ticketRef;
  status.textContent = row.gone ? '– Closed' : statusLabel(row.status);
  status.title = STATUS[row.status]?.text ?? row.status;
  // A pause stops the clock: show the time left when the row arrived (or the engine's own figure).
  const paused = row.status === 'PAUSED';
  const left = paused ? durationMs(row.timeToBreach) ?? row.deadlineMs - row.seenAt : row.deadlineMs - now;
  ttb.textContent = paused ? `⏸︎ ${countdown(left, false)}` : countdown(left);
  ttb.classList.toggle('overdue', left < 0);
  ttb.title = left < 0 ? 'past the deadline' : 'until the deadline';
  ticket.textContent = row.ticketRef;
  ticket.href = `/promise/${encodeURIComponent(row.ticketRef)}`;
  customer.textContent = row.customer;
  const zone = sites.get(row.site)?.timeZone;
  site.textContent = zone ? `${row.site} · ${localClock(zone, now)}` : row.site;
  site.title = zone ? `${sites.get(row.site).name} (${zone})` : row.site;
  level.textContent = row.serviceLevel;
  carrier.textContent = row.carrier ?? '—';
  stage.textContent = words(row.stage);
  plate.textContent = percent(row.probabilityLate);
  plate.title = row.estimateSource ?? '';
  reason.textContent = row.topReason || '—';
  reason.title = row.topReason || '';
}

const list = new VirtualList($('list'), {
  createRow,
  renderRow,
  label: 'Open promises, soonest breach first',
  onOpen: (row) => location.assign(`/promise/${encodeURIComponent(row.ticketRef)}`),
});
const hold = startHold($('list'), () => { if (dirty) rebuild(); });
const drawAttainment = attainmentChart($('attainment'), $('attainment-text'));
const drawCarriers = carrierChart($('carriers'), $('carriers-text'));
const order = (a, b) => a.deadlineMs - b.deadlineMs || (a.ticketRef < b.ticketRef ? -1 : 1);

let feed;
let scheduled = false;
function rebuild() {
  scheduled = false;
  dirty = false;
  waiting = 0;
  const all = [...feed.rows.values()];
  const view = all.filter((r) => matches(r, filters)).sort(order);
  byTicket.clear();
  view.forEach((r, i) => byTicket.set(r.ticketRef, i));
  list.setRows(view, (r) => r.ticketRef);
  $('empty').hidden = view.length > 0;
  $('count').textContent = `${view.length} of ${all.length} open promises`;
  showHeld();
  const scoped = all.filter((r) => matchesScope(r, filters));
  $('h-open').textContent = scoped.length;
  $('h-risk').textContent = scoped.filter((r) => r.status === 'AT_RISK').length;
  $('h-breached').textContent = scoped.filter((r) => r.status === 'BREACHED').length;
  refreshOptions(form, all, filters);
  drawCarriers(view);
  for (const r of all) if (!sites.has(r.site)) return loadSites();
}

function schedule() {
  if (!scheduled) { scheduled = true; requestAnimationFrame(rebuild); }
}

/** While the reader's pointer or keys are on the list, rows change in place and do not move. */
function onChange(tickets, snapshot) {
  if (snapshot || !heldState()) return schedule();
  for (const t of tickets) {
    const i = byTicket.get(t);
    const row = feed.rows.get(t);
    if (i !== undefined) list.replaceInPlace(i, row && matches(row, filters) ? row : { ...list.rows[i], gone: true });
    else if (row && matches(row, filters)) waiting++;
  }
  dirty = true;
  showHeld();
  list.render();
}

function showHeld() {
  $('held').hidden = !dirty;
  $('held-text').textContent = waiting > 0 ? `${waiting} new; order held while you read.` : 'Order held while you read.';
}

let loadingSites = null;
function loadSites() {
  loadingSites ??= getJson('/api/v1/sites').then((items) => {
    for (const s of items) sites.set(s.code, s);
    list.render();
  }).finally(() => setTimeout(() => { loadingSites = null; }, 30000));
}

async function loadStats() {
  const params = new URLSearchParams({ tz: Intl.DateTimeFormat().resolvedOptions().timeZone });
  for (const [k, name] of [['region', 'region'], ['customer', 'customer'], ['carrier', 'carrier'], ['level', 'serviceLevel']]) {
    if (filters[k]) params.set(name, filters[k]);
  }
  try {
    const stats = await getJson(`/board/api/stats?${params}`);
    const rate = (d) => (d.met + d.missed === 0 ? '—' : `${Math.round((100 * d.met) / (d.met + d.missed))} %`);
    $('h-today').textContent = rate(stats.today);
    $('h-today').title = `${stats.today.met} met, ${stats.today.missed} missed today`;
    $('h-week').textContent = rate(stats.week);
    $('h-week').title = `${stats.week.met} met, ${stats.week.missed} missed since Monday`;
    $('h-prevented').textContent = stats.breachesPrevented ?? '—';
    const lead = durationMs(stats.medianAlertLead);
    $('h-lead').textContent = lead == null ? '—' : countdown(lead, false);
    drawAttainment(stats.days);
  } catch (e) {
    console.warn('stats', e);
  }
}

const STATES = { connecting: '◌ Connecting…', live: '● Live', reconnecting: '◌ Reconnecting…', offline: '✕ Offline — retrying' };
function onState(state) {
  const el = $('connection');
  el.textContent = STATES[state];
  el.dataset.state = state;
}

let queue;
// The queue follows the board's region, customer and carrier filters.
const inScope = (e) => (!filters.region || e.region === filters.region) && (!filters.customer || e.customer === filters.customer)
  && (!filters.carrier || (e.carrier ?? '') === filters.carrier);
bindForm(form, filters, () => { rebuild(); queue?.render(); loadStats(); });
document.addEventListener('keydown', (e) => {
  if (e.key === '/' && document.activeElement?.tagName !== 'INPUT') { e.preventDefault(); form.elements.q.focus(); }
});
$('apply').addEventListener('click', () => { hold.release(); rebuild(); });
showSession($('session')).then((session) => {
  loadSites();
  feed = connect({ onChange, onState, onEscalations: () => queue.render() });
  queue = escalationQueue($('queue'), $('queue-summary'), { escalations: feed.escalations, visible: inScope });
  loadStats();
  setInterval(loadStats, 60000);
});
setInterval(() => {
  list.render();
  queue?.tick();
  $('clock').textContent = new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}, 1000);

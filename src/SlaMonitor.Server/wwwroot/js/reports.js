// The reports page: attainment (chart and table), carrier scorecards and the executive summary over promises closed in
// [from, to), read in the viewer's time zone. Filters and sort orders live in the URL; each table downloads as the API's CSV.
// The API keeps account managers to their customers; every name shown here comes from its answers.
import { boardHeaders, showSession, toSignIn } from './http.js';
import { renderTable } from './report-table.js';
import { attainmentColumns, genericColumns, rowsOf } from './report-columns.js';
import { drawAttainment } from './report-chart.js';
import { renderSummary } from './report-summary.js';
import { carrierColumns } from './report-carrier-columns.js';

const $ = (id) => document.getElementById(id);
const form = $('filters');
const DIMENSIONS = ['customer', 'region', 'carrier', 'serviceLevel', 'site'];
const PERIODS = ['day', 'week', 'month'];
const FILTERS = ['customer', 'region', 'carrier', 'serviceLevel'];
const SORTS = { attainment: 'sort', carriers: 'carriersSort', summary: 'summarySort' };

const isoDate = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const daysFromToday = (n) => { const d = new Date(); d.setDate(d.getDate() + n); return isoDate(d); };

/** The page's state from the URL: the last 28 days including today, by customer, unless the URL says otherwise. */
function readState() {
  const p = new URLSearchParams(location.search);
  const groupBy = (p.get('groupBy') ?? 'customer').split(',');
  const state = {
    from: p.get('from') || daysFromToday(-27),
    to: p.get('to') || daysFromToday(1),
    tz: p.get('tz') || Intl.DateTimeFormat().resolvedOptions().timeZone,
    by: groupBy.find((g) => DIMENSIONS.includes(g)) ?? 'customer',
    period: groupBy.find((g) => PERIODS.includes(g)) ?? '',
  };
  for (const k of FILTERS) state[k] = p.get(k) ?? '';
  for (const k of Object.values(SORTS)) state[k] = p.get(k) ?? '';
  return state;
}

const groupBy = (s) => [s.by, s.period].filter(Boolean).join(',');

function writeState(s) {
  const p = new URLSearchParams({ from: s.from, to: s.to, groupBy: groupBy(s) });
  if (new URLSearchParams(location.search).has('tz')) p.set('tz', s.tz);
  for (const k of [...FILTERS, ...Object.values(SORTS)]) if (s[k]) p.set(k, s[k]);
  history.replaceState(null, '', `?${p}`);
}

/** The API's query for a report: the range in the zone, and for attainment the grouping and filters. */
function apiQuery(s, { attainment = false, csv = false } = {}) {
  const p = new URLSearchParams({ from: s.from, to: s.to, tz: s.tz });
  if (attainment) {
    p.set('groupBy', groupBy(s));
    for (const k of FILTERS) if (s[k]) p.set(k, s[k]);
  }
  if (csv) p.set('format', 'csv');
  return p;
}

/** A report's JSON, or the problem the API answered (its detail and field errors in words). */
async function fetchReport(url) {
  const response = await fetch(url, { headers: boardHeaders, credentials: 'same-origin' });
  if (response.status === 401) toSignIn();
  const json = await response.json().catch(() => null);
  if (response.ok) return { json };
  const fields = Object.entries(json?.errors ?? {}).map(([k, v]) => `${k}: ${[].concat(v).join(' ')}`);
  return { problem: fields.join('; ') || json?.detail || json?.title || `${response.status}`, status: response.status };
}

let state = readState();
let attainment = null;
let loads = 0;
const others = {};

function renderAttainment() {
  const keys = attainment.groupBy ?? groupBy(state).split(',');
  const dims = keys.filter((k) => !PERIODS.includes(k));
  const period = keys.find((k) => PERIODS.includes(k));
  const group = (r) => dims.map((k) => r.key[k] ?? '—').join(' · ') || 'All';
  drawAttainment($('attainment-chart'), $('attainment-text'), attainment.rows, group, period ? (r) => r.key[period] : null);
  renderTable($('attainment'), attainmentColumns(keys), attainment.rows, state.sort, (sort) => { state.sort = sort; writeState(state); renderAttainment(); });
}

function renderOther(name) {
  const result = others[name];
  const rows = result.problem ? [] : rowsOf(result.json);
  $(`${name}-empty`).hidden = rows.length > 0;
  $(`${name}-csv`).hidden = result.status === 404;
  $(`${name}-empty`).textContent = result.status === 404 ? 'This report is not available on this server.'
    : result.problem ? `The report could not be made: ${result.problem}` : 'Nothing in this range.';
  const key = SORTS[name];
  const columns = name === 'carriers' ? carrierColumns() : genericColumns(rows);
  renderTable($(name), columns, rows, state[key], (sort) => { state[key] = sort; writeState(state); renderOther(name); });
}

/** Filter choices: what the reader may see closed in the range (the API's own scope), plus the chosen value. */
function fillOptions(rows) {
  for (const k of FILTERS) {
    const select = form.elements[k];
    const values = new Set(rows.map((r) => r.key[k]).filter(Boolean));
    if (state[k]) values.add(state[k]);
    select.length = 1;
    for (const v of [...values].sort()) select.add(new Option(v, v));
    select.value = state[k];
  }
}

async function load() {
  writeState(state);
  $('report').setAttribute('aria-busy', 'true');
  $('zone').textContent = `Dates in ${state.tz}`;
  for (const [name, url] of [['attainment', '/api/v1/reports/attainment'], ['carriers', '/api/v1/reports/carriers'], ['summary', '/api/v1/reports/summary']]) {
    $(`${name}-csv`).href = `${url}?${apiQuery(state, { attainment: name === 'attainment', csv: true })}`;
    $(`${name}-csv`).download = `${name}-${state.from}-${state.to}.csv`;
  }
  const options = new URLSearchParams({ from: state.from, to: state.to, tz: state.tz, groupBy: FILTERS.join(',') });
  const mine = ++loads;
  const [main, choices, carriers, summary] = await Promise.all([
    fetchReport(`/api/v1/reports/attainment?${apiQuery(state, { attainment: true })}`),
    fetchReport(`/api/v1/reports/attainment?${options}`),
    fetchReport(`/api/v1/reports/carriers?${apiQuery(state)}`),
    fetchReport(`/api/v1/reports/summary?${apiQuery(state)}`),
  ]);
  if (mine !== loads) return; // a later change is loading
  $('error').textContent = main.problem ? `The attainment report could not be made: ${main.problem}` : '';
  attainment = main.problem ? { rows: [] } : main.json;
  fillOptions(choices.problem ? [] : choices.json.rows);
  renderAttainment();
  Object.assign(others, { carriers, summary });
  renderOther('carriers');
  renderSummary(summary);
  $('report').setAttribute('aria-busy', 'false');
}

function bindForm() {
  form.elements.from.value = state.from;
  form.elements.to.value = state.to;
  form.elements.by.value = state.by;
  form.elements.period.value = state.period;
  form.addEventListener('change', () => {
    if (!form.elements.from.value || !form.elements.to.value) return;
    Object.assign(state, { from: form.elements.from.value, to: form.elements.to.value, by: form.elements.by.value, period: form.elements.period.value });
    for (const k of FILTERS) state[k] = form.elements[k].value;
    load();
  });
  form.addEventListener('submit', (e) => e.preventDefault());
}

bindForm();
showSession($('session')).then(load);

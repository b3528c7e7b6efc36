// The executive summary on the Reports page: a card per customer with its score, the trend against the previous period
// (arrow and change), its four parts next to it, and on hover the formula worked out with the customer's own figures;
// then the worst lanes and the most common reasons, as the API words them.
import { countdown, durationMs } from './format.js';

const $ = (id) => document.getElementById(id);
const num = (v) => (v == null ? '—' : String(v));
const percent = (v) => (v == null ? '—' : `${Math.round(v * 1000) / 10} %`);
const duration = (v) => { const ms = durationMs(v); return ms == null ? '—' : countdown(ms, false); };

function trend(row) {
  if (row.trend == null) return { arrow: '•', text: 'no previous period', state: 'flat' };
  const sign = row.trend > 0 ? '+' : row.trend < 0 ? '−' : '±';
  const arrow = row.trend > 0 ? '▲' : row.trend < 0 ? '▼' : '▶';
  return { arrow, text: `${sign}${Math.abs(row.trend)} vs ${row.previousScore}`, state: row.trend > 0 ? 'up' : row.trend < 0 ? 'down' : 'flat' };
}

/** The parts with the figures behind them, in words. */
function parts(row, target) {
  const p = row.points;
  const left = 'left out of the score';
  return [
    ['Attainment', p.attainment, row.met + row.missed === 0 ? `none closed: ${left}` : `${row.met} met, ${row.missed} missed (${percent(row.attainment)})`],
    ['Breaches prevented', p.breachesPrevented, row.settledEscalations === 0 ? `no escalation finished: ${left}`
      : `${row.breachesPrevented} of ${row.settledEscalations} finished escalations on time`],
    ['Time to acknowledge', p.timeToAcknowledge, row.acknowledged === 0 ? `none acknowledged: ${left}`
      : `median ${duration(row.medianTimeToAcknowledge)} of ${row.acknowledged} acknowledged, target ${duration(target)}`],
    ['Open breaches', p.openBreaches, `${row.openBreaches} open past the deadline`],
  ];
}

function card(row, report) {
  const t = trend(row);
  const li = Object.assign(document.createElement('li'), { className: 'score-card' });
  li.dataset.customer = row.customer;
  li.tabIndex = 0;
  li.title = [`${row.customer}: ${row.working}`, ...parts(row, report.acknowledgeTarget).map(([name, points, why]) => `${name} ${num(points)}: ${why}`), '', report.formula].join('\n');
  const head = Object.assign(document.createElement('p'), { className: 'score-head' });
  head.append(
    Object.assign(document.createElement('span'), { className: 'score-name', textContent: row.customer }),
    Object.assign(document.createElement('span'), { className: 'score', textContent: num(row.score) }),
    Object.assign(document.createElement('span'), { className: `score-trend ${t.state}`, textContent: `${t.arrow} ${t.text}` }));
  const list = document.createElement('dl');
  for (const [name, points, why] of parts(row, report.acknowledgeTarget)) {
    list.append(Object.assign(document.createElement('dt'), { textContent: `${name} ${num(points)}` }), Object.assign(document.createElement('dd'), { textContent: why }));
  }
  li.append(head, list);
  return li;
}

function fill(list, items, text) {
  list.replaceChildren(...items.map((i) => Object.assign(document.createElement('li'), { textContent: text(i) })));
  if (items.length === 0) list.append(Object.assign(document.createElement('li'), { className: 'empty-state', textContent: 'None in this range.' }));
}

/** result: { json } or { problem, status } as the page's fetch answers. */
export function renderSummary(result) {
  const report = result.problem ? null : result.json;
  const rows = report?.customers ?? [];
  $('summary-empty').hidden = rows.length > 0;
  $('summary-csv').hidden = result.status === 404;
  $('summary-empty').textContent = result.status === 404 ? 'This report is not available on this server.'
    : result.problem ? `The report could not be made: ${result.problem}` : 'Nothing in this range.';
  $('summary-formula').textContent = report?.formula ?? '';
  $('summary-cards').replaceChildren(...rows.map((r) => card(r, report)));
  fill($('summary-lanes'), report?.worstLanes ?? [], (l) => `${l.lane}: ${percent(l.attainment)} (${l.met} met, ${l.missed} missed)`);
  fill($('summary-reasons'), report?.topReasons ?? [], (r) => r.text);
}

// One promise: facts, predicted completion against the deadline, reasons, timeline in site time, corrections, escalations.
import { getJson, showSession } from './http.js';
import { ESCALATION, countdown, durationMs, percent, statusLabel, timeElement, viewerTime, words } from './format.js';
import { drawPicture } from './picture.js';

const $ = (id) => document.getElementById(id);
const ticketRef = decodeURIComponent(location.pathname.split('/').pop());
const text = (tag, value) => Object.assign(document.createElement(tag), { textContent: value ?? '—' });
let promise = null;

function fact(term, value) {
  const div = document.createElement('div');
  const dd = document.createElement('dd');
  dd.append(value instanceof Node ? value : document.createTextNode(value ?? '—'));
  div.append(text('dt', term), dd);
  return div;
}

/** Paused time by blame category, when the engine sends it (an object of category → duration). */
function pausedByBlame(p) {
  const entry = Object.entries(p).find(([k, v]) => /^paused/i.test(k) && v && typeof v === 'object' && !Array.isArray(v));
  if (!entry) return '';
  const parts = Object.entries(entry[1])
    .map(([k, v]) => [k, durationMs(v)])
    .filter(([, ms]) => ms)
    .map(([k, ms]) => `${k} ${countdown(ms, false)}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

function render() {
  const p = promise;
  const now = Date.now();
  const open = !p.closedAt;
  const end = open ? now : Date.parse(p.closedAt);
  const paused = durationMs(p.pausedFor) ?? 0;
  const left = Date.parse(p.deadline) - end;
  $('facts').replaceChildren(
    fact('Opened', timeElement(p.openedAt)),
    fact('Deadline', timeElement(p.deadline, { seconds: true })),
    fact('Elapsed', countdown(end - Date.parse(p.openedAt) - paused, false)),
    fact('Paused', countdown(paused, false) + pausedByBlame(p)),
    open ? fact(left < 0 ? 'Overdue by' : 'Remaining', countdown(Math.abs(left))) : fact(p.status === 'MET' ? 'Met with' : 'Closed', p.status === 'MET' ? `${countdown(left, false)} to spare` : timeElement(p.closedAt)),
    fact('Stage', words(p.stage)),
    fact('Probability late', p.estimateSource ? `${percent(p.probabilityLate)} (${p.estimateSource})` : percent(p.probabilityLate)),
    fact('Predicted completion', p.predictedCompletion ? timeElement(p.predictedCompletion) : 'not predicted yet'),
  );
  drawPicture($('picture'), $('picture-text'), p, now);
}

function renderStatic() {
  const p = promise;
  document.title = `SlaMonitor · ${p.ticketRef}`;
  $('ticket').textContent = p.ticketRef;
  $('status').textContent = statusLabel(p.status);
  $('status').className = `badge s-${p.status}`;
  $('summary').textContent = `${p.customer} · site ${p.site} (${p.region}) · ${p.serviceLevel}` +
    `${p.carrier ? ` · carrier ${p.carrier}` : ''} · judged by policy ${p.serviceLevel} version ${p.policyVersion}`;
  const reasons = (p.reasons ?? []).map((r) => text('li', typeof r === 'string' ? r : r.text ?? JSON.stringify(r)));
  $('reasons').replaceChildren(...(reasons.length ? reasons : [text('li', 'No reasons: nothing threatens this promise.')]));
  const rows = (p.timeline ?? []).map((e) => {
    const tr = document.createElement('tr');
    const occurred = document.createElement('td');
    occurred.append(timeElement(e.occurredAt, { seconds: true }));
    const received = document.createElement('td');
    received.append(timeElement(e.receivedAt, { seconds: true }));
    tr.append(occurred, text('td', `${e.kind} · ${e.code}`), text('td', e.carrier), text('td', e.location),
      text('td', e.shipmentRef), text('td', e.reason), text('td', e.note), received,
      text('td', e.void ? `void: “${e.void.reason}”, ${e.void.by}` : ''));
    if (e.void) tr.className = 'void';
    return tr;
  });
  $('timeline').tBodies[0].replaceChildren(...rows);
  renderCorrections(p.corrections ?? []);
  render();
}

const CORRECTION = {
  void: (c) => `Voided ${c.carrier} event ${c.eventId}`,
  close: () => 'Closed by hand, fulfilled at ',
  reopen: () => 'Reopened',
  moveDeadline: () => 'Deadline moved to ',
};

/** Corrections made by hand, oldest first: what, why, who and when. */
function renderCorrections(corrections) {
  const rows = corrections.map((c) => {
    const tr = document.createElement('tr');
    const made = document.createElement('td');
    made.append(timeElement(c.madeAt, { seconds: true }));
    const what = text('td', (CORRECTION[c.action] ?? (() => c.action))(c));
    if (c.at && c.action !== 'void') what.append(timeElement(c.at, { seconds: true }));
    tr.append(made, what, text('td', c.reason), text('td', c.by));
    return tr;
  });
  $('corrections').tBodies[0].replaceChildren(...rows);
  $('corrections').hidden = rows.length === 0;
  $('corrections-empty').hidden = rows.length > 0;
}

/** The promise's escalations, newest first: level, state, who acknowledged it and when, outcome. */
async function loadEscalations() {
  const page = await getJson(`/api/v1/escalations?ticketRef=${encodeURIComponent(ticketRef)}&limit=100`);
  const when = (iso) => (iso ? viewerTime(iso) : '—');
  const rows = page.items.reverse().map((e) => {
    const tr = document.createElement('tr');
    const ack = e.acknowledgedBy ? `${e.acknowledgedBy}, ${when(e.acknowledgedAt)}${e.acknowledgeNote ? `: “${e.acknowledgeNote}”` : ''}` : 'not acknowledged';
    tr.append(text('td', when(e.openedAt)), text('td', `L${e.level}`), Object.assign(text('td', ESCALATION[e.state] ?? e.state), { className: `s-${e.state}` }),
      text('td', ack), text('td', e.assignedTo ?? 'unassigned'), text('td', when(e.resolvedAt)), text('td', e.outcome ? ESCALATION[e.outcome] ?? e.outcome : '—'));
    return tr;
  });
  $('escalations').tBodies[0].replaceChildren(...rows);
  $('escalations').hidden = rows.length === 0;
  $('escalations-empty').hidden = rows.length > 0;
}

async function load() {
  try {
    promise = await getJson(`/api/v1/promises/${encodeURIComponent(ticketRef)}`);
    renderStatic();
    await loadEscalations();
    $('promise').setAttribute('aria-busy', 'false');
  } catch (e) {
    if (String(e).includes('404')) {
      $('promise').hidden = true;
      $('missing').hidden = false;
    }
  }
}

showSession($('session')).then(load);
setInterval(load, 10000);
setInterval(() => { if (promise) render(); }, 1000);

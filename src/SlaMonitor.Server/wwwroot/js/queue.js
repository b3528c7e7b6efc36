// The escalation queue: unresolved escalations, to acknowledge and assign from the board.
import { postJson } from './http.js';
import { ESCALATION, ago, statusLabel, words } from './format.js';
import { keepEscalation } from './feed.js';

const MAX = 200;
// What the board says about an escalation's latest alert; nothing while it is queued or once it is delivered.
const ALERT = { retrying: '⚠ Alert not delivered yet: retrying', failed: '⚠ Alert not delivered: given up after the last try' };
const el = (tag, className, text) => Object.assign(document.createElement(tag), { className, textContent: text ?? '' });
// Not acknowledged first, then the highest level, then the soonest deadline.
const order = (a, b) => (a.state === 'open' ? 0 : 1) - (b.state === 'open' ? 0 : 1) || b.level - a.level
  || Date.parse(a.deadline) - Date.parse(b.deadline);

/** Renders `feed.escalations` that pass `visible(e)` into `list`. */
export function escalationQueue(list, summary, { escalations, visible }) {
  const items = new Map();

  function info(e) {
    const div = el('div', 'esc-info');
    const link = el('a', 'esc-ticket', e.ticketRef);
    link.href = `/promise/${encodeURIComponent(e.ticketRef)}`;
    const age = el('span', 'age', ago(e.openedAt));
    age.dataset.opened = e.openedAt;
    const head = el('p', 'esc-head');
    head.append(el('span', 'esc-level', `L${e.level}`), ' ', link, ' · ', el('span', `esc-status s-${e.promiseStatus}`, statusLabel(e.promiseStatus)), ' · ', age);
    const state = el('p', 'esc-line');
    const at = e.acknowledgedAt ? new Date(e.acknowledgedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : '';
    state.append(el('span', 'esc-state', ESCALATION[e.state] ?? e.state),
      el('span', 'esc-who', e.acknowledgedBy ? ` by ${e.acknowledgedBy} at ${at}${e.acknowledgeNote ? `: “${e.acknowledgeNote}”` : ''}` : ''),
      ' · ', el('span', 'esc-assigned', e.assignedTo ? `Assigned to ${e.assignedTo}` : 'Unassigned'));
    state.title = state.textContent;
    const where = el('p', 'esc-where', `${e.customer} · ${e.site}${e.carrier ? ` · ${e.carrier}` : ''} · ${e.region}`);
    const reason = el('p', 'esc-reason', e.reasons?.[0] ?? words(e.reasonKey));
    reason.title = reason.textContent;
    div.append(head, state, where, reason);
    const alert = ALERT[e.alertState];
    if (alert) div.append(el('p', 'esc-alert', alert));
    // Hidden once the window is over, even before the escalation changes again.
    if (e.silencedUntil && Date.parse(e.silencedUntil) > Date.now()) {
      const until = new Date(e.silencedUntil).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
      div.append(el('p', 'esc-silenced', `🔕 Silenced until ${until}`));
    }
    if (e.incidentMembers > 1) div.append(el('p', 'esc-incident', `Incident ${e.incidentKey}: ${e.incidentMembers} promises`));
    return div;
  }

  function form(li, e, kind) {
    li.querySelector('form')?.remove();
    const f = el('form', 'esc-form');
    f.setAttribute('aria-label', `${kind === 'ack' ? 'Acknowledge' : 'Assign'} ${e.ticketRef}`);
    const field = (label, name, value) => {
      const l = el('label', '', label);
      const input = Object.assign(document.createElement('input'), { name, value: value ?? '', autocomplete: 'off' });
      l.append(input);
      return l;
    };
    // Who acknowledged is the signed-in key's name, taken by the server; only the note is asked for.
    if (kind === 'ack') f.append(field('Note', 'note', ''));
    else f.append(field('Assign to', 'to', e.assignedTo ?? ''));
    const error = el('p', 'error');
    error.setAttribute('role', 'alert');
    f.append(el('button', '', kind === 'ack' ? 'Acknowledge' : 'Assign'), el('button', 'link cancel', 'Cancel'), error);
    f.querySelector('.cancel').type = 'button';
    const close = () => { f.remove(); li.querySelector(`.do-${kind}`)?.focus(); };
    f.querySelector('.cancel').addEventListener('click', close);
    f.addEventListener('keydown', (ev) => { if (ev.key === 'Escape') close(); });
    f.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const data = Object.fromEntries(new FormData(f));
      try {
        const view = await postJson(`/api/v1/escalations/${e.id}/${kind === 'ack' ? 'acknowledge' : 'assign'}`, data);
        keepEscalation(escalations, { ...view, revision: (escalations.get(e.id)?.revision ?? 0) + 1 });
        close();
        render();
      } catch (err) {
        error.textContent = `Not saved: ${err.message}`;
      }
    });
    li.append(f);
    f.elements[0].focus();
  }

  function item(e) {
    let li = items.get(e.id);
    if (!li) {
      li = el('li', 'esc');
      li.dataset.id = e.id;
      const actions = el('div', 'esc-actions');
      const ack = el('button', 'do-ack', 'Acknowledge…');
      const assign = el('button', 'do-assign', 'Assign…');
      ack.type = assign.type = 'button';
      ack.addEventListener('click', () => form(li, escalations.get(li.dataset.id), 'ack'));
      assign.addEventListener('click', () => form(li, escalations.get(li.dataset.id), 'assign'));
      actions.append(ack, assign);
      li.append(info(e), actions);
      items.set(e.id, li);
    } else {
      li.firstChild.replaceWith(info(e));
    }
    li.dataset.ticket = e.ticketRef;
    li.className = `esc e-${e.state} s-${e.promiseStatus}`;
    li.querySelector('.do-ack').hidden = e.state !== 'open';
    return li;
  }

  function render() {
    const shown = [...escalations.values()].filter(visible).sort(order);
    // A hub outage can open thousands: the page keeps the first MAX cards; the summary counts them all.
    const wanted = shown.slice(0, MAX).map(item);
    const ids = new Set(shown.slice(0, MAX).map((e) => e.id));
    for (const [id, li] of items) if (!ids.has(id)) { li.remove(); items.delete(id); }
    // Reorder only while nobody is working in the queue, so focus and a half-typed note are not lost.
    const current = [...list.children];
    if (!list.contains(document.activeElement) && (current.length !== wanted.length || wanted.some((li, i) => current[i] !== li))) {
      list.replaceChildren(...wanted);
    } else for (const li of wanted) if (!li.isConnected) list.append(li);
    const open = shown.filter((e) => e.state === 'open').length;
    summary.textContent = shown.length === 0 ? 'No open escalations.' : `${open} not acknowledged, ${shown.length - open} acknowledged`
      + (shown.length > MAX ? ` (first ${MAX} shown; filters narrow the queue)` : '');
  }

  list.addEventListener('focusout', () => setTimeout(() => { if (!list.contains(document.activeElement)) render(); }));
  const tick = () => { for (const a of list.querySelectorAll('.age')) a.textContent = ago(a.dataset.opened); };
  return { render, tick };
}

// The live connection: a snapshot of the open promises, then only the rows that changed.
import { boardHeaders, toSignIn } from './http.js';
import { OPEN } from './format.js';

/** Flattens a board row: the API's promise view plus revision, shipment references and the deadline in ms. */
function normalise(row) {
  const p = row.promise;
  return {
    ...p,
    revision: row.revision,
    shipmentRefs: row.shipmentRefs ?? [],
    deadlineMs: Date.parse(p.deadline),
    seenAt: Date.now(),
    topReason: Array.isArray(p.reasons) && p.reasons.length > 0 ? reasonText(p.reasons[0]) : '',
  };
}

/** Reasons are words today; the engine may send objects: show their text. */
const reasonText = (r) => (typeof r === 'string' ? r : r?.text ?? r?.message ?? JSON.stringify(r));

/**
 * Keeps rows by ticket reference and tells `onChange(changedTickets, isSnapshot)` after each message.
 * `onState(state)` reports 'connecting' | 'live' | 'reconnecting' | 'offline'.
 * Unresolved escalations are kept by id; `onEscalations()` is told after each change.
 */
export function connect({ onChange, onState, onEscalations }) {
  const rows = new Map();
  const escalations = new Map();
  let loading = null;
  let snapshotTimer = null;
  const connection = new signalR.HubConnectionBuilder()
    .withUrl('/board/hub', { headers: boardHeaders })
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (c) => Math.min(1000 * 2 ** c.previousRetryCount, 15000) })
    .configureLogging(signalR.LogLevel.Warning)
    .build();

  const subscribe = async () => {
    clearTimeout(snapshotTimer);
    // The feed answers within a tick; if the answer was lost, ask again.
    snapshotTimer = setTimeout(subscribe, 15000);
    await connection.invoke('Subscribe');
  };

  connection.on('snapshot', (chunk) => {
    if (chunk.first) loading = new Map();
    for (const row of chunk.rows) loading?.set(row.promise.ticketRef, normalise(row));
    if (chunk.last && loading) {
      clearTimeout(snapshotTimer);
      rows.clear();
      for (const [k, v] of loading) rows.set(k, v);
      loading = null;
      onState('live');
      onChange([...rows.keys()], true);
    }
  });

  connection.on('changes', (changed) => {
    const tickets = [];
    for (const raw of changed) {
      const row = normalise(raw);
      const held = rows.get(row.ticketRef) ?? loading?.get(row.ticketRef);
      if (held && held.revision > row.revision) continue;
      const target = loading ?? rows;
      if (OPEN.includes(row.status)) target.set(row.ticketRef, row);
      else target.delete(row.ticketRef);
      tickets.push(row.ticketRef);
    }
    if (!loading && tickets.length) onChange(tickets, false);
  });

  connection.on('escalations', (batch) => {
    if (batch.snapshot) escalations.clear();
    for (const raw of batch.items) keepEscalation(escalations, { ...raw.escalation, revision: raw.revision,
      incidentKey: raw.incidentKey, incidentMembers: raw.incidentMembers });
    onEscalations?.();
  });

  connection.onreconnecting(() => onState('reconnecting'));
  connection.onreconnected(() => subscribe());
  connection.onclose(() => onState('offline'));

  const start = async () => {
    onState('connecting');
    try {
      await connection.start();
      await subscribe();
    } catch (error) {
      if (String(error).includes('401')) return toSignIn();
      onState('offline');
      setTimeout(start, 5000);
    }
  };
  start();
  return { rows, escalations, connection };
}

/** Keeps the newest revision of an escalation; a resolved one leaves the queue. */
export function keepEscalation(escalations, e) {
  const held = escalations.get(e.id);
  if (held && held.revision > e.revision) return;
  if (e.state === 'resolved') escalations.delete(e.id);
  else escalations.set(e.id, { ...held, ...e });
}

// The columns of the report tables: attainment's known figures, and the other reports' rows read as they come.
import { countdown, durationMs, words } from './format.js';

const LOST = ['customer', 'customs', 'carrier', 'weather', 'other'];

const percent = (v) => (v == null ? '—' : `${Math.round(v * 1000) / 10} %`);
const duration = (v) => { const ms = durationMs(v); return ms == null ? '—' : countdown(ms, false); };

export function attainmentColumns(keys) {
  const key = (k) => ({ id: k, label: words(k), value: (r) => r.key[k] ?? null, text: (r) => r.key[k] ?? '—' });
  const count = (k) => ({ id: k, label: words(k), numeric: true, value: (r) => r[k], text: (r) => String(r[k]) });
  return [
    ...keys.map(key), count('met'), count('missed'), count('cancelled'),
    { id: 'attainment', label: 'Attainment', numeric: true, value: (r) => r.attainment, text: (r) => percent(r.attainment), title: 'met ÷ (met + missed)' },
    ...LOST.map((b) => ({
      id: `lost-${b}`, label: `Lost: ${b}`, numeric: true, title: `Paused time blamed on ${b}`,
      value: (r) => durationMs(r.lostTime?.[b]), text: (r) => duration(r.lostTime?.[b]),
    })),
    { id: 'medianMargin', label: 'Median margin', numeric: true, title: 'deadline − closed (negative when late)', value: (r) => durationMs(r.medianMargin), text: (r) => duration(r.medianMargin) },
  ];
}

/** Columns for a report whose rows are read as they come: nested objects become "parent · child" columns. */
export function genericColumns(rows) {
  const columns = new Map();
  const visit = (row, path) => {
    for (const [k, v] of Object.entries(row)) {
      const id = [...path, k];
      if (v && typeof v === 'object' && !Array.isArray(v)) visit(v, id);
      else if (!columns.has(id.join('.'))) columns.set(id.join('.'), column(id));
    }
  };
  for (const r of rows) visit(r, []);
  return [...columns.values()];
}

/** A column of a generic report: shares as percentages, ISO durations in words, lists joined. */
function column(path) {
  const read = (r) => path.reduce((v, k) => (v == null ? v : v[k]), r);
  const name = path[path.length - 1];
  const isShare = /attainment|share|onTime|percent|pct/i.test(name) && !/per/i.test(name);
  return {
    id: path.join('.'),
    label: path.map(words).join(' · '),
    numeric: true,
    value: (r) => { const v = read(r); return typeof v === 'string' ? durationMs(v) ?? v : Array.isArray(v) ? v.length : v ?? null; },
    text: (r) => {
      const v = read(r);
      if (v == null) return '—';
      if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' ? x.text ?? x.reason ?? x.name ?? Object.values(x).join(' ') : x)).join('; ') || '—';
      if (typeof v === 'number') return isShare && v <= 1 ? percent(v) : String(Math.round(v * 100) / 100);
      return durationMs(v) != null && /^-?P/.test(v) ? duration(v) : String(v);
    },
  };
}

export const rowsOf = (json) => json?.rows ?? json?.carriers ?? json?.customers ?? json?.items ?? (Array.isArray(json) ? json : []);

// Statuses, durations and times. Colour is never the only signal: every status has an icon and a word.
export const STATUS = {
  ON_TRACK: { icon: '✓', text: 'On track' },
  AT_RISK: { icon: '▲', text: 'At risk' },
  BREACHED: { icon: '✕', text: 'Breached' },
  PAUSED: { icon: '⏸︎', text: 'Paused' },
  MET: { icon: '✓', text: 'Met' },
  MISSED: { icon: '✕', text: 'Missed' },
  CANCELLED: { icon: '–', text: 'Cancelled' },
};
export const OPEN = ['ON_TRACK', 'AT_RISK', 'BREACHED', 'PAUSED'];

export const statusLabel = (status) => {
  const s = STATUS[status] ?? { icon: '?', text: status };
  return `${s.icon} ${s.text}`;
};

/** 1h 02m 03s; "−12m 05s" when negative (past the deadline). */
export function countdown(ms, withSeconds = true) {
  const overdue = ms < 0;
  let s = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(s / 86400); s %= 86400;
  const h = Math.floor(s / 3600); s %= 3600;
  const m = Math.floor(s / 60); s %= 60;
  const pad = (n) => String(n).padStart(2, '0');
  let text = d > 0 ? `${d}d ${h}h ${pad(m)}m` : h > 0 ? `${h}h ${pad(m)}m` : `${m}m`;
  if (withSeconds && d === 0 && h < 10) text += ` ${pad(s)}s`;
  return overdue ? `−${text}` : text;
}

/** ISO 8601 duration (PT1H30M, P1DT2H, 01:30:00 from .NET TimeSpan) to milliseconds; null when absent. */
export function durationMs(value) {
  if (value == null) return null;
  if (typeof value === 'number') return value * 1000;
  const iso = /^(-)?P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(value);
  if (iso) {
    const [, neg, d, h, m, s] = iso;
    const ms = (((+(d ?? 0) * 24 + +(h ?? 0)) * 60 + +(m ?? 0)) * 60 + +(s ?? 0)) * 1000;
    return neg ? -ms : ms;
  }
  const span = /^(-)?(?:(\d+)\.)?(\d+):(\d+):(\d+(?:\.\d+)?)$/.exec(value);
  if (span) {
    const [, neg, d, h, m, s] = span;
    const ms = (((+(d ?? 0) * 24 + +h) * 60 + +m) * 60 + +s) * 1000;
    return neg ? -ms : ms;
  }
  return null;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The wall-clock time written in an ISO string with offset (the API sends site times): "Mon 23 Nov 10:00 UTC+01:00". */
export function siteTime(iso, { seconds = false, offset = true } = {}) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/.exec(iso ?? '');
  if (!m) return iso ?? '';
  const [, y, mo, d, h, mi, s, off] = m;
  const day = DAYS[new Date(Date.UTC(+y, +mo - 1, +d)).getUTCDay()];
  const clock = seconds ? `${h}:${mi}:${s}` : `${h}:${mi}`;
  const zone = off === 'Z' ? 'UTC' : `UTC${off}`;
  return `${day} ${+d} ${MONTHS[+mo - 1]} ${clock}${offset ? ' ' + zone : ''}`;
}

const viewerFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZoneName: 'short',
});
export const viewerTime = (iso) => viewerFormat.format(new Date(iso));

const clocks = new Map();
/** The current time at a site, from its IANA zone. */
export function localClock(timeZone, now) {
  if (!timeZone) return '';
  let format = clocks.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', weekday: 'short' });
    clocks.set(timeZone, format);
  }
  return format.format(now);
}

/** InTransit / IN_TRANSIT → "In transit". */
export const words = (s) =>
  (s ? String(s).replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase().replace(/^./, (c) => c.toUpperCase()) : '—');

export const percent = (p) => (p == null ? '—' : `${Math.round(p * 100)} %`);

/** A <time> element showing site time, with the viewer's time on hover and focus. */
export function timeElement(iso, options) {
  const time = document.createElement('time');
  time.dateTime = iso;
  time.textContent = siteTime(iso, options);
  time.dataset.viewer = `Your time: ${viewerTime(iso)}`;
  time.tabIndex = 0;
  return time;
}

/** Escalation states and outcomes, each with an icon and words. */
export const ESCALATION = {
  open: '● Open, not acknowledged',
  acknowledged: '✓ Acknowledged',
  resolved: '– Resolved',
  MET: '✓ Met: breach prevented',
  MISSED: '✕ Missed',
  RECOVERED: '↺ Recovered to on track',
  CANCELLED: '– Cancelled',
  MANUAL: '– Resolved by hand',
};

/** "3m ago", "1h 05m ago" from an ISO instant. */
export const ago = (iso, now = Date.now()) => `${countdown(Math.max(0, now - Date.parse(iso)), false)} ago`;

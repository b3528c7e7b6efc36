// The promise as a picture: time allowed (opened → deadline), time used, now, and the predicted completion.
import { countdown, siteTime } from './format.js';

const NS = 'http://www.w3.org/2000/svg';
const W = 1000;
const H = 120;

function svg(tag, attrs, content) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (content != null) el.textContent = content;
  return el;
}

export function drawPicture(container, caption, p, now) {
  const opened = Date.parse(p.openedAt);
  const deadline = Date.parse(p.deadline);
  const closed = p.closedAt ? Date.parse(p.closedAt) : null;
  const predicted = p.predictedCompletion ? Date.parse(p.predictedCompletion) : null;
  const current = closed ?? now;
  const last = Math.max(deadline, predicted ?? 0, current);
  const span = (last - opened) * 1.08 || 1;
  const x = (t) => 20 + ((t - opened) / span) * (W - 40);
  const late = predicted != null && predicted > deadline;
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': 'picture-text' });
  root.append(
    svg('rect', { x: x(opened), y: 40, width: x(deadline) - x(opened), height: 26, fill: '#21262d', stroke: '#30363d' }),
    svg('rect', { x: x(opened), y: 46, width: Math.max(0, x(Math.min(current, deadline)) - x(opened)), height: 14, fill: 'var(--link)' }),
    svg('rect', { x: x(deadline), y: 46, width: Math.max(0, x(current) - x(deadline)), height: 14, fill: 'var(--bad)' }),
    svg('line', { x1: x(deadline), x2: x(deadline), y1: 28, y2: 80, stroke: 'var(--bad)', 'stroke-width': 3 }),
    svg('text', { x: x(deadline), y: 22, 'text-anchor': 'middle' }, `Deadline ${siteTime(p.deadline, { offset: false }).slice(-5)}`),
    svg('line', { x1: x(current), x2: x(current), y1: 34, y2: 72, stroke: 'var(--fg)', 'stroke-dasharray': '4 3' }),
    svg('text', { x: x(current), y: 96, 'text-anchor': 'middle' }, closed ? 'Closed' : 'Now'),
    svg('text', { x: x(opened), y: 22 }, 'Opened'),
  );
  if (predicted != null && !closed) {
    const px = x(predicted);
    root.append(
      svg('path', { d: `M${px} 38 l10 15 l-10 15 l-10 -15 z`, fill: late ? 'var(--bad)' : 'var(--ok)', stroke: '#000' }),
      svg('text', { x: px, y: 114, 'text-anchor': 'middle' }, `${late ? '✕' : '✓'} Predicted ${siteTime(p.predictedCompletion, { offset: false }).slice(-5)}`),
    );
  }
  container.replaceChildren(root);
  caption.textContent = closed
    ? `Closed ${siteTime(p.closedAt)}, ${closed <= deadline ? `${countdown(deadline - closed, false)} before` : `${countdown(closed - deadline, false)} after`} the deadline ${siteTime(p.deadline)}.`
    : predicted == null
      ? `No predicted completion yet (no history for this lane). Deadline ${siteTime(p.deadline)}; ${deadline >= now ? `${countdown(deadline - now)} left` : `${countdown(now - deadline)} past it`}.`
      : `Predicted completion ${siteTime(p.predictedCompletion)}: ${late ? `${countdown(predicted - deadline, false)} after` : `${countdown(deadline - predicted, false)} before`} the deadline ${siteTime(p.deadline)}.`;
}

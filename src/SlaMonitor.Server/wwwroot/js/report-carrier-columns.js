// The carrier scorecards' columns (GET /api/v1/reports/carriers): the headline figures with their definitions on hover;
// every figure is in the CSV. Changes are against the previous period of equal length.
import { countdown, durationMs } from './format.js';

const share = (v) => (v == null ? '—' : `${Math.round(v * 1000) / 10}\u00a0%`); // no break before the sign
const number = (v) => (v == null ? '—' : String(v));
const duration = (v) => { const ms = durationMs(v); return ms == null ? '—' : countdown(ms, false); };
const points = (v) => (v == null ? '—' : `${v > 0 ? '+' : ''}${Math.round(v * 1000) / 10}\u00a0pt`);
const signed = (v) => (v == null ? '—' : `${v > 0 ? '+' : ''}${v}`);

const read = (path) => (r) => path.split('.').reduce((v, k) => (v == null ? v : v[k]), r);

function col(id, label, title, text, numeric = true) {
  const value = read(id);
  return {
    id, label, title, numeric,
    value: (r) => { const v = value(r); return typeof v === 'string' && /^-?P/.test(v) ? durationMs(v) : v ?? null; },
    text: (r) => text(value(r)),
  };
}

export const carrierColumns = () => [
  col('carrier', 'Carrier', 'The carrier or customs broker (by the events it sent)', (v) => v, false),
  col('promises', 'Promises', 'Promises carried (closed in the range), met + missed + cancelled', number),
  col('promisesChange', 'Δ promises', 'Against the previous period of equal length', signed),
  col('onTime', 'On time', 'met ÷ (met + missed)', share),
  col('onTimeChange', 'Δ on time', 'Against the previous period of equal length, in percentage points', points),
  col('pickupToDelivered.median', 'Pickup → delivered', 'Median time from the first PICKED_UP to the first DELIVERED', duration),
  col('pickupToDelivered.p90', 'p90', '90th percentile of pickup → delivered', duration),
  col('customsHolds', 'Customs holds', 'HELD events sent by this broker', number),
  col('customsRelease.median', 'Median release', 'Median time from HELD to the next RELEASED', duration),
  col('scanGapP95', 'Scan gap p95', '95th percentile of the time between consecutive shipment scans', duration),
  col('exceptionsPer100', 'Exceptions /100', 'EXCEPTION events per 100 shipments', number),
  col('delaysPer100', 'Delays /100', 'DELAYED events per 100 shipments', number),
  col('lateEventShare', 'Late events', 'Share of events received more than 15 minutes after they occurred', share),
  col('rejectionsPer1000', 'Rejections /1000', 'Webhook requests answered other than 202, per 1,000 requests', number),
];

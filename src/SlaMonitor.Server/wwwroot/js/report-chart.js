// The attainment chart (Chart.js, vendored): bars per group over the whole range, or a line per group over the periods.
// A text summary says the same in words.
const css = (name) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();
const COLOURS = ['#79c0ff', '#3fb950', '#e3b341', '#ff6b61', '#a5b4fc', '#f778ba', '#56d4dd', '#d2a8ff'];
const MAX_LINES = COLOURS.length;
let chart = null;

const rate = (r) => (r.attainment == null ? null : Math.round(r.attainment * 1000) / 10);

/** rows: the report's rows; group(row) → the group's name; period(row) → the period's label or null. */
export function drawAttainment(canvas, summary, rows, group, period) {
  chart?.destroy();
  const axis = { color: css('--fg-muted') };
  const options = {
    animation: false, responsive: true, maintainAspectRatio: false,
    plugins: { legend: { display: !!period, labels: { color: css('--fg-muted'), boxWidth: 12 } } },
    scales: {
      y: { min: 0, max: 100, ticks: { ...axis, callback: (v) => `${v}%` }, grid: { color: css('--grid') } },
      x: { ticks: { ...axis, maxRotation: 0, autoSkipPadding: 8 }, grid: { display: false } },
    },
  };
  if (period) {
    const labels = [...new Set(rows.map(period))].sort();
    const volume = new Map();
    for (const r of rows) volume.set(group(r), (volume.get(group(r)) ?? 0) + r.met + r.missed);
    const groups = [...volume].sort((a, b) => b[1] - a[1]).slice(0, MAX_LINES).map(([g]) => g);
    const datasets = groups.map((g, i) => ({
      label: g, borderColor: COLOURS[i], backgroundColor: COLOURS[i], spanGaps: true, pointRadius: 3,
      data: labels.map((l) => rate(rows.find((r) => group(r) === g && period(r) === l) ?? {})),
    }));
    chart = new Chart(canvas, { type: 'line', data: { labels, datasets }, options });
  } else {
    const data = rows.map(rate);
    chart = new Chart(canvas, {
      type: 'bar',
      data: { labels: rows.map(group), datasets: [{ label: 'Attainment %', data, backgroundColor: css('--ok') }] },
      options,
    });
  }
  const words = rows.map((r) => `${group(r)}${period ? ` ${period(r)}` : ''}: ${rate(r) == null ? 'no met or missed' : `${rate(r)} %`} (${r.met} met, ${r.missed} missed)`);
  summary.textContent = rows.length === 0 ? 'No promise closed in this range.' : words.join('; ');
}

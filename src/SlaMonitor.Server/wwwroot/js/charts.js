// Two small charts (Chart.js, vendored): attainment per day, and at-risk / breached promises by carrier.
// Each chart also has a text summary, so the numbers do not depend on seeing the picture.
const css = (name) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();

const common = {
  animation: false,
  responsive: true,
  maintainAspectRatio: false,
  plugins: { legend: { labels: { color: css('--fg-muted'), boxWidth: 12 } } },
};

export function attainmentChart(canvas, summary) {
  const chart = new Chart(canvas, {
    type: 'line',
    data: { labels: [], datasets: [{ label: 'Attainment % (met / closed)', data: [], borderColor: css('--ok'), backgroundColor: css('--ok'), spanGaps: true, pointRadius: 3 }] },
    options: {
      ...common,
      scales: {
        y: { min: 0, max: 100, ticks: { color: css('--fg-muted'), callback: (v) => `${v}%` }, grid: { color: css('--grid') } },
        x: { ticks: { color: css('--fg-muted'), maxRotation: 0, autoSkipPadding: 8 }, grid: { display: false } },
      },
    },
  });
  return (days) => {
    chart.data.labels = days.map((d) => d.date.slice(5));
    chart.data.datasets[0].data = days.map((d) => (d.met + d.missed === 0 ? null : Math.round((100 * d.met) / (d.met + d.missed))));
    chart.update('none');
    const closed = days.filter((d) => d.met + d.missed > 0);
    summary.textContent = closed.length === 0
      ? 'No promises closed in the last 14 days.'
      : closed.map((d) => `${d.date}: ${d.met} met, ${d.missed} missed`).join('; ');
  };
}

export function carrierChart(canvas, summary) {
  const chart = new Chart(canvas, {
    type: 'bar',
    data: {
      labels: [],
      datasets: [
        { label: '▲ At risk', data: [], backgroundColor: css('--risk') },
        { label: '✕ Breached', data: [], backgroundColor: css('--bad') },
      ],
    },
    options: {
      ...common,
      indexAxis: 'y',
      scales: {
        x: { stacked: true, beginAtZero: true, ticks: { color: css('--fg-muted'), precision: 0 }, grid: { color: css('--grid') } },
        y: { stacked: true, ticks: { color: css('--fg-muted') }, grid: { display: false } },
      },
    },
  });
  let last = '';
  return (rows) => {
    const counts = new Map();
    for (const r of rows) {
      if (r.status !== 'AT_RISK' && r.status !== 'BREACHED') continue;
      const c = counts.get(r.carrier ?? '—') ?? { risk: 0, bad: 0 };
      if (r.status === 'AT_RISK') c.risk++; else c.bad++;
      counts.set(r.carrier ?? '—', c);
    }
    const entries = [...counts].sort((a, b) => b[1].risk + b[1].bad - (a[1].risk + a[1].bad)).slice(0, 8);
    const key = JSON.stringify(entries);
    if (key === last) return;
    last = key;
    chart.data.labels = entries.map(([k]) => k);
    chart.data.datasets[0].data = entries.map(([, c]) => c.risk);
    chart.data.datasets[1].data = entries.map(([, c]) => c.bad);
    chart.update('none');
    summary.textContent = entries.length === 0
      ? 'No promise is at risk or breached.'
      : entries.map(([k, c]) => `${k}: ${c.risk} at risk, ${c.bad} breached`).join('; ');
  };
}

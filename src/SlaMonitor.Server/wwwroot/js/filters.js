// Filters and search, kept in the URL so a view can be shared and survives a reload.
const KEYS = ['status', 'region', 'customer', 'carrier', 'level', 'q'];

export function readFilters() {
  const params = new URLSearchParams(location.search);
  return Object.fromEntries(KEYS.map((k) => [k, params.get(k) ?? '']));
}

export function writeFilters(filters) {
  const params = new URLSearchParams();
  for (const k of KEYS) if (filters[k]) params.set(k, filters[k]);
  const query = params.toString();
  history.replaceState(null, '', query ? `?${query}` : location.pathname);
}

/** Everything but the status: the headline counts open / at risk / breached within these. */
export function matchesScope(row, f) {
  if (f.region && row.region !== f.region) return false;
  if (f.customer && row.customer !== f.customer) return false;
  if (f.carrier && (row.carrier ?? '') !== f.carrier) return false;
  if (f.level && row.serviceLevel !== f.level) return false;
  if (f.q) {
    const q = f.q.trim().toLowerCase();
    if (q && !row.ticketRef.toLowerCase().includes(q) && !row.shipmentRefs.some((s) => s.toLowerCase().includes(q))) return false;
  }
  return true;
}

export const matches = (row, f) => (!f.status || row.status === f.status) && matchesScope(row, f);

/** Keeps each select's options to the values present (plus the chosen one), sorted. */
export function refreshOptions(form, rows, filters) {
  const fields = { region: 'region', customer: 'customer', carrier: 'carrier', level: 'serviceLevel' };
  for (const [name, field] of Object.entries(fields)) {
    const select = form.elements[name];
    const values = new Set();
    for (const row of rows) if (row[field]) values.add(row[field]);
    if (filters[name]) values.add(filters[name]);
    const sorted = [...values].sort();
    const current = [...select.options].slice(1).map((o) => o.value);
    if (sorted.join('\n') === current.join('\n')) continue;
    select.length = 1;
    for (const v of sorted) select.add(new Option(v, v));
    select.value = filters[name];
  }
}

export function bindForm(form, filters, onInput) {
  for (const k of KEYS) form.elements[k].value = filters[k];
  let timer;
  form.addEventListener('input', (e) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      for (const k of KEYS) filters[k] = form.elements[k].value;
      writeFilters(filters);
      onInput();
    }, e.target.name === 'q' ? 150 : 0);
  });
  form.addEventListener('submit', (e) => e.preventDefault());
  form.addEventListener('reset', () => setTimeout(() => form.dispatchEvent(new Event('input')), 0));
}

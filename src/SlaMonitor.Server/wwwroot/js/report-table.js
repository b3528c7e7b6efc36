// A sortable report table: a button in each column's header sorts by it, a second press reverses the order.
// Empty values sort last either way. The caller keeps the order (in the URL) and renders again.

/**
 * columns: [{ id, label, title?, value(row) → number | string | null (for sorting), text(row) → string, numeric? }]
 * sort: "column" (ascending) or "-column" (descending); onSort(sort) when a header is pressed.
 */
export function renderTable(table, columns, rows, sort, onSort) {
  const desc = sort.startsWith('-');
  const id = desc ? sort.slice(1) : sort;
  const column = columns.find((c) => c.id === id);
  const sorted = column ? [...rows].sort((a, b) => compare(column.value(a), column.value(b), desc)) : rows;

  const head = document.createElement('tr');
  for (const c of columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.dataset.column = c.id;
    if (c.numeric) th.className = 'num';
    if (c.title) th.title = c.title;
    th.setAttribute('aria-sort', c === column ? (desc ? 'descending' : 'ascending') : 'none');
    const button = Object.assign(document.createElement('button'), { type: 'button', className: 'link sort', textContent: c.label });
    button.addEventListener('click', () => onSort(c === column && !desc ? `-${c.id}` : c.id));
    th.append(button);
    head.append(th);
  }
  const body = sorted.map((row) => {
    const tr = document.createElement('tr');
    for (const c of columns) {
      const td = Object.assign(document.createElement('td'), { textContent: c.text(row) });
      if (c.numeric) td.className = 'num';
      tr.append(td);
    }
    return tr;
  });
  const thead = document.createElement('thead');
  const tbody = document.createElement('tbody');
  thead.append(head);
  tbody.append(...body);
  table.replaceChildren(thead, tbody);
}

function compare(a, b, desc) {
  const empty = (v) => v == null || v === '';
  if (empty(a) || empty(b)) return empty(a) - empty(b);
  const order = typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), undefined, { numeric: true });
  return desc ? -order : order;
}

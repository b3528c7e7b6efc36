// A virtualised list: only the visible rows (plus a few) exist in the DOM, so 10,000 rows scroll smoothly.
// Keyboard: arrows, Page Up/Down, Home/End move the active row; Enter opens it.
const OVERSCAN = 6;

export class VirtualList {
  constructor(viewport, { createRow, renderRow, onOpen, label }) {
    this.viewport = viewport;
    this.createRow = createRow;
    this.renderRow = renderRow;
    this.onOpen = onOpen;
    this.rows = [];
    this.active = -1;
    this.pool = [];
    this.spacer = document.createElement('div');
    this.spacer.className = 'list-spacer';
    this.spacer.setAttribute('role', 'rowgroup');
    viewport.append(this.spacer);
    viewport.tabIndex = 0;
    viewport.setAttribute('role', 'grid');
    viewport.setAttribute('aria-label', label);
    this.measure();
    let scheduled = false;
    viewport.addEventListener('scroll', () => {
      if (scheduled) return;
      scheduled = true;
      requestAnimationFrame(() => { scheduled = false; this.render(); });
    });
    new ResizeObserver(() => { this.measure(); this.render(); }).observe(viewport);
    viewport.addEventListener('keydown', (e) => this.key(e));
    viewport.addEventListener('click', (e) => {
      const el = e.target.closest('[data-index]');
      if (el) this.setActive(+el.dataset.index, false);
    });
  }

  measure() {
    this.rowHeight = parseFloat(getComputedStyle(this.viewport).getPropertyValue('--row-h')) || 40;
    this.headHeight = this.viewport.querySelector('.head')?.offsetHeight ?? 0;
  }

  /** Replaces the rows. `anchor` keeps the first visible row where it is on screen (unless at the top). */
  setRows(rows, key) {
    const top = this.viewport.scrollTop;
    const first = Math.floor(top / this.rowHeight);
    const anchor = top > 0 ? this.rows[first] : null;
    const offset = first * this.rowHeight - top;
    const activeKey = this.rows[this.active] ? key(this.rows[this.active]) : null;
    this.rows = rows;
    this.viewport.setAttribute('aria-rowcount', String(rows.length));
    this.spacer.style.height = `${rows.length * this.rowHeight}px`;
    if (anchor) {
      const at = rows.findIndex((r) => key(r) === key(anchor));
      if (at >= 0) this.viewport.scrollTop = at * this.rowHeight - offset;
    }
    this.active = activeKey ? rows.findIndex((r) => key(r) === activeKey) : -1;
    this.render();
  }

  /** Replaces row objects without moving anything (used while the reader's pointer is on the list). */
  replaceInPlace(index, row) {
    this.rows[index] = row;
  }

  render() {
    const height = this.viewport.clientHeight;
    const first = Math.max(0, Math.floor(this.viewport.scrollTop / this.rowHeight) - OVERSCAN);
    const last = Math.min(this.rows.length, Math.ceil((this.viewport.scrollTop + height) / this.rowHeight) + OVERSCAN);
    const needed = last - first;
    while (this.pool.length < needed) {
      const el = this.createRow();
      el.setAttribute('role', 'row');
      this.spacer.append(el);
      this.pool.push(el);
    }
    for (let i = 0; i < this.pool.length; i++) {
      const el = this.pool[i];
      const index = first + i;
      if (index >= last) { el.hidden = true; continue; }
      el.hidden = false;
      el.dataset.index = String(index);
      el.id = `row-${index}`;
      el.setAttribute('aria-rowindex', String(index + 2));
      el.style.transform = `translateY(${index * this.rowHeight}px)`;
      el.classList.toggle('active', index === this.active);
      this.renderRow(el, this.rows[index], index);
    }
    const activeEl = this.active >= first && this.active < last;
    if (activeEl) this.viewport.setAttribute('aria-activedescendant', `row-${this.active}`);
    else this.viewport.removeAttribute('aria-activedescendant');
  }

  setActive(index, scroll = true) {
    if (this.rows.length === 0) return;
    this.active = Math.max(0, Math.min(this.rows.length - 1, index));
    if (scroll) {
      const top = this.active * this.rowHeight;
      const bottom = top + this.rowHeight;
      if (top < this.viewport.scrollTop) this.viewport.scrollTop = top;
      else if (bottom > this.viewport.scrollTop + this.viewport.clientHeight - this.headHeight) {
        this.viewport.scrollTop = bottom - this.viewport.clientHeight + this.headHeight;
      }
    }
    this.render();
  }

  key(e) {
    const page = Math.max(1, Math.floor((this.viewport.clientHeight - this.headHeight) / this.rowHeight) - 1);
    const moves = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    if (e.key in moves) this.setActive((this.active < 0 ? 0 : this.active + moves[e.key]));
    else if (e.key === 'Home') this.setActive(0);
    else if (e.key === 'End') this.setActive(this.rows.length - 1);
    else if (e.key === 'Enter' && this.rows[this.active]) this.onOpen(this.rows[this.active]);
    else return;
    e.preventDefault();
  }
}

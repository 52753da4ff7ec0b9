// A table sortable by any column: each header is a button (click, or Enter/Space from the keyboard); a second
// activation reverses the order. The header's aria-sort says the current order. Sorting is stable (ties keep the
// original order). Each cell carries data-value, the value it sorts by (or the exact text from the API).
import { el } from './ui.js';

/**
 * columns: [{label, value: row -> number|string (sort key), text: row -> string (shown; default the value),
 *            raw: row -> string (data-value; default the value), numeric: true (right-aligned),
 *            cls: row -> class name}]
 * Returns {table, setRows(rows), sortBy(index, descending)}.
 */
export function sortableTable(columns, rows, { label, emptyText = 'Nothing yet.' } = {}) {
  let data = rows.map((r, i) => ({ r, i }));
  let sorted = { index: -1, descending: false };
  const headers = columns.map((c, index) => {
    const button = el('button', { type: 'button', class: 'sort' }, c.label, el('span', { class: 'arrow',
      'aria-hidden': 'true' }));
    button.addEventListener('click', () => sortBy(index, sorted.index === index ? !sorted.descending : false));
    return el('th', { scope: 'col', 'aria-sort': 'none', class: c.numeric ? 'num' : null }, button);
  });
  const body = el('tbody');
  const table = el('table', { class: 'data sortable', 'aria-label': label }, el('thead', {}, el('tr', {}, headers)),
    body);

  function render() {
    if (data.length === 0) {
      body.replaceChildren(el('tr', {}, el('td', { colspan: columns.length, class: 'empty' }, emptyText)));
      return;
    }
    const fragment = document.createDocumentFragment();
    for (const { r } of data) {
      fragment.append(el('tr', {}, columns.map(c => {
        const v = c.value(r);
        const raw = c.raw ? c.raw(r) : v;
        const cls = [c.numeric ? 'num' : '', c.cls ? c.cls(r) : ''].join(' ').trim();
        return el('td', { class: cls || null, 'data-value': raw === null || raw === undefined ? '' : String(raw) },
          c.text ? c.text(r) : v === null || v === undefined ? '' : String(v));
      })));
    }
    body.replaceChildren(fragment);
  }

  function compare(a, b) {
    if (a === b) {
      return 0;
    }
    if (a === null || a === undefined) {
      return 1;
    }
    if (b === null || b === undefined) {
      return -1;
    }
    return a < b ? -1 : 1;
  }

  function sortBy(index, descending) {
    const c = columns[index];
    sorted = { index, descending };
    data.sort((x, y) => {
      const d = compare(c.value(x.r), c.value(y.r));
      return d === 0 ? x.i - y.i : descending ? -d : d;
    });
    headers.forEach((h, i) => h.setAttribute('aria-sort', i !== index ? 'none' : descending ? 'descending'
      : 'ascending'));
    render();
  }

  function setRows(newRows) {
    data = newRows.map((r, i) => ({ r, i }));
    if (sorted.index >= 0) {
      sortBy(sorted.index, sorted.descending);
    } else {
      render();
    }
  }

  render();
  return { table, setRows, sortBy };
}

// Audit log: pages of GET /api/audit (oldest first; the server pages by 'afterId', the id of the last entry of the
// page before), filtered by actor and by action prefix. Each row shows its hash and the previous row's hash.
import { start, api, showError } from '../app.js';
import { el, fmt, fillBody } from '../ui.js';

const table = document.getElementById('audit');
const filter = document.getElementById('audit-filter');
const info = document.getElementById('page-info');
const first = document.getElementById('first');
const prev = document.getElementById('prev');
const next = document.getElementById('next');
const limit = document.getElementById('limit');
let starts = [0]; // afterId of each page seen so far; the last is the current page
let nextAfterId = null;

function query() {
  const p = new URLSearchParams({ afterId: String(starts[starts.length - 1]), limit: limit.value });
  for (const name of ['actor', 'action']) {
    const v = document.getElementById(name).value.trim();
    if (v) {
      p.set(name, v);
    }
  }
  return p;
}

function row(e) {
  return el('tr', {},
    el('td', { class: 'num' }, String(e.id)),
    el('td', {}, fmt.time(e.time)),
    el('td', { class: 'mono' }, e.actor),
    el('td', { class: 'mono' }, e.action),
    el('td', { class: 'mono' }, e.target),
    el('td', { class: 'wrap' }, e.details),
    el('td', { class: 'mono small', title: `hash ${e.hash}, previous ${e.prevHash}` }, e.hash.slice(0, 12) + '…'));
}

async function load() {
  const page = await api('GET', '/api/audit?' + query());
  fillBody(table.tBodies[0], page.entries.map(row), 7, starts.length > 1 ? 'No more entries.'
    : 'No entries match.');
  nextAfterId = page.nextAfterId;
  const n = page.entries.length;
  info.textContent = n ? `Page ${starts.length}: entries ${page.entries[0].id} to ${page.entries[n - 1].id}`
    : `Page ${starts.length}: no entries`;
  first.disabled = prev.disabled = starts.length === 1;
  next.disabled = nextAfterId === null || n < Number(limit.value);
}

async function main() {
  await start('audit');
  table.prepend(el('thead', {}, el('tr', {}, ['#', 'Time', 'Actor', 'Action', 'Target', 'Details', 'Hash']
    .map(h => el('th', { scope: 'col' }, h)))));
  filter.addEventListener('submit', ev => {
    ev.preventDefault();
    starts = [0];
    load().catch(showError);
  });
  first.addEventListener('click', () => {
    starts = [0];
    load().catch(showError);
  });
  prev.addEventListener('click', () => {
    starts.pop();
    load().catch(showError);
  });
  next.addEventListener('click', () => {
    starts.push(nextAfterId);
    load().catch(showError);
  });
  await load();
}

main().catch(showError);

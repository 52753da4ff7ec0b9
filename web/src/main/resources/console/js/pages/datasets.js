// Data sets: upload a bar CSV (trader; read in full by the server, refused with its line and reason when bad),
// the uploaded data sets, importing one into the database (trader; symbol and venue, optional) and the series
// stored there.
import { start, api, can, live, notify, showError } from '../app.js';
import { el, fmt, fillBody, throttle } from '../ui.js';
import { uploadBox } from '../upload.js';
import { field, showFieldError, clearFieldErrors, formErrorBox } from '../fields.js';
import { timeframeLabel } from '../runform.js';

const sets = document.getElementById('datasets');
const stored = document.getElementById('stored');
const dialog = document.getElementById('import-dialog');
const importForm = document.getElementById('import-form');
const importError = formErrorBox();
const symbol = field('Symbol', el('input', { type: 'text', name: 'symbol', autocomplete: 'off',
  placeholder: 'from the file name' }), 'E.g. BTCUSDT; leave empty when the file name starts with it');
const venue = field('Venue', el('input', { type: 'text', name: 'venue', autocomplete: 'off', value: 'BINANCE' }),
  'The exchange the bars come from');
const importFields = new Map([['symbol', symbol], ['venue', venue], ['name', symbol]]);
let importing = null;

function head(table, titles) {
  table.prepend(el('thead', {}, el('tr', {}, titles.filter(t => t).map(t => el('th', { scope: 'col' }, t)))));
}

function openImport(d) {
  importing = d;
  document.getElementById('import-name').textContent = `${d.name}: ${fmt.int(d.bars)} bars of ${d.timeframe}`;
  clearFieldErrors(importError, importFields);
  dialog.showModal();
  symbol.input.focus();
}

async function importSet(ev) {
  ev.preventDefault();
  const body = {};
  if (symbol.input.value.trim()) {
    body.symbol = symbol.input.value.trim();
  }
  if (venue.input.value.trim()) {
    body.venue = venue.input.value.trim();
  }
  clearFieldErrors(importError, importFields);
  try {
    const r = await api('POST', `/api/datasets/${encodeURIComponent(importing.name)}/import`, body);
    dialog.close();
    notify(`${importing.name}: ${fmt.int(r.inserted)} bars stored as ${r.instrument} ${r.timeframe}`
      + (r.alreadyThere ? `, ${fmt.int(r.alreadyThere)} were there already` : '') + '.');
    await load();
  } catch (e) {
    showFieldError(importError, importFields, e);
  }
}

function setRow(d) {
  return el('tr', { id: 'dataset-' + d.name, dataset: { name: d.name } },
    el('td', { class: 'mono' }, d.name),
    el('td', {}, d.timeframe),
    el('td', { class: 'num' }, fmt.int(d.bars)),
    el('td', {}, fmt.time(d.first)),
    el('td', {}, fmt.time(d.last)),
    el('td', { class: 'num' }, fmt.int(d.gaps)),
    el('td', { class: 'num' }, fmt.bytes(d.bytes)),
    can('trader') ? el('td', { class: 'row-actions' }, el('button', { type: 'button', class: 'small',
      'aria-label': `Import ${d.name} into the database`, onclick: () => openImport(d) }, 'Import…')) : null);
}

function storedRow(s) {
  return el('tr', {},
    el('td', { class: 'mono' }, `${s.instrument.symbol}.${s.instrument.venue}`),
    el('td', {}, timeframeLabel(s.timeframe.millis)),
    el('td', { class: 'num' }, fmt.int(s.bars)),
    el('td', {}, fmt.time(s.first)),
    el('td', {}, fmt.time(s.last)));
}

async function load() {
  const data = await api('GET', '/api/datasets');
  fillBody(sets.tBodies[0], data.datasets.map(setRow), 8, 'No data sets uploaded yet.');
  fillBody(stored.tBodies[0], data.stored.map(storedRow), 5, 'No bars stored in the database yet.');
}

async function main() {
  await start('datasets');
  head(sets, ['File', 'Bars of', 'Bars', 'First bar', 'Last bar', 'Gaps', 'Size', can('trader') ? 'Actions' : null]);
  head(stored, ['Instrument', 'Bars of', 'Bars', 'First bar', 'Last bar']);
  document.getElementById('import-fields').append(importError, symbol.box, venue.box);
  importForm.addEventListener('submit', importSet);
  document.getElementById('import-cancel').addEventListener('click', () => dialog.close());
  if (can('trader')) {
    document.getElementById('upload-card').hidden = false;
    document.getElementById('upload').append(uploadBox({
      label: 'Bar file (CSV)', accept: '.csv', path: '/api/datasets',
      hint: 'A .csv of OHLCV bars: Binance klines, or time, open, high, low, close, volume with or without a header'
        + ' (epoch or ISO-8601 times). The file is read in full; a bad row is refused with its line number.',
      done: d => {
        notify(`${d.name}: ${fmt.int(d.bars)} bars of ${d.timeframe} from ${fmt.time(d.first)} to ${fmt.time(d.last)}`
          + (d.gaps ? `, ${d.gaps} gap(s)` : '') + '.');
        load().catch(showError);
      },
    }));
  }
  await load();
  live('dataset', throttle(() => load().catch(showError), 500));
}

main().catch(showError);

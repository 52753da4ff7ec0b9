// A stored parameter study (study.html?id=N, from 'quantplug optimize'): the best trial, the Deflated Sharpe Ratio
// and the PBO; a heat map of the objective over the two parameters the grid varied (when it varied two); the
// walk-forward windows with the out-of-sample equity compounded window by window; and every trial, sortable.
import { start, api, showError } from '../app.js';
import { el, fmt, param, sign } from '../ui.js';
import { sortableTable } from '../table.js';

const id = Number(param('id'));
const SVG = 'http://www.w3.org/2000/svg';

function tile(k, v, s) {
  return el('div', { class: 'metric' }, el('div', { class: 'k' }, k),
    el('div', { class: 'v ' + (s === undefined ? '' : sign(s)) }, v));
}

/** The parameters whose values differ between trials, in the order of the first trial's parameters. */
function varied(trials) {
  return Object.keys(trials[0].parameters).filter(p => new Set(trials.map(t => t.parameters[p])).size > 1);
}

const numeric = v => (isNaN(Number(v)) ? v : Number(v));
const byValue = (a, b) => (numeric(a) < numeric(b) ? -1 : numeric(a) > numeric(b) ? 1 : 0);

/** Red (lowest) to green (highest) through pale yellow; grey for an undefined value. */
function colour(v, lo, hi) {
  if (v === null || v === undefined || !isFinite(v)) {
    return '#e5e7eb';
  }
  const t = hi > lo ? (v - lo) / (hi - lo) : 0.5;
  const hue = Math.round(120 * t);
  return `hsl(${hue}, 70%, 62%)`;
}

function heatMap(study, xName, yName) {
  const objective = study.objective;
  const xs = [...new Set(study.trials.map(t => t.parameters[xName]))].sort(byValue);
  const ys = [...new Set(study.trials.map(t => t.parameters[yName]))].sort(byValue);
  const cell = new Map(study.trials.map(t => [t.parameters[xName] + '|' + t.parameters[yName], t]));
  const values = study.trials.map(t => t.metrics[objective]).filter(v => v !== null && isFinite(v));
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const best = study.best.parameters;
  const head = el('tr', {}, el('th', { scope: 'col' }, `${yName} \\ ${xName}`),
    ...xs.map(x => el('th', { scope: 'col' }, x)));
  const rows = ys.map(y => el('tr', {}, el('th', { scope: 'row' }, y), ...xs.map(x => {
    const t = cell.get(x + '|' + y);
    if (!t) {
      return el('td', { class: 'heat empty' }, '');
    }
    const v = t.metrics[objective];
    const td = el('td', { class: 'heat' + (t.parameters[xName] === best[xName] && t.parameters[yName] === best[yName]
      ? ' best' : ''), title: `${xName}=${x}, ${yName}=${y}: ${objective} ${v === null ? 'n/a' : fmt.num(v, 4)}` },
    v === null ? 'n/a' : fmt.num(v, 2));
    td.style.backgroundColor = colour(v, lo, hi);
    return td;
  })));
  return el('table', { class: 'heatmap' }, el('thead', {}, head), el('tbody', {}, ...rows));
}

function walkForward(study) {
  const windows = study.windows;
  let equity = 1;
  const points = [[windows[0].outOfSampleFrom, 1]];
  for (const w of windows) {
    equity *= 1 + w.outOfSampleMetrics.totalReturn;
    points.push([w.outOfSampleTo, equity]);
  }
  const width = 640;
  const height = 200;
  const lo = Math.min(...points.map(p => p[1]));
  const hi = Math.max(...points.map(p => p[1]));
  const x = i => 20 + (width - 40) * i / (points.length - 1);
  const y = v => 10 + (height - 20) * (hi > lo ? (hi - v) / (hi - lo) : 0.5);
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('width', width);
  svg.setAttribute('height', height);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', 'Out-of-sample equity, compounded window by window');
  svg.setAttribute('class', 'walk-equity');
  const line = document.createElementNS(SVG, 'polyline');
  line.setAttribute('points', points.map((p, i) => `${x(i)},${y(p[1])}`).join(' '));
  line.setAttribute('fill', 'none');
  line.setAttribute('stroke', '#4a78c2');
  line.setAttribute('stroke-width', '2');
  svg.append(line);
  points.forEach((p, i) => {
    const dot = document.createElementNS(SVG, 'circle');
    dot.setAttribute('cx', x(i));
    dot.setAttribute('cy', y(p[1]));
    dot.setAttribute('r', 3);
    dot.setAttribute('fill', '#4a78c2');
    const title = document.createElementNS(SVG, 'title');
    title.textContent = `${fmt.time(p[0])}: ${fmt.num(p[1], 4)}`;
    dot.append(title);
    svg.append(dot);
  });
  document.getElementById('walk-chart').append(svg);
  document.getElementById('walk-help').textContent = `${windows.length} windows (in sample ${study.walkForward.in},`
    + ` out of sample ${study.walkForward.out}${study.walkForward.anchored ? ', anchored' : ''}): out-of-sample`
    + ` return ${fmt.pct(study.walkForward.outOfSampleReturn)}, walk-forward efficiency`
    + ` ${study.walkForward.efficiency === null ? 'undefined' : fmt.num(study.walkForward.efficiency, 3)}.`;
  document.getElementById('windows').append(sortableTable([
    { label: 'Out of sample from', value: w => w.outOfSampleFrom, text: w => fmt.time(w.outOfSampleFrom) },
    { label: 'to', value: w => w.outOfSampleTo, text: w => fmt.time(w.outOfSampleTo) },
    { label: 'Parameters', value: w => Object.entries(w.parameters).map(([k, v]) => `${k}=${v}`).join(', ') },
    { label: 'In-sample return', numeric: true, value: w => w.inSampleMetrics.totalReturn,
      text: w => fmt.pct(w.inSampleMetrics.totalReturn) },
    { label: 'Out-of-sample return', numeric: true, value: w => w.outOfSampleMetrics.totalReturn,
      text: w => fmt.pct(w.outOfSampleMetrics.totalReturn), cls: w => sign(w.outOfSampleMetrics.totalReturn) },
  ], windows, { label: 'Walk-forward windows' }).table);
  document.getElementById('walk-card').hidden = false;
}

async function main() {
  await start('backtests');
  if (!Number.isInteger(id) || id <= 0) {
    throw new Error('No study chosen: open one from the Backtests page.');
  }
  const [study, list] = await Promise.all([api('GET', `/api/studies/${id}`), api('GET', '/api/studies')]);
  const summary = list.find(s => s.id === id);
  const objective = study.objective;
  document.getElementById('crumb').textContent = `Study ${id}`;
  document.getElementById('title').textContent = summary
    ? `Study ${id}: ${summary.strategy} on ${summary.instrument} (${summary.timeframe})` : `Study ${id}`;
  document.getElementById('subtitle').textContent = `${fmt.int(study.trials.length)} trials, objective ${objective}`;
  const best = study.best;
  document.getElementById('summary').replaceChildren(
    tile('Best parameters', Object.entries(best.parameters).map(([k, v]) => `${k}=${v}`).join(', ')),
    tile(`Best ${objective}`, fmt.num(best.metrics[objective], 4), best.metrics[objective]),
    tile('Best total return', fmt.pct(best.metrics.totalReturn), best.metrics.totalReturn),
    tile('Deflated Sharpe Ratio', study.deflatedSharpe === null ? 'n/a' : fmt.num(study.deflatedSharpe, 4)),
    tile('PBO', study.pbo === null ? 'n/a' : fmt.pct(study.pbo)));
  const names = varied(study.trials);
  if (names.length === 2) {
    document.getElementById('heatmap-title').textContent = `Heat map of ${objective}`;
    document.getElementById('heatmap-help').textContent = `${names[1]} down, ${names[0]} across; green is the`
      + ` highest ${objective}, red the lowest, the outlined cell the best trial, an empty cell a set left out.`;
    document.getElementById('heatmap').append(heatMap(study, names[0], names[1]));
    document.getElementById('heatmap-card').hidden = false;
  }
  if (study.windows && study.windows.length) {
    walkForward(study);
  }
  const columns = Object.keys(study.trials[0].parameters).map(p => ({ label: p, numeric: true,
    value: t => numeric(t.parameters[p]), text: t => t.parameters[p] }));
  const metric = (label, key, pct) => ({ label, numeric: true, value: t => t.metrics[key],
    text: t => (pct ? fmt.pct(t.metrics[key]) : fmt.num(t.metrics[key], 3)) });
  document.getElementById('trials-title').textContent = `Trials (${fmt.int(study.trials.length)})`;
  document.getElementById('trials').append(sortableTable([...columns, metric('Sharpe', 'sharpe'),
    metric('Total return', 'totalReturn', true), metric('Max drawdown', 'maxDrawdown', true),
    { label: 'Trades', numeric: true, value: t => t.metrics.tradeCount }], study.trials,
  { label: 'Trials' }).table);
  document.body.dataset.rendered = 'true';
}

main().catch(showError);

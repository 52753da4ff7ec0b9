// The Monte Carlo card of a backtest's result page: resamples the run's trades (bootstrap) or bar returns
// (stationary block bootstrap) on the server (GET /api/backtests/{id}/montecarlo or /api/runs/{id}/montecarlo, the
// same study as
// 'quantplug montecarlo --run') and shows the percentiles and a histogram of the paths' total return.
import { api, showError } from './app.js';
import { el, fmt } from './ui.js';

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attrs, text) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) {
    e.setAttribute(k, String(v));
  }
  if (text !== undefined) {
    e.textContent = text;
  }
  return e;
}

/** One bar per bin; each bar's tooltip gives its range and path count. */
function histogram(h) {
  const width = 640;
  const height = 220;
  const max = Math.max(1, ...h.counts);
  const bin = (width - 40) / h.counts.length;
  const chart = svg('svg', { width, height: height + 30, role: 'img', class: 'mc-histogram',
    'aria-label': 'Histogram of the paths\' total return' });
  h.counts.forEach((c, i) => {
    const barHeight = height * c / max;
    const rect = svg('rect', { class: 'bin', x: 20 + i * bin, y: height - barHeight, width: Math.max(1, bin - 1),
      height: barHeight, fill: '#4a78c2' });
    rect.append(svg('title', {}, `${fmt.pct(h.edges[i])} to ${fmt.pct(h.edges[i + 1])}: ${fmt.int(c)} paths`));
    chart.append(rect);
  });
  chart.append(svg('text', { x: 20, y: height + 20, 'font-size': 12 }, fmt.pct(h.edges[0])));
  chart.append(svg('text', { x: width - 20, y: height + 20, 'font-size': 12, 'text-anchor': 'end' },
    fmt.pct(h.edges[h.edges.length - 1])));
  return chart;
}

function table(study) {
  const levels = ['mean', 'p1', 'p5', 'p25', 'p50', 'p75', 'p95', 'p99'];
  const head = el('tr', {}, el('th', {}, ''), el('th', {}, 'run'), ...levels.map(l => el('th', {},
    l === 'mean' ? 'mean' : l.slice(1) + ' %')));
  const row = (name, key, format) => el('tr', {}, el('td', {}, name), el('td', { class: 'num' },
    format(study.observed[key])), ...levels.map(l => el('td', { class: 'num' }, format(study[key][l]))));
  const num = v => v === null ? 'n/a' : fmt.num(v, 2);
  return el('table', { class: 'mc-table' }, el('thead', {}, head), el('tbody', {},
    row('Total return', 'totalReturn', v => v === null ? 'n/a' : fmt.pct(v)),
    row('Max drawdown', 'maxDrawdown', v => v === null ? 'n/a' : fmt.pct(v)),
    row('Sharpe', 'sharpe', num)));
}

/** Fills the card (a section with id mc-card) for the run whose API path is {@code base}, e.g. /api/runs/7. */
export function monteCarloCard(base) {
  const card = document.getElementById('mc-card');
  const method = el('select', { id: 'mc-method', 'aria-label': 'Method' },
    el('option', { value: 'trades' }, 'Bootstrap of the trades'),
    el('option', { value: 'blocks' }, 'Block bootstrap of the bar returns'));
  const paths = el('input', { id: 'mc-paths', type: 'number', min: 1, max: 20000, value: 2000,
    'aria-label': 'Paths' });
  const seed = el('input', { id: 'mc-seed', type: 'number', value: 1, 'aria-label': 'Seed' });
  const out = el('div', { id: 'mc-result' });
  const run = el('button', { type: 'button', id: 'mc-run' }, 'Run');
  run.addEventListener('click', async () => {
    run.disabled = true;
    out.replaceChildren(el('p', { class: 'muted' }, 'Simulating...'));
    try {
      const study = await api('GET', `${base}/montecarlo?method=${method.value}`
        + `&paths=${encodeURIComponent(paths.value)}&seed=${encodeURIComponent(seed.value)}`);
      out.replaceChildren(
        el('p', {}, `${fmt.int(study.paths)} paths of ${fmt.int(study.steps)} `
          + (study.method === 'trades' ? 'trades' : `bar returns in blocks of ${study.blockBars} bars on average`)
          + `, seed ${study.seed}. Probability of losing ${fmt.pct(study.lossThreshold)} or more: `
          + `${fmt.pct(study.probabilityOfLoss)}; of any loss: ${fmt.pct(study.probabilityNegative)}.`),
        table(study), el('h3', {}, 'Total return of the paths'), histogram(study.histogram));
      card.dataset.rendered = 'true';
    } catch (e) {
      out.replaceChildren();
      showError(e);
    } finally {
      run.disabled = false;
    }
  });
  card.append(el('p', { class: 'help' }, 'Resample this run into many paths to see how much of its result is the'
    + ' luck of its sequence (as quantplug montecarlo --run).'),
  el('div', { class: 'mc-form' }, el('label', {}, 'Method ', method), el('label', {}, ' Paths ', paths),
    el('label', {}, ' Seed ', seed), ' ', run), out);
  card.hidden = false;
}

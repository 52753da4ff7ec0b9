// A backtest's result page (backtest.html?id=N): waits with a progress bar while the job runs, then shows the
// run, its metrics, the candlestick chart with the trades' entries and exits, the equity and drawdown charts, and
// the trades in a sortable table (plus refused orders, risk events and plugin faults when there are any). A
// portfolio result (format quantplug-portfolio-result/1: several instruments on one account) has no price chart;
// it shows the account's metrics, equity and drawdown, the per-strategy and per-instrument tables, and the trades
// with their instrument and strategy. A stored run (backtest.html?run=N: any run of the store, e.g. one of
// 'quantplug backtest') is shown the same way from /api/runs/N, without the price chart: the store keeps no bars.
import { start, api, live, showError } from '../app.js';
import { el, fmt, sign, param, progress, throttle } from '../ui.js';
import { sortableTable } from '../table.js';
import { drawCharts } from '../charts.js';
import { monteCarloCard } from '../montecarlo.js';

const id = Number(param('id'));
const runId = Number(param('run'));
const stored = !id && Number.isInteger(runId) && runId > 0;
const base = stored ? `/api/runs/${runId}` : `/api/backtests/${id}`;

function metricTiles(run, m) {
  const cur = run.currency;
  const tiles = [
    ['Net profit', fmt.num(m.netProfit, 2) + ' ' + cur, m.netProfit], ['Total return', fmt.pct(m.totalReturn),
      m.totalReturn], ['CAGR', fmt.pct(m.cagr), m.cagr], ['Sharpe', fmt.num(m.sharpe, 2), m.sharpe],
    ['Sortino', fmt.num(m.sortino, 2), m.sortino], ['Max drawdown', fmt.pct(m.maxDrawdown)],
    ['Longest drawdown', fmt.duration(m.maxDrawdownDuration)], ['Calmar', fmt.num(m.calmar, 2)],
    ['Volatility (annualised)', fmt.pct(m.annualizedVolatility)], ['Trades', fmt.int(m.tradeCount)],
    ['Win rate', fmt.pct(m.winRate)], ['Profit factor', fmt.num(m.profitFactor, 2)],
    ['Average trade', fmt.num(m.averageTrade, 2) + ' ' + cur, m.averageTrade],
    ['Exposure', fmt.pct(m.exposure)], ['Fees', fmt.num(m.totalFees, 2) + ' ' + cur],
    ['End equity', fmt.num(m.endEquity, 2) + ' ' + cur],
  ];
  return tiles.map(([k, v, s]) => el('div', { class: 'metric' }, el('div', { class: 'k' }, k),
    el('div', { class: 'v ' + (s === undefined ? '' : sign(s)) }, s === null ? 'n/a' : v)));
}

const PORTFOLIO = 'quantplug-portfolio-result/1';

function describe(run) {
  const params = Object.entries(run.parameters || {}).map(([role, p]) => `${role.replace(/strategy:/, '')}(`
    + Object.entries(p).map(([k, v]) => `${k}=${v}`).join(', ') + ')');
  return [`${fmt.time(run.from)} to ${fmt.time(run.to)}`, `${fmt.int(run.bars)} bars of ${run.timeframe}`,
    `capital ${fmt.num(run.capital, 2)} ${run.currency}`, `fee ${run.feeBps} bps`, `slippage ${run.slippageBps} bps`,
    run.sizer ? 'sizer ' + run.sizer : null, run.enhancers.length ? 'enhancers ' + run.enhancers.join(', ') : null,
    run.riskRules.length ? 'risk ' + run.riskRules.join(', ') : null, params.join(' ')].filter(x => x).join(' · ');
}

function tradesTable(trades, portfolio) {
  // return of a round trip: P&L after fees over the entry value (entry price x quantity)
  const rows = trades.map((t, i) => ({ ...t, n: i + 1,
    ret: Number(t.pnl) / (Number(t.entryPrice) * Number(t.quantity)) }));
  const numeric = (label, key, digits) => ({ label, numeric: true, value: r => Number(r[key]), raw: r => r[key],
    text: r => digits === undefined ? r[key] : fmt.num(r[key], digits) });
  return sortableTable([
    { label: '#', numeric: true, value: r => r.n },
    portfolio ? { label: 'Instrument', value: r => r.instrument } : null,
    portfolio ? { label: 'Strategy', value: r => r.strategy } : null,
    { label: 'Side', value: r => r.side },
    { label: 'Entry time', value: r => r.entryTime, text: r => fmt.time(r.entryTime) },
    { label: 'Exit time', value: r => r.exitTime, text: r => fmt.time(r.exitTime) },
    numeric('Entry price', 'entryPrice'),
    numeric('Exit price', 'exitPrice'),
    numeric('Quantity', 'quantity'),
    numeric('Fees', 'fees', 4),
    { ...numeric('P&L', 'pnl', 2), cls: r => sign(r.pnl) },
    { label: 'Return', numeric: true, value: r => r.ret, text: r => fmt.pct(r.ret), cls: r => sign(r.ret) },
    { label: 'Exit reason', value: r => r.exitReason },
  ].filter(c => c), rows, { label: 'Trades', emptyText: 'No trades: the strategy never entered a position.' });
}

function simpleTable(label, columns, rows) {
  return sortableTable(columns.map(([title, value, kind]) => ({
    label: title, value, text: kind === 'time' ? r => fmt.time(value(r)) : undefined,
    cls: kind === 'wrap' ? () => 'wrap' : undefined,
  })), rows, { label }).table;
}

function showExtras(result) {
  const perpetual = result.perpetual || { funding: [], liquidations: [], marginCalls: [] };
  if (result.perpetual) {
    document.getElementById('funding-title').textContent = `Funding payments (${perpetual.leverage}x`
      + ` ${perpetual.marginMode.toLowerCase()} margin, mark price: bar ${perpetual.markPrice}; total`
      + ` ${fmt.num(perpetual.totalFunding, 2)} ${result.run.currency})`;
  }
  const sections = [
    ['funding', 'funding-card', perpetual.funding, [['Time', r => r.time, 'time'], ['Instrument', r => r.instrument],
      ['Rate', r => r.rate], ['Mark price', r => r.markPrice], ['Position', r => r.position],
      ['Amount', r => fmt.num(r.amount, 6)]]],
    ['liquidations', 'liquidations-card', perpetual.liquidations, [['Time', r => r.time, 'time'],
      ['Instrument', r => r.instrument], ['Position', r => r.position], ['Entry price', r => r.entryPrice],
      ['Liquidation price', r => r.liquidationPrice], ['Fill price', r => r.fillPrice],
      ['Wallet balance', r => r.walletBalance], ['Maintenance margin', r => r.maintenanceMargin],
      ['Margin', r => r.marginMode]]],
    ['margin-calls', 'margin-calls-card', perpetual.marginCalls || [], [['Time', r => r.time, 'time'],
      ['Instrument', r => r.instrument], ['Position', r => r.position], ['Mark price', r => r.markPrice],
      ['Margin balance', r => r.marginBalance], ['Maintenance margin', r => r.maintenanceMargin],
      ['Margin ratio', r => r.marginRatio]]],
    ['rejections', 'rejections-card', result.rejections, [['Time', r => r.time, 'time'],
      ['Order', r => r.clientOrderId], ['Source', r => r.source], ['Code', r => r.code], ['Rule', r => r.ruleId || ''],
      ['Message', r => r.message, 'wrap']]],
    ['risk-events', 'risk-card', result.riskEvents || [], [['Time', r => r.time, 'time'], ['Rule', r => r.ruleId],
      ['Event', r => r.eventType], ['Code', r => r.code], ['Message', r => r.message, 'wrap']]],
    ['faults', 'faults-card', result.faults, [['Time', r => new Date(r.timeMillis).toISOString(), 'time'],
      ['Extension', r => r.extensionId], ['Callback', r => r.callback], ['Error', r => r.error, 'wrap'],
      ['Action', r => r.action]]],
  ];
  for (const [box, card, rows, columns] of sections) {
    if (rows.length) {
      document.getElementById(card).hidden = false;
      document.getElementById(box).append(simpleTable(box, columns, rows));
    }
  }
}

/** The per-strategy and per-instrument tables of a portfolio result. */
function showBreakdowns(result) {
  const cur = result.run.currency;
  const money = (label, key) => ({ label, numeric: true, value: r => Number(r[key]), raw: r => r[key],
    text: r => r[key] === null ? 'n/a' : fmt.num(r[key], 2) + ' ' + cur,
    cls: key === 'fees' ? undefined : r => sign(r[key]) });
  const count = (label, key) => ({ label, numeric: true, value: r => r[key], text: r => fmt.int(r[key]) });
  document.getElementById('strategies').append(sortableTable([
    { label: 'Strategy', value: r => r.strategy, cls: () => 'mono' },
    { label: 'Instruments', value: r => r.instruments.join(', '), cls: () => 'wrap' },
    count('Trades', 'trades'), money('Net P&L', 'netPnl'), money('Fees', 'fees'),
    { label: 'Win rate', numeric: true, value: r => r.winRate, text: r => fmt.pct(r.winRate) },
    { label: 'Profit factor', numeric: true, value: r => r.profitFactor, text: r => fmt.num(r.profitFactor, 2) },
    money('Average trade', 'averageTrade'),
  ], result.strategies, { label: 'By strategy' }).table);
  document.getElementById('instruments').append(sortableTable([
    { label: 'Instrument', value: r => r.instrument, cls: () => 'mono' },
    count('Bars', 'bars'), count('Trades', 'trades'), money('Net P&L', 'netPnl'), money('Fees', 'fees'),
    ...(result.instruments.some(r => r.funding !== undefined && r.funding !== null)
      ? [{ ...money('Funding', 'funding'), text: r => r.funding == null ? '' : fmt.num(r.funding, 2) + ' ' + cur }]
      : []),
  ], result.instruments, { label: 'By instrument' }).table);
  document.getElementById('portfolio').hidden = false;
}

async function showResult() {
  const result = await api('GET', `${base}/result`);
  const portfolio = result.format === PORTFOLIO;
  const bars = portfolio || stored ? null : await api('GET', `${base}/bars`);
  const run = result.run;
  document.getElementById('title').textContent = portfolio
    ? `${[...new Set(run.books.flatMap(b => b.strategies.map(x => x.split(':')[0])))].join('+')} on`
      + ` ${run.books.length} instruments (${run.timeframe})`
    : `${run.strategy} on ${run.instrument} (${run.timeframe})`;
  document.getElementById('crumb').textContent = stored ? `Run ${runId}` : `Backtest ${id}`;
  document.getElementById('subtitle').textContent = describe(run);
  document.getElementById('waiting').hidden = true;
  document.getElementById('result').hidden = false;
  document.getElementById('metrics').replaceChildren(...metricTiles(run, result.metrics));
  const zoom = async (from, to) => {
    const range = `from=${from}&to=${to}`;
    const [fineBars, fineEquity] = await Promise.all([
      portfolio || stored ? null : api('GET', `${base}/bars?${range}`),
      api('GET', `${base}/equity?${range}`)]);
    return { bars: fineBars, equity: fineEquity.equity };
  };
  drawCharts({ price: document.getElementById('price-chart'), equity: document.getElementById('equity-chart'),
    drawdown: document.getElementById('drawdown-chart') }, result, bars, zoom);
  if (portfolio) {
    document.getElementById('price-card').hidden = true;
    document.getElementById('subtitle').textContent = 'Portfolio: ' + run.books.map(b => b.instrument).join(', ')
      + ' · ' + describe(run);
    showBreakdowns(result);
  } else if (stored) {
    document.getElementById('price-card').hidden = true;
  } else {
    const candles = fmt.int(bars.time.length);
    document.getElementById('price-note').textContent = (bars.barsPerPoint > 1
      ? `${candles} candles of ${bars.barsPerPoint} bars each. ` : `${candles} candles. `)
      + 'Green arrows mark long entries, red arrows short entries, grey arrows exits. Scroll or drag to zoom (zoomed'
      + ' in, the visible range is drawn bar by bar); the three charts move together.';
  }
  document.getElementById('trades-title').textContent = `Trades (${fmt.int(result.trades.length)})`;
  document.getElementById('trades').append(tradesTable(result.trades, portfolio).table);
  showExtras(result);
  monteCarloCard(base);
  document.body.dataset.rendered = 'true';
}

async function main() {
  await start('backtests');
  if (stored) {
    await showResult();
    return;
  }
  if (!Number.isInteger(id) || id <= 0) {
    throw new Error('No backtest chosen: open a result from the Backtests page.');
  }
  let job = await api('GET', `/api/backtests/${id}`);
  document.getElementById('crumb').textContent = `Backtest ${id}`;
  document.getElementById('title').textContent = `Backtest ${id}: ${job.strategy}`;
  if (job.status === 'COMPLETED') {
    await showResult();
    return;
  }
  const waiting = document.getElementById('waiting');
  const box = document.getElementById('wait-progress');
  waiting.hidden = false;
  let done = false;
  const check = async () => {
    if (done) {
      return;
    }
    job = await api('GET', `/api/backtests/${id}`);
    if (done) {
      return;
    }
    box.replaceChildren(el('p', {}, `${job.status.toLowerCase()} ${job.error ? ': ' + job.error : ''}`),
      progress(job.barsDone, job.barsTotal));
    if (job.status === 'COMPLETED') {
      done = true;
      clearInterval(timer);
      await showResult();
    } else if (job.status !== 'QUEUED' && job.status !== 'RUNNING') {
      done = true;
      clearInterval(timer);
      waiting.querySelector('h2').textContent = 'Ended without a result';
    }
  };
  const timer = setInterval(() => check().catch(showError), 1000);
  live('run.finished', throttle(() => check().catch(showError), 200));
  await check();
}

main().catch(showError);

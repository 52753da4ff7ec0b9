// The run form shared by the backtests page (POST /api/backtests) and the strategies page (POST /api/instances):
// a strategy and the fields of its parameter schema, the bars (an uploaded data set or a stored series), capital,
// fees and slippage, the market (spot, or a USDⓈ-M perpetual with leverage, margin mode and a funding file read in the
// browser and sent as text), and optionally a position sizer, signal enhancers and risk rules with their own
// parameters.
// The server checks the whole request; its error is shown next to the field it names ('parameters.period',
// 'riskRules[0].parameters.limit', 'capital', …).
import { api } from './app.js';
import { el, fmt, setChildren } from './ui.js';
import { field, paramGroup, showFieldError, clearFieldErrors, formErrorBox } from './fields.js';

const TIMEFRAMES = [['w', 604800000], ['d', 86400000], ['h', 3600000], ['m', 60000], ['s', 1000]];

/** The label of a bar length in milliseconds, as the server parses it: 60000 -> '1m'. */
export function timeframeLabel(millis) {
  for (const [unit, ms] of TIMEFRAMES) {
    if (millis % ms === 0) {
      return millis / ms + unit;
    }
  }
  return millis + 'ms';
}

/**
 * Builds the run form inside `form` (a <form novalidate>).
 * options: instance (true adds 'speed' and the start-now box), submitLabel, submit(body) -> Promise, done(answer).
 * Returns {reload()} to refresh the strategies and data sets (after a plugin or data set change).
 */
/** "a=1, b = 2" as {a: "1", b: "2"}; a part without '=' is kept whole as a key with an empty value (refused). */
function keyValues(text) {
  const out = {};
  for (const part of text.split(',').map(p => p.trim()).filter(p => p)) {
    const eq = part.indexOf('=');
    out[eq < 0 ? part : part.slice(0, eq).trim()] = eq < 0 ? '' : part.slice(eq + 1).trim();
  }
  return out;
}

export function runForm(form, options) {
  const state = { extensions: [], datasets: [], stored: [], strategyParams: null, sizerParams: null, extras: [] };
  const formError = formErrorBox();
  const fixed = new Map(); // server field name -> field, for the fields that are always there

  const strategy = field('Strategy', el('select', { name: 'strategy', required: true }), 'Loading strategies…');
  const paramsBox = el('fieldset', { class: 'params' }, el('legend', {}, 'Strategy parameters'));
  const source = el('select', { name: 'source' });
  const sourceField = field('Bars', source, 'An uploaded data set (Data sets page) or a series stored in the database'
    + (options.instance ? ', or an exchange\'s live bars' : ''));
  const symbol = field('Symbol', el('input', { type: 'text', name: 'symbol', autocomplete: 'off',
    placeholder: 'from the file name' }), 'Only for a data set whose file name does not start with the symbol');
  const from = field('From', el('input', { type: 'date', name: 'from' }), 'First bar (UTC day), optional');
  const to = field('To', el('input', { type: 'date', name: 'to' }), 'Bars opening before this day, optional');
  const capital = field('Capital', el('input', { type: 'text', name: 'capital', value: '10000', inputmode: 'decimal',
    class: 'num' }), 'Initial capital in the quote asset, > 0');
  const fee = field('Fee', el('input', { type: 'text', name: 'feeBps', value: '10', inputmode: 'decimal',
    class: 'num' }), 'Per fill, 0 .. 1000', { unit: 'bps' });
  const slippage = field('Slippage', el('input', { type: 'text', name: 'slippageBps', value: '0', inputmode: 'decimal',
    class: 'num' }), 'Of the price, 0 .. 1000', { unit: 'bps' });
  const speed = options.instance ? field('Speed', el('input', { type: 'text', name: 'speed', value: '10',
    inputmode: 'decimal', class: 'num' }), 'Bars replayed per second, 0.1 .. 100000', { unit: 'bars/s' }) : null;
  const startNow = options.instance ? field('Start right away', el('input', { type: 'checkbox', name: 'startNow',
    checked: true }), null, { inline: true }) : null;
  // an instance may trade an exchange adapter's live bars instead of replaying stored ones
  const exchangeTimeframe = field('Timeframe', el('select', { name: 'timeframe' },
    ['1m', '5m', '15m', '1h', '4h', '1d'].map(t => el('option', { value: t }, t))), 'Bar length of the live klines');
  const exchangeMode = field('Mode', el('select', { name: 'mode' },
    el('option', { value: 'PAPER' }, 'Paper: simulated fills'),
    el('option', { value: 'LIVE' }, 'Live: orders to the exchange (admins; keys from the server\'s environment)')),
  'Paper fills as a backtest would; live sends every order, journaled first');
  const exchangeParams = field('Adapter parameters', el('input', { type: 'text', name: 'exchangeParameters',
    autocomplete: 'off', placeholder: 'market=spot, network=testnet' }), 'KEY=VALUE pairs, comma-separated; optional');
  const warmup = field('Warm-up bars', el('input', { type: 'text', name: 'warmupBars', inputmode: 'numeric',
    class: 'num' }), 'History bars the strategy sees before trading (default: what it declares)');
  const flatten = field('Close the position on stop', el('input', { type: 'checkbox', name: 'flattenOnStop' }),
    null, { inline: true });
  const exchangeBox = el('fieldset', { class: 'exchange', hidden: true }, el('legend', {}, 'Exchange'),
    el('div', { class: 'grid' }, exchangeTimeframe.box, exchangeMode.box, exchangeParams.box, warmup.box),
    flatten.box);
  // stored or uploaded bars may be traded as a Binance USDⓈ-M perpetual: on margin, with the recorded funding
  const market = field('Market', el('select', { name: 'market' },
    el('option', { value: 'spot' }, 'Spot'),
    el('option', { value: 'usdm' }, 'USDⓈ-M perpetual: long and short on margin, with funding')),
  'A perpetual pays and receives funding at its recorded rates and is liquidated at Binance\'s price');
  const leverage = field('Leverage', el('input', { type: 'text', name: 'leverage', value: '1', inputmode: 'numeric',
    class: 'num' }), '1 up to the symbol\'s limit (125 for BTCUSDT)', { unit: 'x' });
  const marginMode = field('Margin mode', el('select', { name: 'marginMode' },
    el('option', { value: 'cross' }, 'Cross: the whole account backs the position'),
    el('option', { value: 'isolated' }, 'Isolated: the position\'s own margin')), null);
  const fundingFile = field('Funding rates', el('input', { type: 'file', name: 'fundingFile',
    accept: '.json,.csv,.txt' }), 'A file covering the bars: Binance\'s fundingRate JSON, [time, rate] pairs, or a'
    + ' CSV with a time and a rate column');
  const fundingUnit = field('Rates in', el('select', { name: 'fundingUnit' },
    el('option', { value: '' }, 'The file\'s own unit (Binance: fraction)'),
    el('option', { value: 'fraction' }, 'Fraction: 0.0001 = 0.01 %'),
    el('option', { value: 'percent' }, 'Percent')), null);
  const perpetualBox = el('div', { class: 'grid', hidden: true }, leverage.box, marginMode.box, fundingFile.box,
    fundingUnit.box);
  const marketBox = el('fieldset', { class: 'market' }, el('legend', {}, 'Market'),
    el('div', { class: 'grid' }, market.box), perpetualBox);
  market.input.addEventListener('change', () => { perpetualBox.hidden = market.input.value !== 'usdm'; });
  const sizer = field('Position sizer', el('select', { name: 'sizer' }), 'Without one, each entry invests the cash'
    + ' available');
  const sizerBox = el('div', { class: 'sub' });
  const enhancersBox = el('fieldset', { class: 'choices' }, el('legend', {}, 'Signal enhancers'));
  const rulesBox = el('fieldset', { class: 'choices' }, el('legend', {}, 'Risk rules'));
  const submit = el('button', { type: 'submit', class: 'primary' }, options.submitLabel);

  fixed.set('strategy', strategy).set('dataset', sourceField).set('symbol', symbol).set('timeframe', sourceField)
    .set('from', from).set('to', to).set('capital', capital).set('feeBps', fee).set('slippageBps', slippage)
    .set('sizer.id', sizer);
  if (speed) {
    fixed.set('speed', speed);
  }

  setChildren(form, formError,
    el('div', { class: 'grid' }, strategy.box, sourceField.box, symbol.box, from.box, to.box),
    options.instance ? exchangeBox : null,
    marketBox,
    paramsBox,
    el('fieldset', {}, el('legend', {}, 'Account'), el('div', { class: 'grid' }, capital.box, fee.box, slippage.box,
      speed ? speed.box : null)),
    el('details', { class: 'advanced' }, el('summary', {}, 'Position sizer, signal enhancers and risk rules'),
      el('div', { class: 'grid' }, sizer.box), sizerBox, enhancersBox, rulesBox),
    el('div', { class: 'actions' }, submit, startNow ? startNow.box : null));

  strategy.input.addEventListener('change', drawStrategy);
  sizer.input.addEventListener('change', drawSizer);
  source.addEventListener('change', drawSource);
  exchangeMode.input.addEventListener('change', drawSource);

  function ofKind(kind) {
    return state.extensions.filter(e => e.kind === kind);
  }

  function drawStrategy() {
    const ext = state.extensions.find(e => e.kind === 'STRATEGY' && e.id === strategy.input.value);
    strategy.box.querySelector('.help').textContent = ext ? ext.description : 'No strategy is available: upload a'
      + ' strategy plugin on the Plugins page';
    state.strategyParams = paramGroup(ext ? ext.parameters : []);
    setChildren(paramsBox, el('legend', {}, ext ? `Parameters of ${ext.name}` : 'Strategy parameters'),
      ext && ext.parameters.length === 0 ? el('p', { class: 'muted' }, 'This strategy has no parameters.') : null,
      state.strategyParams.box);
  }

  function drawSizer() {
    const ext = ofKind('POSITION_SIZER').find(e => e.id === sizer.input.value);
    state.sizerParams = ext ? paramGroup(ext.parameters) : null;
    setChildren(sizerBox, ext ? el('p', { class: 'help' }, ext.description) : null,
      state.sizerParams ? state.sizerParams.box : null);
  }

  function drawSource() {
    const stored = source.value.startsWith('stored:');
    const exchange = source.value.startsWith('exchange:');
    symbol.box.hidden = stored;
    symbol.input.placeholder = exchange ? 'as the exchange lists it, e.g. BTCUSDT' : 'from the file name';
    symbol.box.querySelector('.help').textContent = exchange ? 'Required: the symbol as the exchange lists it'
      : 'Only for a data set whose file name does not start with the symbol';
    exchangeBox.hidden = !exchange;
    marketBox.hidden = exchange; // an exchange's live bars trade spot
    for (const f of [from, to, speed]) {
      if (f) {
        f.box.hidden = exchange;
      }
    }
    flatten.box.hidden = exchangeMode.input.value !== 'LIVE';
  }

  /** A checkbox per enhancer or rule; checking one shows its parameters. */
  function drawChoices(box, legend, extensions) {
    const items = extensions.map(ext => {
      const check = el('input', { type: 'checkbox', id: 'use-' + box.dataset.kind + '-' + ext.id, value: ext.id });
      const group = paramGroup(ext.parameters);
      const sub = el('div', { class: 'sub', hidden: true }, el('p', { class: 'help' }, ext.description), group.box);
      const error = el('p', { class: 'field-error', hidden: true });
      check.addEventListener('change', () => { sub.hidden = !check.checked; });
      return { ext, check, group, error, box: el('div', { class: 'choice' },
        el('label', { for: check.id }, check, ' ', ext.name, ' ', el('span', { class: 'mono muted' }, ext.id)), error,
        sub) };
    });
    setChildren(box, el('legend', {}, legend), items.length ? items.map(i => i.box)
      : el('p', { class: 'muted' }, 'None installed.'));
    return items;
  }

  async function reload() {
    const [extensions, data] = await Promise.all([api('GET', '/api/extensions'), api('GET', '/api/datasets')]);
    state.extensions = extensions;
    state.datasets = data.datasets;
    state.stored = data.stored;
    const keep = { strategy: strategy.input.value, source: source.value, sizer: sizer.input.value };
    const strategies = ofKind('STRATEGY');
    strategy.input.replaceChildren(...strategies.map(e => el('option', { value: e.id }, `${e.name} (${e.id})`)));
    if (strategies.some(e => e.id === keep.strategy)) {
      strategy.input.value = keep.strategy;
    }
    setChildren(source,
      el('optgroup', { label: 'Uploaded data sets' }, state.datasets.map(d => el('option', {
        value: 'dataset:' + d.name }, `${d.name} (${d.timeframe}, ${fmt.int(d.bars)} bars)`))),
      state.stored.length ? el('optgroup', { label: 'Stored in the database' }, state.stored.map(s => {
        const tf = timeframeLabel(s.timeframe.millis);
        return el('option', { value: `stored:${s.instrument.symbol}:${s.instrument.venue}:${tf}` },
          `${s.instrument.symbol}.${s.instrument.venue} ${tf} (${fmt.int(s.bars)} bars)`);
      })) : null);
    const adapters = options.instance ? ofKind('EXCHANGE_ADAPTER') : [];
    if (adapters.length) {
      source.append(el('optgroup', { label: 'Live bars from an exchange' }, adapters.map(e => el('option', {
        value: 'exchange:' + e.id }, `${e.name} (${e.id})`))));
    }
    if ([...source.options].some(o => o.value === keep.source)) {
      source.value = keep.source;
    }
    if (source.options.length === 0) {
      source.append(el('option', { value: '' }, 'No data: upload a CSV on the Data sets page'));
    }
    sizer.input.replaceChildren(el('option', { value: '' }, 'None'),
      ...ofKind('POSITION_SIZER').map(e => el('option', { value: e.id }, `${e.name} (${e.id})`)));
    sizer.input.value = ofKind('POSITION_SIZER').some(e => e.id === keep.sizer) ? keep.sizer : '';
    enhancersBox.dataset.kind = 'enhancer';
    rulesBox.dataset.kind = 'rule';
    state.enhancers = drawChoices(enhancersBox, 'Signal enhancers', ofKind('SIGNAL_ENHANCER'));
    // the server adds its kill switch to every instance itself
    state.rules = drawChoices(rulesBox, 'Risk rules', ofKind('RISK_RULE').filter(e => e.id !== 'kill-switch'));
    drawStrategy();
    drawSizer();
    drawSource();
  }

  /** The request body, and the map from the server's field names to this form's fields. */
  async function collect() {
    const fields = new Map(fixed);
    const body = { strategy: strategy.input.value, parameters: state.strategyParams.values() };
    for (const f of state.strategyParams.fields) {
      fields.set('parameters.' + f.spec.name, f);
    }
    const [kind, ...rest] = source.value.split(':');
    if (kind === 'dataset') {
      body.dataset = rest.join(':');
      if (symbol.input.value.trim()) {
        body.symbol = symbol.input.value.trim();
      }
    } else if (kind === 'stored') {
      [body.symbol, body.venue, body.timeframe] = rest;
      fields.set('symbol', sourceField);
    } else if (kind === 'exchange') {
      body.symbol = symbol.input.value.trim();
      body.timeframe = exchangeTimeframe.input.value;
      body.exchange = { id: rest.join(':'), mode: exchangeMode.input.value, parameters: keyValues(
        exchangeParams.input.value) };
      const w = warmup.input.value.trim();
      if (w) {
        body.exchange.warmupBars = /^\d+$/.test(w) ? Number(w) : w; // anything else: the server names the field
      }
      if (exchangeMode.input.value === 'LIVE') {
        body.exchange.flattenOnStop = flatten.input.checked;
      }
      fields.set('timeframe', exchangeTimeframe).set('exchange', sourceField).set('exchange.id', sourceField)
        .set('exchange.mode', exchangeMode).set('exchange.parameters', exchangeParams)
        .set('exchange.warmupBars', warmup).set('exchange.flattenOnStop', flatten);
    }
    if (!marketBox.hidden && market.input.value === 'usdm') {
      body.market = 'usdm';
      const lev = leverage.input.value.trim();
      body.leverage = /^\d+$/.test(lev) ? Number(lev) : lev; // anything else: the server names the field
      body.marginMode = marginMode.input.value;
      const file = fundingFile.input.files[0];
      if (file) {
        body.funding = { file: await file.text() };
        if (fundingUnit.input.value) {
          body.funding.unit = fundingUnit.input.value;
        }
      }
      fields.set('market', market).set('leverage', leverage).set('marginMode', marginMode)
        .set('funding', fundingFile).set('funding.file', fundingFile).set('funding.unit', fundingUnit);
    }
    for (const [name, f] of [['from', from], ['to', to], ['capital', capital], ['feeBps', fee],
      ['slippageBps', slippage], ['speed', speed]]) {
      if (f && !f.box.hidden && f.input.value.trim()) {
        body[name] = f.input.value.trim();
      }
    }
    if (sizer.input.value) {
      body.sizer = { id: sizer.input.value, parameters: state.sizerParams.values() };
      state.sizerParams.fields.forEach(f => fields.set('sizer.parameters.' + f.spec.name, f));
    }
    for (const [name, items] of [['enhancers', state.enhancers], ['riskRules', state.rules]]) {
      const chosen = items.filter(i => i.check.checked);
      if (chosen.length) {
        body[name] = chosen.map((i, n) => {
          i.group.fields.forEach(f => fields.set(`${name}[${n}].parameters.${f.spec.name}`, f));
          fields.set(`${name}[${n}].id`, { input: i.check, error: i.error });
          return { id: i.ext.id, parameters: i.group.values() };
        });
      }
    }
    return { body, fields };
  }

  let lastFields = new Map(fixed);
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    const { body, fields } = await collect();
    clearFieldErrors(formError, lastFields);
    lastFields = fields;
    submit.disabled = true;
    try {
      const answer = await options.submit(body, startNow ? startNow.input.checked : false);
      options.done(answer);
    } catch (e) {
      showFieldError(formError, fields, e);
    } finally {
      submit.disabled = false;
    }
  });

  return { reload };
}

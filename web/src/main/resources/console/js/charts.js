// The backtest result's charts, drawn with the vendored TradingView Lightweight Charts 5.2.1 (the global
// LightweightCharts of vendor/lightweight-charts.standalone.production.js; its attribution logo stays on):
// candlesticks of the run's bars with an arrow at every trade's entry and exit, the equity curve, and the drawdown
// below the running peak of equity, (equity - peak) / peak in percent. The three time axes move together.

const COLORS = { up: '#1a9c6b', down: '#d0463b', exit: '#5b6478', equity: '#2962ff', text: '#1d2433', grid: '#eef0f5' };

function lib() {
  if (!window.LightweightCharts) {
    throw new Error('the chart library did not load (vendor/lightweight-charts.standalone.production.js)');
  }
  return window.LightweightCharts;
}

function chart(container) {
  return lib().createChart(container, {
    autoSize: true,
    layout: { background: { color: '#ffffff' }, textColor: COLORS.text, fontSize: 12 },
    grid: { vertLines: { color: COLORS.grid }, horzLines: { color: COLORS.grid } },
    timeScale: { timeVisible: true, secondsVisible: false, minBarSpacing: 0.001, borderColor: '#d9dde7' },
    rightPriceScale: { borderColor: '#d9dde7' },
  });
}

const seconds = iso => Math.floor(Date.parse(iso) / 1000);

/** The index of the last element of a sorted array that is <= t (0 when t is before the first). */
function floorIndex(sorted, t) {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid] <= t) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  return lo;
}

/** Equity points with strictly increasing times (the last value of a time wins), as {time, value}. */
export function equityPoints(equity) {
  const out = [];
  for (const [iso, value] of equity) {
    const time = seconds(iso);
    if (out.length && out[out.length - 1].time === time) {
      out[out.length - 1].value = value;
    } else {
      out.push({ time, value });
    }
  }
  return out;
}

/** Drawdown in percent below the running peak: 100 * (equity - peak) / peak, 0 at a new peak. */
export function drawdownPoints(points) {
  let peak = -Infinity;
  return points.map(p => {
    peak = Math.max(peak, p.value);
    return { time: p.time, value: peak > 0 ? 100 * (p.value - peak) / peak : 0 };
  });
}

/** Entry and exit markers, snapped to the candle that holds their time (candles may hold several bars). */
export function tradeMarkers(trades, candleTimes) {
  const labelled = trades.length <= 40;
  const markers = [];
  for (const t of trades) {
    const long = t.side === 'LONG';
    markers.push({
      time: candleTimes[floorIndex(candleTimes, seconds(t.entryTime))], position: long ? 'belowBar' : 'aboveBar',
      color: long ? COLORS.up : COLORS.down, shape: long ? 'arrowUp' : 'arrowDown',
      text: labelled ? (long ? 'Buy ' : 'Sell ') + t.entryPrice : '',
    });
    markers.push({
      time: candleTimes[floorIndex(candleTimes, seconds(t.exitTime))], position: long ? 'aboveBar' : 'belowBar',
      color: COLORS.exit, shape: long ? 'arrowDown' : 'arrowUp', text: labelled ? 'Exit ' + t.exitPrice : '',
    });
  }
  return markers.sort((a, b) => a.time - b.time);
}

/** Candles of GET /api/backtests/{id}/bars as the library's rows. */
function candleRows(bars) {
  return bars.time.map((time, i) => ({
    time, open: bars.open[i], high: bars.high[i], low: bars.low[i], close: bars.close[i],
  }));
}

/** The coarse rows before `from` and after `to` around the fine rows (times strictly increasing). */
function spliced(coarse, fine, from, to) {
  return coarse.filter(r => r.time < from).concat(fine, coarse.filter(r => r.time > to));
}

/**
 * Draws the three charts. containers: {price, equity, drawdown} elements; result: GET /api/backtests/{id}/result
 * (its equity may be thinned to a few thousand points); bars: GET /api/backtests/{id}/bars (at most a few thousand
 * candles), or null for a portfolio result (several instruments: no price chart, only the account's equity and
 * drawdown); zoom: null, or async (fromSeconds, toSeconds) => {bars, equity} giving a time range at full
 * resolution. With zoom, once the user has zoomed in (and the view rests for 300 ms), the visible range plus half
 * its width on each side is asked for and drawn at full resolution inside the coarse series, so that single bars
 * and every equity point show; zooming back out needs nothing new. Each container drawn gets data-rendered="true"
 * once its data is set; the price container's data-bars-per-candle tells the resolution of the visible range.
 */
export function drawCharts(containers, result, bars, zoom = null) {
  const LC = lib();
  const charts = [];
  let candles = null;
  const coarseCandles = bars ? candleRows(bars) : [];
  if (bars) {
    const tick = Number(result.run.tickSize);
    const precision = tick > 0 ? Math.max(0, Math.min(8, -Math.floor(Math.log10(tick)))) : 2;
    const priceChart = chart(containers.price);
    candles = priceChart.addSeries(LC.CandlestickSeries, {
      upColor: COLORS.up, downColor: COLORS.down, borderVisible: false, wickUpColor: COLORS.up,
      wickDownColor: COLORS.down, priceFormat: { type: 'price', precision, minMove: tick > 0 ? tick : 0.01 },
    });
    candles.setData(coarseCandles);
    containers.price.dataset.barsPerCandle = String(bars.barsPerPoint);
    charts.push(priceChart);
  }
  const markers = candles ? LC.createSeriesMarkers(candles, tradeMarkers(result.trades, bars.time)) : null;

  const coarsePoints = equityPoints(result.equity);
  const equityChart = chart(containers.equity);
  const equitySeries = equityChart.addSeries(LC.LineSeries, { color: COLORS.equity, lineWidth: 2,
    priceFormat: { type: 'price', precision: 2, minMove: 0.01 } });
  equitySeries.setData(coarsePoints);
  const drawdownChart = chart(containers.drawdown);
  const drawdownSeries = drawdownChart.addSeries(LC.AreaSeries, {
    lineColor: COLORS.down, topColor: 'rgba(208,70,59,0.05)', bottomColor: 'rgba(208,70,59,0.35)',
    invertFilledArea: true, priceFormat: { type: 'percent' },
  });
  drawdownSeries.setData(drawdownPoints(coarsePoints));

  charts.push(equityChart, drawdownChart);
  for (const c of charts) {
    c.timeScale().fitContent();
  }
  let syncing = false;
  const syncFrom = (from, range) => {
    syncing = true;
    for (const other of charts) {
      if (other !== from) {
        other.timeScale().setVisibleRange(range);
      }
    }
    syncing = false;
  };
  for (const from of charts) {
    from.timeScale().subscribeVisibleTimeRangeChange(range => {
      if (!syncing && range) {
        syncFrom(from, range);
      }
    });
  }

  const coarse = (bars && bars.barsPerPoint > 1) || result.equitySampling;
  if (zoom && coarse) {
    const first = coarsePoints.length ? coarsePoints[0].time : 0;
    const last = coarsePoints.length ? coarsePoints[coarsePoints.length - 1].time : 0;
    let fine = null; // the range drawn at full resolution: {from, to}
    let timer = null;
    const draw = (candleRowsNow, points, barsPerCandle) => {
      const view = charts[0].timeScale().getVisibleRange();
      syncing = true;
      if (candles) {
        candles.setData(candleRowsNow);
        markers.setMarkers(tradeMarkers(result.trades, candleRowsNow.map(r => r.time)));
        containers.price.dataset.barsPerCandle = String(barsPerCandle);
      }
      equitySeries.setData(points);
      drawdownSeries.setData(drawdownPoints(points));
      if (view) {
        for (const c of charts) {
          c.timeScale().setVisibleRange(view);
        }
      }
      syncing = false;
    };
    const refine = async range => {
      const from = Math.floor(range.from);
      const to = Math.ceil(range.to);
      if (fine && from >= fine.from && to <= fine.to) {
        return;
      }
      const half = Math.ceil((to - from) / 2);
      if (to - from >= (last - first) / 2) {
        if (fine) { // zoomed back out: the coarse series again
          fine = null;
          draw(coarseCandles, coarsePoints, bars ? bars.barsPerPoint : 1);
        }
        return;
      }
      const wanted = { from: from - half, to: to + half };
      const answer = await zoom(wanted.from, wanted.to);
      fine = wanted;
      const fineCandles = answer.bars ? candleRows(answer.bars) : [];
      const finePoints = equityPoints(answer.equity);
      draw(spliced(coarseCandles, fineCandles, wanted.from, wanted.to),
        spliced(coarsePoints, finePoints, wanted.from, wanted.to), answer.bars ? answer.bars.barsPerPoint : 1);
    };
    charts[0].timeScale().subscribeVisibleTimeRangeChange(range => {
      if (syncing || !range) {
        return;
      }
      clearTimeout(timer);
      timer = setTimeout(() => refine(range).catch(e => console.error('zoom', e)), 300);
    });
  }

  for (const [name, c] of Object.entries(containers)) {
    if (bars || name !== 'price') {
      c.dataset.rendered = 'true';
    }
  }
  return charts;
}

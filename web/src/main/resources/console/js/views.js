// Table rows shared by the dashboard and the pages that manage the same things: backtest jobs
// (GET /api/backtests), strategy instances (GET /api/instances) and risk events (the 'risk' events).
import { el, fmt, sign, badge, progress } from './ui.js';

const ACTIVE_JOB = new Set(['QUEUED', 'RUNNING']);

/** Whether a backtest job may still change. */
export function jobActive(job) {
  return ACTIVE_JOB.has(job.status);
}

/** The head of a backtest jobs table; the compact one (the dashboard's) leaves out the source and the counts. */
export function jobHead(compact) {
  return el('thead', {}, el('tr', {}, ['#', 'Strategy', compact ? null : 'Bars from', 'Status', 'Progress',
    compact ? null : 'Orders / fills', compact ? null : 'Submitted', compact ? 'Result' : 'Actions']
    .filter(h => h).map(h => el('th', { scope: 'col' }, h))));
}

/**
 * A backtest job's row (id "job-N", data-status). cancel(job) adds a Cancel button while it is queued or running;
 * a completed job links to its result page. The compact row matches the compact head.
 */
export function jobRow(job, cancel, compact = false) {
  const actions = el('td', { class: 'row-actions' });
  if (job.status === 'COMPLETED') {
    actions.append(el('a', { href: '/backtest.html?id=' + job.id, class: 'result-link' }, 'View result'));
  } else if (cancel && jobActive(job)) {
    actions.append(el('button', { type: 'button', class: 'small', onclick: () => cancel(job) }, 'Cancel'));
  }
  return el('tr', { id: 'job-' + job.id, dataset: { id: String(job.id), status: job.status } },
    el('td', { class: 'num' }, String(job.id)),
    el('td', { class: 'mono' }, job.strategy, job.kind === 'PORTFOLIO'
      ? el('div', { class: 'muted small portfolio-tag' }, 'portfolio') : null),
    compact ? null : el('td', { class: 'wrap' }, job.source.replace(/data set /g, '')),
    el('td', {}, badge(job.status), job.error ? el('div', { class: 'error-text' }, job.error) : null),
    el('td', { class: 'progress-cell' }, progress(job.barsDone, job.barsTotal)),
    compact ? null : el('td', { class: 'num' }, `${fmt.int(job.orders)} / ${fmt.int(job.fills)}`),
    compact ? null : el('td', {}, fmt.time(job.submitted)),
    actions);
}

/** Moves a job row's progress bar (from a run.progress event). */
export function jobProgress(row, done, total) {
  const cell = row.querySelector('.progress-cell');
  if (cell) {
    cell.replaceChildren(progress(done, total));
  }
}

/** The head of an instances table. */
export function instanceHead(withActions) {
  return el('thead', {}, el('tr', {}, ['#', 'Strategy', 'Instrument', 'Status', 'Progress', 'Position', 'P&L',
    'Last price', 'Orders / fills', 'Risk rejections', withActions ? 'Actions' : null]
    .filter(h => h).map(h => el('th', { scope: 'col' }, h))));
}

/** An instance's row (id "instance-N"); actions(view) gives the last cell's buttons, or null for none. */
export function instanceRow(v, actions) {
  const params = Object.entries(v.parameters || {}).map(([k, x]) => `${k}=${x}`).join(', ');
  return el('tr', { id: 'instance-' + v.id, dataset: { id: String(v.id), status: v.status } },
    el('td', { class: 'num' }, String(v.id)),
    el('td', {}, el('span', { class: 'mono' }, v.strategy),
      params ? el('div', { class: 'muted small' }, params) : null),
    el('td', {}, v.instrument, el('div', { class: 'muted small' }, v.source.replace(/^data set /, ''))),
    el('td', {}, badge(v.status), v.mode === 'LIVE' ? el('span', { class: 'badge live' }, 'LIVE') : null,
      v.error ? el('div', { class: 'error-text' }, v.error) : null),
    el('td', { class: 'progress-cell' }, v.barsTotal < 0
      ? el('div', {}, `${fmt.int(v.barsDone)} bars (live)`,
        v.connection ? el('div', { class: 'muted small' }, v.connection) : null)
      : progress(v.barsDone, v.barsTotal)),
    el('td', { class: 'num' }, v.position),
    el('td', { class: 'num ' + sign(v.pnl) }, fmt.num(v.pnl, 2)),
    el('td', { class: 'num' }, v.lastPrice === null ? '–' : fmt.num(v.lastPrice, 2)),
    el('td', { class: 'num' }, `${fmt.int(v.orders)} / ${fmt.int(v.fills)}`),
    el('td', { class: 'num' }, fmt.int(v.riskRejections)),
    actions ? el('td', { class: 'row-actions' }, actions(v)) : null);
}

/** The head of a risk events table; the compact one (the dashboard's) shows the run under the time. */
export function riskHead(compact = false) {
  return el('thead', {}, el('tr', {}, ['Time (bar)', compact ? null : 'Run', 'Rule and code', 'Message']
    .filter(h => h).map(h => el('th', { scope: 'col' }, h))));
}

/** A risk event's row: a rejected order with its rule, code and message. */
export function riskRow(e, compact = false) {
  return el('tr', {},
    el('td', {}, fmt.time(e.time), compact ? el('div', { class: 'small muted mono' }, e.run) : null),
    compact ? null : el('td', { class: 'mono' }, e.run),
    el('td', { class: 'mono' }, e.rule || '–', el('div', { class: 'small muted' }, e.code)),
    el('td', { class: 'wrap' }, el('div', { class: 'cell-text' }, e.message)));
}

// Backtests: the run form (trader), and the jobs, newest first, with a progress bar moved by 'run.progress'
// events and, while a job is queued or running, by polling every second (events can be missed while the stream
// reconnects); cancel (trader) and a link to each completed job's result page; the store's runs (however started) with
// a link to the result page of each completed or stopped one; the stored studies.
import { start, api, can, live, notify, showError } from '../app.js';
import { el, fillBody, throttle } from '../ui.js';
import { runForm } from '../runform.js';
import { jobHead, jobRow, jobActive, jobProgress } from '../views.js';

const table = document.getElementById('jobs');
let poll = null;

async function cancel(job) {
  try {
    await api('POST', `/api/backtests/${job.id}/cancel`);
    notify(`Backtest ${job.id} canceled.`);
  } catch (e) {
    showError(e);
  }
  await load();
}

async function load() {
  const jobs = await api('GET', '/api/backtests');
  fillBody(table.tBodies[0], jobs.map(j => jobRow(j, can('trader') ? cancel : null)), 8, 'No backtests yet.');
  const active = jobs.some(jobActive);
  if (active && !poll) {
    poll = setInterval(() => load().catch(showError), 1000);
  } else if (!active && poll) {
    clearInterval(poll);
    poll = null;
  }
}

async function loadStudies() {
  const studies = await api('GET', '/api/studies');
  const box = document.getElementById('studies');
  if (!box.tHead) {
    box.createTHead().append(el('tr', {}, ...['Study', 'Strategy', 'Instrument', 'Timeframe', 'Created']
      .map(h => el('th', { scope: 'col' }, h))));
  }
  fillBody(box.tBodies[0], studies.map(s => el('tr', { id: 'study-' + s.id },
    el('td', {}, el('a', { href: `/study.html?id=${s.id}`, class: 'study-link' }, `Study ${s.id}`)),
    el('td', {}, s.strategy), el('td', {}, s.instrument), el('td', {}, s.timeframe),
    el('td', {}, s.created))), 5, 'No studies yet: run quantplug optimize.');
}

async function loadRuns() {
  const runs = (await api('GET', '/api/runs')).filter(r => r.kind !== 'STUDY');
  const box = document.getElementById('runs');
  if (!box.tHead) {
    box.createTHead().append(el('tr', {}, ...['Run', 'Mode', 'Strategy', 'Instrument', 'Timeframe', 'Status',
      'Trades', 'Created'].map(h => el('th', { scope: 'col' }, h))));
  }
  const viewable = r => r.status === 'COMPLETED' || r.status === 'STOPPED';
  fillBody(box.tBodies[0], runs.map(r => el('tr', { id: 'run-' + r.id },
    el('td', {}, viewable(r) ? el('a', { href: `/backtest.html?run=${r.id}`, class: 'run-link' }, `Run ${r.id}`)
      : `Run ${r.id}`),
    el('td', {}, r.kind === 'PORTFOLIO' ? `${r.mode} (portfolio)` : r.mode), el('td', { class: 'wrap' }, r.strategy),
    el('td', { class: 'wrap' }, r.instrument), el('td', {}, r.timeframe),
    el('td', { title: r.error || '' }, r.status), el('td', {}, r.tradeCount == null ? '' : String(r.tradeCount)),
    el('td', {}, r.created))), 8, 'No stored runs yet.');
}

async function main() {
  await start('backtests');
  loadStudies().catch(showError);
  loadRuns().catch(showError);
  table.prepend(jobHead(false));
  if (can('trader')) {
    document.getElementById('form-card').hidden = false;
    const form = runForm(document.getElementById('run-form'), {
      submitLabel: 'Run backtest',
      submit: body => api('POST', '/api/backtests', body),
      done: job => {
        notify(`Backtest ${job.id} of ${job.strategy} submitted.`);
        load().catch(showError);
      },
    });
    await form.reload();
    live('plugin', throttle(() => form.reload().catch(showError), 1000));
    live('dataset', throttle(() => form.reload().catch(showError), 1000));
  }
  await load();
  const refresh = throttle(() => load().catch(showError), 500);
  live('run.progress', e => {
    const row = document.getElementById('job-' + String(e.run).replace('backtest/', ''));
    if (row) {
      jobProgress(row, e.barsDone, e.barsTotal);
    }
    if (!row || row.dataset.status !== 'RUNNING') {
      refresh();
    }
  });
  live('run.finished', throttle(() => {
    refresh();
    loadRuns().catch(showError);
  }, 500));
}

main().catch(showError);

// Dashboard: strategy instances with status and P&L, recent risk events, recent backtests and the kill switch,
// kept current by the live event stream (instance, pnl, fill, risk, kill-switch, run.progress, run.finished) and,
// while an instance runs, by polling its marked-to-market P&L every 2 s.
import { start, api, live, showError } from '../app.js';
import { el, fmt, sign, fillBody, throttle } from '../ui.js';
import { jobHead, jobRow, jobActive, jobProgress, instanceHead, instanceRow, riskHead, riskRow } from '../views.js';

const RECENT = 10;
const instancesTable = document.getElementById('instances');
const riskTable = document.getElementById('risk-events');
const jobsTable = document.getElementById('backtests');
let poll = null;

async function loadInstances() {
  const list = await api('GET', '/api/instances');
  const running = list.filter(v => v.status === 'RUNNING');
  const pnl = running.reduce((s, v) => s + Number(v.pnl), 0);
  document.getElementById('t-running').textContent = `${running.length} of ${list.length}`;
  const tile = document.getElementById('t-pnl');
  tile.textContent = running.length ? fmt.num(pnl, 2) : '–';
  tile.className = 'v ' + sign(pnl);
  fillBody(instancesTable.tBodies[0], list.map(v => instanceRow(v, null)), 10,
    'No instances yet: create one on the Strategies page.');
  if (running.length && !poll) {
    poll = setInterval(() => loadInstances().catch(showError), 2000);
  } else if (!running.length && poll) {
    clearInterval(poll);
    poll = null;
  }
}

async function loadRisk() {
  const risk = await api('GET', '/api/risk');
  const k = risk.killSwitch;
  const tile = document.getElementById('t-kill');
  tile.replaceChildren(el('a', { href: '/risk.html' }, k.engaged ? 'ENGAGED' : 'released'));
  tile.className = 'v ' + (k.engaged ? 'neg' : 'pos');
  const events = risk.recentEvents.slice(-RECENT).reverse();
  fillBody(riskTable.tBodies[0], events.map(e => riskRow(e, true)), 3, 'No risk events.');
}

async function loadJobs() {
  const jobs = await api('GET', '/api/backtests');
  document.getElementById('t-jobs').textContent = String(jobs.filter(jobActive).length);
  fillBody(jobsTable.tBodies[0], jobs.slice(0, RECENT).map(j => jobRow(j, null, true)), 6,
    'No backtests yet: run one on the Backtests page.');
}

async function main() {
  await start('dashboard');
  instancesTable.prepend(instanceHead(false));
  riskTable.prepend(riskHead(true));
  jobsTable.prepend(jobHead(true));
  await Promise.all([loadInstances(), loadRisk(), loadJobs()]);

  const instances = throttle(() => loadInstances().catch(showError), 1000);
  const risk = throttle(() => loadRisk().catch(showError), 1000);
  const jobs = throttle(() => loadJobs().catch(showError), 1000);
  live('instance', instances);
  for (const type of ['pnl', 'fill']) {
    live(type, e => {
      if (String(e.run).startsWith('instance/')) {
        instances();
      }
    });
  }
  live('risk', risk);
  live('kill-switch', risk);
  live('run.progress', e => {
    const row = document.getElementById('job-' + String(e.run).replace('backtest/', ''));
    if (row) {
      jobProgress(row, e.barsDone, e.barsTotal);
    }
    if (!row || row.dataset.status !== 'RUNNING') {
      jobs();
    }
  });
  live('run.finished', jobs);
}

main().catch(showError);

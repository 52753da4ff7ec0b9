// Risk: the global kill switch (engage or release, trader), the instances with their rules and rejections, the
// recent risk events (newest first) and the risk rules available with their parameters (GET /api/risk).
// 'risk' and 'kill-switch' events refresh it.
import { start, api, can, live, notify, showError } from '../app.js';
import { el, fmt, fillBody, schemaTable, badge, throttle, setChildren } from '../ui.js';
import { riskHead, riskRow } from '../views.js';

const killState = document.getElementById('kill-state');
const killForm = document.getElementById('kill-form');
const killButton = document.getElementById('kill-button');
const reason = document.getElementById('kill-reason');
const rulesTable = document.getElementById('instance-rules');
const eventsTable = document.getElementById('risk-events');
let engaged = false;

function drawKill(k) {
  engaged = k.engaged;
  killState.className = 'kill-state ' + (k.engaged ? 'engaged' : 'released');
  setChildren(killState, el('strong', {}, k.engaged ? 'ENGAGED' : 'Released'),
    k.since ? ` since ${fmt.time(k.since)} by ${k.by}` : ' (never engaged since the server started)',
    k.reason ? el('span', {}, ': ', el('q', {}, k.reason)) : null);
  killButton.textContent = k.engaged ? 'Release kill switch' : 'Engage kill switch';
  killButton.className = k.engaged ? 'primary' : 'danger';
}

async function load() {
  const risk = await api('GET', '/api/risk');
  drawKill(risk.killSwitch);
  fillBody(rulesTable.tBodies[0], risk.instances.map(i => el('tr', {},
    el('td', { class: 'num' }, String(i.id)),
    el('td', { class: 'mono' }, i.strategy),
    el('td', {}, badge(i.status)),
    el('td', { class: 'mono' }, i.riskRules.join(', ')),
    el('td', { class: 'num' }, fmt.int(i.riskRejections)))), 5, 'No strategy instances.');
  fillBody(eventsTable.tBodies[0], risk.recentEvents.slice().reverse().map(e => riskRow(e)), 4,
    'No risk events.');
  const rules = document.getElementById('rules');
  rules.replaceChildren(...risk.rules.map(r => el('details', { class: 'extension' },
    el('summary', {}, el('strong', {}, r.name), ' ', el('span', { class: 'mono muted' }, r.id),
      el('span', { class: 'muted' }, r.plugin ? ` · plugin ${r.plugin}` : ' · built into the server')),
    el('p', {}, r.description), schemaTable(r.parameters))));
}

async function toggle(ev) {
  ev.preventDefault();
  killButton.disabled = true;
  try {
    const body = { engaged: !engaged };
    if (reason.value.trim()) {
      body.reason = reason.value.trim();
    }
    const k = await api('POST', '/api/risk/kill-switch', body);
    drawKill(k);
    reason.value = '';
    notify(k.engaged ? 'Kill switch engaged: new orders of every instance are rejected.' : 'Kill switch released.');
  } catch (e) {
    showError(e);
  } finally {
    killButton.disabled = false;
  }
}

async function main() {
  await start('risk');
  rulesTable.prepend(el('thead', {}, el('tr', {}, ['#', 'Strategy', 'Status', 'Risk rules, in order',
    'Rejections'].map(h => el('th', { scope: 'col' }, h)))));
  eventsTable.prepend(riskHead());
  if (can('trader')) {
    killForm.hidden = false;
    killForm.addEventListener('submit', toggle);
  }
  await load();
  const refresh = throttle(() => load().catch(showError), 1000);
  live('risk', refresh);
  live('kill-switch', refresh);
  live('instance', refresh);
}

main().catch(showError);

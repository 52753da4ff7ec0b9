// Strategy instances: the form generated from the chosen strategy's parameter schema (trader), the instances with
// status, progress, position and P&L, start and stop (trader). Updated by 'instance' events and, while one runs,
// by polling every second for its marked-to-market P&L.
import { start, api, can, live, notify, showError } from '../app.js';
import { el, fillBody, throttle } from '../ui.js';
import { runForm } from '../runform.js';
import { instanceHead, instanceRow } from '../views.js';

const table = document.getElementById('instances');
let poll = null;

async function act(v, action) {
  try {
    await api('POST', `/api/instances/${v.id}/${action}`);
    notify(`Instance ${v.id} ${action === 'start' ? 'started' : 'stopping'}.`);
  } catch (e) {
    showError(e);
  }
  await load();
}

function actions(v) {
  if (!can('trader')) {
    return null;
  }
  return v.status === 'RUNNING'
    ? el('button', { type: 'button', class: 'small danger', 'aria-label': `Stop instance ${v.id}`,
      onclick: () => act(v, 'stop') }, 'Stop')
    : el('button', { type: 'button', class: 'small', 'aria-label': `Start instance ${v.id}`,
      onclick: () => act(v, 'start') }, v.status === 'CREATED' ? 'Start' : 'Restart');
}

async function load() {
  const list = await api('GET', '/api/instances');
  fillBody(table.tBodies[0], list.slice().reverse().map(v => instanceRow(v, can('trader') ? actions : null)), 11,
    'No instances yet.');
  const running = list.some(v => v.status === 'RUNNING');
  if (running && !poll) {
    poll = setInterval(() => load().catch(showError), 1000);
  } else if (!running && poll) {
    clearInterval(poll);
    poll = null;
  }
}

async function main() {
  await start('strategies');
  table.prepend(instanceHead(can('trader')));
  if (can('trader')) {
    document.getElementById('form-card').hidden = false;
    const form = runForm(document.getElementById('run-form'), {
      instance: true,
      submitLabel: 'Create instance',
      submit: async (body, startNow) => {
        const v = await api('POST', '/api/instances', body);
        return startNow ? api('POST', `/api/instances/${v.id}/start`) : v;
      },
      done: v => {
        notify(`Instance ${v.id} of ${v.strategy} created${v.status === 'RUNNING' ? ' and started' : ''}.`);
        load().catch(showError);
      },
    });
    await form.reload();
    live('plugin', throttle(() => form.reload().catch(showError), 1000));
    live('dataset', throttle(() => form.reload().catch(showError), 1000));
  }
  await load();
  live('instance', throttle(() => load().catch(showError), 500));
}

main().catch(showError);

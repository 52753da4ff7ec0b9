// Plugins: the installed plugin jars with their state (GET /api/plugins), upload of a jar (admin; drag and drop or
// the file input), enable / disable / reload / delete (admin), and the extension catalog with every parameter
// schema (GET /api/extensions). Plugin events from the server (also for jars dropped into the folder by hand)
// refresh the page.
import { start, api, can, live, notify, showError } from '../app.js';
import { el, fillBody, schemaTable, badge, throttle } from '../ui.js';
import { uploadBox } from '../upload.js';

const KINDS = [
  ['STRATEGY', 'Strategies'], ['SIGNAL_ENHANCER', 'Signal enhancers'], ['POSITION_SIZER', 'Position sizers'],
  ['RISK_RULE', 'Risk rules'], ['EXCHANGE_ADAPTER', 'Exchange adapters'], ['ENHANCEMENT', 'Enhancements'],
];
const table = document.getElementById('plugins');

async function act(plugin, action) {
  try {
    if (action === 'delete') {
      if (!confirm(`Unload ${plugin.id} and delete ${plugin.file} from the plugins folder?`)) {
        return;
      }
      await api('DELETE', '/api/plugins/' + encodeURIComponent(plugin.id));
      notify(`${plugin.id} deleted.`);
    } else {
      const after = await api('POST', `/api/plugins/${encodeURIComponent(plugin.id)}/${action}`);
      notify(`${after.id} ${after.version}: ${after.state.toLowerCase()}`
        + (after.problem ? ` (${after.problem})` : ''), after.problem ? 'error' : 'info');
    }
  } catch (e) {
    showError(e);
  }
  await load();
}

function actions(p) {
  if (!can('admin')) {
    return null;
  }
  const button = (label, action, cls) => el('button', { type: 'button', class: 'small ' + (cls || ''),
    'aria-label': `${label} ${p.id}`, onclick: () => act(p, action) }, label);
  return el('td', { class: 'row-actions' },
    p.state === 'DISABLED' ? button('Enable', 'enable') : button('Disable', 'disable'),
    button('Reload', 'reload'),
    button('Delete', 'delete', 'danger'));
}

function pluginRow(p) {
  return el('tr', { id: 'plugin-' + p.id, dataset: { id: p.id, state: p.state } },
    el('td', { class: 'mono' }, p.id),
    el('td', { class: 'mono' }, p.version),
    el('td', {}, badge(p.state), p.problem ? el('div', { class: 'error-text' }, p.problem) : null),
    el('td', { class: 'mono small' }, p.file),
    el('td', { class: 'mono small' }, p.requires || '–'),
    el('td', {}, p.extensions.map(e => el('div', {}, el('span', { class: 'mono' }, e.id), ' ',
      el('span', { class: 'muted small' }, e.kind.toLowerCase().replace('_', ' '))))),
    actions(p));
}

function drawCatalog(extensions) {
  const box = document.getElementById('catalog');
  const sections = KINDS.map(([kind, title]) => {
    const of = extensions.filter(e => e.kind === kind);
    return of.length === 0 ? null : el('section', { class: 'kind' }, el('h3', {}, title),
      of.map(e => el('details', { class: 'extension', id: 'ext-' + e.id, open: kind === 'STRATEGY' },
        el('summary', {}, el('strong', {}, e.name), ' ', el('span', { class: 'mono muted' }, e.id),
          el('span', { class: 'muted' }, ` · ${e.plugin ? 'plugin ' + e.plugin : 'built into the server'} · `
            + `${e.parameters.length} parameter${e.parameters.length === 1 ? '' : 's'}`)),
        el('p', {}, e.description), schemaTable(e.parameters))));
  });
  box.replaceChildren(...sections.filter(s => s));
  if (!box.children.length) {
    box.append(el('p', { class: 'empty' }, 'No extensions: install a plugin.'));
  }
}

async function load() {
  const [plugins, extensions] = await Promise.all([api('GET', '/api/plugins'), api('GET', '/api/extensions')]);
  fillBody(table.tBodies[0], plugins.map(pluginRow), 7, 'No plugins installed.');
  drawCatalog(extensions);
}

async function main() {
  await start('plugins');
  table.prepend(el('thead', {}, el('tr', {}, ['Plugin', 'Version', 'State', 'File', 'Needs API', 'Extensions',
    can('admin') ? 'Actions' : null].filter(h => h).map(h => el('th', { scope: 'col' }, h)))));
  if (can('admin')) {
    document.getElementById('upload-card').hidden = false;
    document.getElementById('upload').append(uploadBox({
      label: 'Plugin jar', accept: '.jar', path: '/api/plugins',
      hint: 'A PF4J plugin jar with Plugin-Id and Plugin-Version in its manifest. A jar with the id of an installed'
        + ' plugin replaces it; running sessions switch to the new version.',
      done: p => {
        notify(`${p.id} ${p.version} installed: ${p.state.toLowerCase()}, ${p.extensions.length} extension(s).`);
        load().catch(showError);
      },
      failed: () => load().catch(showError),
    }));
  }
  await load();
  live('plugin', throttle(() => load().catch(showError), 500));
}

main().catch(showError);

// Users (admin only): create a user, change a role, disable or enable sign-in, set a new password
// (POST /api/users, PATCH /api/users/{username}). The server ends the user's sessions on every change and
// refuses an admin's demoting or disabling themselves.
import { start, api, user, notify, showError, toSignIn } from '../app.js';
import { el, fmt, fillBody } from '../ui.js';
import { field, showFieldError, clearFieldErrors, formErrorBox } from '../fields.js';

const ROLES = ['viewer', 'trader', 'admin'];
const table = document.getElementById('users');
const form = document.getElementById('user-form');
const formError = formErrorBox();
const username = field('User name', el('input', { type: 'text', name: 'username', autocomplete: 'off',
  autocapitalize: 'none', spellcheck: 'false', maxlength: '64' }), '1-64 letters, digits, ".", "_", "@" or "-"');
const password = field('Password', el('input', { type: 'password', name: 'password', autocomplete: 'new-password' }),
  '12 to 72 bytes');
const role = field('Role', el('select', { name: 'role' }, ROLES.map(r => el('option', { value: r }, r))),
  'viewer: reads; trader: also runs backtests and instances; admin: also plugins and users');
const fields = new Map([['username', username], ['password', password], ['role', role]]);

const dialog = document.getElementById('password-dialog');
const dialogError = formErrorBox();
const newPassword = field('New password', el('input', { type: 'password', name: 'password',
  autocomplete: 'new-password' }), '12 to 72 bytes; the user is signed out everywhere');
const dialogFields = new Map([['password', newPassword]]);
let changing = null;

async function change(u, body, done) {
  try {
    const after = await api('PATCH', '/api/users/' + encodeURIComponent(u.username), body);
    notify(done(after));
  } catch (e) {
    showError(e);
  }
  await load();
}

function row(u) {
  const self = u.username === user().username;
  const roleSelect = el('select', { 'aria-label': `Role of ${u.username}`, disabled: self },
    ROLES.map(r => el('option', { value: r, selected: r === u.role }, r)));
  roleSelect.addEventListener('change', () => change(u, { role: roleSelect.value },
    a => `${a.username} is now ${a.role}.`));
  return el('tr', { id: 'user-' + u.username },
    el('td', { class: 'mono' }, u.username, self ? el('span', { class: 'muted' }, ' (you)') : null),
    el('td', {}, roleSelect),
    el('td', {}, u.disabled ? el('span', { class: 'badge failed' }, 'disabled') : el('span', {
      class: 'badge completed' }, 'active')),
    el('td', {}, fmt.time(u.createdAt)),
    el('td', { class: 'row-actions' },
      el('button', { type: 'button', class: 'small', onclick: () => openPassword(u) }, 'Set password…'),
      self ? null : el('button', { type: 'button', class: 'small ' + (u.disabled ? '' : 'danger'),
        onclick: () => change(u, { disabled: !u.disabled },
          a => `${a.username} ${a.disabled ? 'can no longer sign in' : 'can sign in again'}.`) },
      u.disabled ? 'Enable' : 'Disable')));
}

function openPassword(u) {
  changing = u;
  document.getElementById('password-title').textContent = `Set a new password for ${u.username}`;
  newPassword.input.value = '';
  clearFieldErrors(dialogError, dialogFields);
  dialog.showModal();
  newPassword.input.focus();
}

async function load() {
  const users = await api('GET', '/api/users');
  fillBody(table.tBodies[0], users.map(row), 5, 'No users.');
}

async function main() {
  await start('users', { role: 'admin' });
  table.prepend(el('thead', {}, el('tr', {}, ['User', 'Role', 'Sign-in', 'Created', 'Actions']
    .map(h => el('th', { scope: 'col' }, h)))));
  form.append(formError, el('div', { class: 'grid' }, username.box, password.box, role.box),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, 'Create user')));
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    clearFieldErrors(formError, fields);
    try {
      const u = await api('POST', '/api/users', { username: username.input.value.trim(),
        password: password.input.value, role: role.input.value });
      notify(`User ${u.username} (${u.role}) created.`);
      form.reset();
      await load();
    } catch (e) {
      showFieldError(formError, fields, e);
    }
  });
  document.getElementById('password-fields').append(dialogError, newPassword.box);
  document.getElementById('password-cancel').addEventListener('click', () => dialog.close());
  document.getElementById('password-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    try {
      await api('PATCH', '/api/users/' + encodeURIComponent(changing.username), { password: newPassword.input.value });
      dialog.close();
      if (changing.username === user().username) {
        await toSignIn(); // the change ended this session too
      }
      notify(`New password set for ${changing.username}; their sessions have ended.`);
      await load();
    } catch (e) {
      showFieldError(dialogError, dialogFields, e);
    }
  });
  await load();
}

main().catch(showError);

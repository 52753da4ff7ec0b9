// The console's session and plumbing, shared by every page:
// - start(page): asks /api/auth/me who is signed in (redirects to the sign-in page on 401), keeps the CSRF token in
//   memory only (never in localStorage or a cookie the script can read), draws the header and the role's navigation;
// - api(method, path, body): JSON calls that send the CSRF token in X-CSRF-Token on POST/PUT/PATCH/DELETE and turn
//   the server's {status, error, field, message} into an ApiError;
// - upload(path, file, onProgress): a multipart upload (part 'file') with progress;
// - live(type, handler): the server-sent event stream /api/events, one connection per page;
// - notify/showError: messages in the page's alert region.
import { el } from './ui.js';

const NAV = [
  { page: 'dashboard', href: '/', label: 'Dashboard' },
  { page: 'strategies', href: '/strategies.html', label: 'Strategies' },
  { page: 'backtests', href: '/backtests.html', label: 'Backtests' },
  { page: 'datasets', href: '/datasets.html', label: 'Data sets' },
  { page: 'plugins', href: '/plugins.html', label: 'Plugins' },
  { page: 'risk', href: '/risk.html', label: 'Risk' },
  { page: 'audit', href: '/audit.html', label: 'Audit' },
  { page: 'users', href: '/users.html', label: 'Users', role: 'admin' },
  { page: 'api', href: '/api-docs', label: 'API' },
];
const RANK = { viewer: 0, trader: 1, admin: 2 };
const CHANGES_STATE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let session = null; // {username, role, csrfToken, signedInAt}, in memory for the life of the page

/** An error answered by the API (or a network failure, status 0). */
export class ApiError extends Error {
  constructor(status, body) {
    const b = body && typeof body === 'object' ? body : {};
    super(b.message || `the server answered ${status}`);
    this.status = status;
    this.error = b.error || 'http_' + status;
    this.field = b.field || null;
  }
}

/** The signed-in user, or null before start() resolved. */
export function user() {
  return session;
}

/** Whether the signed-in user has at least this role ('viewer', 'trader' or 'admin'). */
export function can(role) {
  return session !== null && RANK[session.role] >= RANK[role];
}

/**
 * Starts a page: resolves the session (or leaves for the sign-in page), draws the header, reveals <main>.
 * A page that needs a role shows a message instead of its content when the user lacks it, and the promise rejects.
 */
export async function start(page, { role } = {}) {
  frame();
  session = await fetchMe();
  drawHeader(page);
  const main = document.getElementById('main');
  if (role && !can(role)) {
    main.replaceChildren(el('p', { class: 'empty' }, `This page needs the ${role} role; you are signed in as `
      + `${session.username} (${session.role}).`));
    main.hidden = false;
    throw new Error('role');
  }
  main.hidden = false;
  return session;
}

async function fetchMe() {
  let r;
  try {
    r = await fetch('/api/auth/me', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  } catch (e) {
    throw networkError(e);
  }
  if (r.status === 401) {
    return toSignIn();
  }
  if (!r.ok) {
    throw await errorOf(r);
  }
  return r.json();
}

/** Leaves for the sign-in page, which comes back here after signing in. Never resolves. */
export function toSignIn() {
  const here = location.pathname + location.search;
  const next = here === '/' || here.startsWith('/login.html') ? '' : '?next=' + encodeURIComponent(here);
  location.replace('/login.html' + next);
  return new Promise(() => {});
}

/**
 * Calls the API with an optional JSON body; resolves to the parsed answer (null when empty).
 * Rejects with an ApiError; a 401 leaves for the sign-in page instead. A 403 'csrf' (the session changed
 * under the page) refreshes the token once and retries.
 */
export async function api(method, path, body, retried = false) {
  const headers = { Accept: 'application/json' };
  const init = { method, headers, credentials: 'same-origin' };
  if (CHANGES_STATE.has(method) && session) {
    headers['X-CSRF-Token'] = session.csrfToken;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let r;
  try {
    r = await fetch(path, init);
  } catch (e) {
    throw networkError(e);
  }
  if (r.status === 401) {
    return toSignIn();
  }
  if (!r.ok) {
    const e = await errorOf(r);
    if (e.status === 403 && e.error === 'csrf' && !retried) {
      session = await fetchMe();
      return api(method, path, body, true);
    }
    throw e;
  }
  const text = await r.text();
  return text ? JSON.parse(text) : null;
}

/** Uploads one file as the multipart part 'file'; onProgress gets the fraction sent (0..1). */
export function upload(path, file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('X-CSRF-Token', session ? session.csrfToken : '');
    if (onProgress) {
      xhr.upload.addEventListener('progress', e => {
        if (e.lengthComputable) {
          onProgress(e.loaded / e.total);
        }
      });
    }
    xhr.addEventListener('load', () => {
      let body = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch (ignored) {
        body = { message: `the server answered ${xhr.status} without JSON` };
      }
      if (xhr.status === 401) {
        toSignIn();
      } else if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body);
      } else {
        reject(new ApiError(xhr.status, body));
      }
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, { error: 'network',
      message: `uploading ${file.name} failed: the server could not be reached` })));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

async function errorOf(response) {
  let body = null;
  try {
    body = await response.json();
  } catch (ignored) {
    body = { message: `the server answered ${response.status} ${response.statusText}` };
  }
  return new ApiError(response.status, body);
}

function networkError(e) {
  return new ApiError(0, { error: 'network', message: 'the server could not be reached (' + e.message + ')' });
}

/** Signs out and goes to the sign-in page. */
export async function signOut() {
  try {
    await api('POST', '/api/auth/logout');
  } finally {
    session = null;
    location.replace('/login.html');
  }
}

/**
 * The frame every signed-in page shares, put before its <main id="main"> once: the skip link, the header (brand,
 * navigation, user; filled by drawHeader) and the message region. Returns the message region.
 */
function frame() {
  const existing = document.getElementById('messages');
  if (existing) {
    return existing;
  }
  const messages = el('div', { id: 'messages', class: 'messages', 'aria-live': 'polite' });
  document.getElementById('main').before(
    el('a', { class: 'skip', href: '#main' }, 'Skip to content'),
    el('header', { class: 'top' },
      el('a', { class: 'brand', href: '/' }, 'Quantplug'),
      el('nav', { id: 'nav', 'aria-label': 'Main' }),
      el('div', { id: 'who', class: 'who' })),
    messages);
  return messages;
}

function drawHeader(page) {
  const nav = document.getElementById('nav');
  const list = el('ul');
  for (const item of NAV) {
    if (item.role && !can(item.role)) {
      continue;
    }
    const a = el('a', { href: item.href }, item.label);
    if (item.page === page) {
      a.setAttribute('aria-current', 'page');
    }
    list.append(el('li', {}, a));
  }
  nav.replaceChildren(list);
  const who = document.getElementById('who');
  who.replaceChildren(
    el('span', { class: 'live', id: 'live-state', title: 'live updates', hidden: !source }),
    el('span', { class: 'user' }, session.username, ' ', el('span', { class: 'role' }, session.role)),
    el('button', { type: 'button', class: 'link', onclick: () => signOut().catch(showError) }, 'Sign out'));
}

// ---- messages ----

/** Shows a message in the page's alert region; errors stay until dismissed, others fade after a while. */
export function notify(text, kind = 'info') {
  const box = frame();
  const msg = el('div', { class: 'message ' + kind, role: kind === 'error' ? 'alert' : 'status' },
    el('span', {}, text),
    el('button', { type: 'button', class: 'dismiss', 'aria-label': 'Dismiss', onclick: () => msg.remove() }, '×'));
  box.append(msg);
  while (box.children.length > 4) {
    box.firstElementChild.remove();
  }
  if (kind !== 'error') {
    setTimeout(() => msg.remove(), 6000);
  }
  return msg;
}

/** Shows an error's message (the JSON error's 'message' for an ApiError). */
export function showError(e) {
  if (e && e.message === 'role') {
    return;
  }
  notify(e && e.message ? e.message : String(e), 'error');
}

/** Removes every message (before a new attempt). */
export function clearMessages() {
  frame().replaceChildren();
}

// ---- live events ----

let source = null;
const handlers = new Map();

/** Calls handler(data) for every event of a type from /api/events (opened on first use). */
export function live(type, handler) {
  if (!handlers.has(type)) {
    handlers.set(type, []);
    if (source) {
      listen(type);
    }
  }
  handlers.get(type).push(handler);
  if (!source) {
    open();
  }
}

// A browser keeps at most 6 HTTP/1.1 connections to the server and each open stream holds one: the stream is
// closed when the page is left (also into the back-forward cache) and opened again if the page comes back.
window.addEventListener('pagehide', () => {
  if (source) {
    source.close();
    source = null;
  }
});
window.addEventListener('pageshow', ev => {
  if (ev.persisted && handlers.size && !source) {
    open();
  }
});

function open() {
  const es = new EventSource('/api/events');
  source = es;
  const state = document.getElementById('live-state');
  const show = (cls, title) => {
    if (state) {
      state.hidden = false;
      state.className = 'live ' + cls;
      state.title = title;
    }
  };
  es.addEventListener('open', () => show('on', 'live updates connected'));
  es.addEventListener('error', () => {
    if (es.readyState === EventSource.CLOSED) {
      show('off', 'live updates stopped; reload the page');
      fetchMe().catch(() => {}); // leaves for the sign-in page when the session has ended
    } else {
      show('off', 'live updates reconnecting');
    }
  });
  for (const type of handlers.keys()) {
    listen(type);
  }
}

function listen(type) {
  source.addEventListener(type, ev => {
    let data;
    try {
      data = JSON.parse(ev.data);
    } catch (ignored) {
      return;
    }
    for (const h of handlers.get(type)) {
      h(data);
    }
  });
}

// Sign-in page: POST /api/auth/login {username, password}. The server sets the HttpOnly session cookie; the CSRF
// token in its answer is not kept here (each page asks /api/auth/me for it). On success the browser goes back to
// the page it came from (?next=, same-site paths only) or to the dashboard.

const form = document.getElementById('login-form');
const error = document.getElementById('login-error');
const button = document.getElementById('sign-in');
// Disabled in the page until this script is ready, so Enter can never send the form natively.
button.disabled = false;

/**
 * The page to go to after signing in: a path on this site, never another origin. The text is resolved by the
 * browser's own URL parser against this page (which drops tabs and new lines, so '/%09/evil.example' would become
 * '//evil.example'), and only a result on this very origin is kept, as path, query and fragment.
 */
function next() {
  const n = new URLSearchParams(location.search).get('next');
  if (!n || !n.startsWith('/')) {
    return '/';
  }
  let url;
  try {
    url = new URL(n, location.origin);
  } catch (ignored) {
    return '/';
  }
  if (url.origin !== location.origin || url.pathname.startsWith('/login.html')) {
    return '/';
  }
  return url.pathname + url.search + url.hash;
}

function fail(message, focus) {
  error.textContent = message;
  error.hidden = false;
  focus.focus();
}

form.addEventListener('submit', async ev => {
  ev.preventDefault();
  error.hidden = true;
  const username = form.username.value.trim();
  const password = form.password.value;
  if (!username) {
    fail('Enter your user name.', form.username);
    return;
  }
  if (!password) {
    fail('Enter your password.', form.password);
    return;
  }
  button.disabled = true;
  try {
    const r = await fetch('/api/auth/login', {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (r.ok) {
      location.replace(next());
      return;
    }
    let message = `Signing in failed (${r.status}).`;
    try {
      message = (await r.json()).message || message;
    } catch (ignored) {
      // keep the generic message
    }
    form.password.value = '';
    fail(message, form.password);
  } catch (e) {
    fail('The server could not be reached: ' + e.message, form.username);
  } finally {
    button.disabled = false;
  }
});

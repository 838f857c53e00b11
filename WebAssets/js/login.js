// Sign in. On success go back where the person was heading, or to their start page.
import { api, setCsrf } from './api.js';
import { $, clearErrors, showError, showFieldError, notice } from './dom.js';
import { homeFor } from './shell.js';

const form = $('#login-form');
const username = $('#username');
const password = $('#password');
const button = $('#sign-in');
const params = new URLSearchParams(location.search);

function destination(user) {
  const next = params.get('next') || '';
  return next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : homeFor(user);
}

if (params.has('signedOut')) notice($('#notices'), 'ok', 'You have signed out.');

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors(form);
  let missing = false;
  if (!password.value) { showFieldError(password, 'Enter your password.'); missing = true; }
  if (!username.value.trim()) { showFieldError(username, 'Enter your username.'); missing = true; }
  if (missing) { form.querySelector('[aria-invalid="true"]').focus(); return; }
  button.disabled = true;
  try {
    const answer = await api('POST', '/api/auth/login', { username: username.value.trim(), password: password.value });
    setCsrf(answer.csrfToken);
    location.assign(destination(answer.user));
  } catch (e) {
    if (e.status === 429 && e.retryAfter) e.message = `Too many failed sign-ins. Wait ${e.retryAfter} seconds and try again.`;
    showError(e, button, { username, password });
    if (e.status === 401) password.value = '';
  } finally {
    button.disabled = false;
  }
});

// First-run set-up: creates the first administrator with the one-time link's token.
// Everything the server or the user wrote is inserted with textContent, never as HTML.

const fields = ['username', 'displayName', 'password', 'confirm'];

const params = new URLSearchParams(window.location.search);
const token = params.get('token');
// Keep the one-time token out of the address bar, history and screenshots.
if (token) window.history.replaceState(null, '', window.location.pathname);

function show(id) {
  for (const section of ['setup', 'done', 'no-link']) {
    document.getElementById(section).hidden = section !== id;
  }
}

function clearErrors() {
  const summary = document.getElementById('form-errors');
  summary.hidden = true;
  summary.replaceChildren();
  for (const name of fields) {
    const input = document.getElementById(name);
    const error = document.getElementById(`${name}-error`);
    input.removeAttribute('aria-invalid');
    error.hidden = true;
    error.textContent = '';
  }
}

function fieldError(name, message) {
  const input = document.getElementById(name);
  const error = document.getElementById(`${name}-error`);
  if (!input || !error) return false;
  input.setAttribute('aria-invalid', 'true');
  error.textContent = `Error: ${message}`;
  error.hidden = false;
  return true;
}

function summarise(messages) {
  const summary = document.getElementById('form-errors');
  const heading = document.createElement('p');
  heading.textContent = messages.length === 1 ? 'There is a problem:' : `There are ${messages.length} problems:`;
  const list = document.createElement('ul');
  for (const message of messages) {
    const item = document.createElement('li');
    item.textContent = message;
    list.append(item);
  }
  summary.replaceChildren(heading, list);
  summary.hidden = false;
  summary.focus();
}

function checkLocally(values) {
  const problems = [];
  if (values.username.trim().length < 3) problems.push(['username', 'Enter a username of at least 3 characters.']);
  if (values.displayName.trim().length === 0) problems.push(['displayName', 'Enter your full name.']);
  if ([...values.password.normalize('NFKC')].length < 12) {
    problems.push(['password', 'Use at least 12 characters.']);
  }
  if (values.password !== values.confirm) problems.push(['confirm', 'The two passwords are different.']);
  return problems;
}

async function submit(event) {
  event.preventDefault();
  clearErrors();
  const form = event.currentTarget;
  const values = Object.fromEntries(fields.map((name) => [name, form.elements[name].value]));
  const local = checkLocally(values);
  if (local.length > 0) {
    for (const [name, message] of local) fieldError(name, message);
    summarise(local.map(([, message]) => message));
    return;
  }
  const button = document.getElementById('submit');
  button.disabled = true;
  try {
    const response = await fetch('/api/setup', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({
        token,
        username: values.username,
        displayName: values.displayName,
        password: values.password,
      }),
    });
    const body = await response.json().catch(() => ({}));
    if (response.status === 201) {
      document.getElementById('done-name').textContent = body.user?.displayName ?? values.displayName;
      show('done');
      document.getElementById('done').focus();
      return;
    }
    const error = body.error ?? {};
    const messages = [];
    for (const detail of error.details ?? []) {
      fieldError(detail.field, detail.reason);
      messages.push(detail.reason);
    }
    if (messages.length === 0) messages.push(error.message ?? `The server answered ${response.status}.`);
    summarise(messages);
  } catch {
    summarise(['The server could not be reached. Check that WardSim is running and try again.']);
  } finally {
    button.disabled = false;
  }
}

if (!token) {
  show('no-link');
} else {
  show('setup');
  document.getElementById('setup-form').addEventListener('submit', submit);
}

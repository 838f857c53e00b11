// The WardSim JSON API (docs/api.md): one fetch wrapper that sends the CSRF token on
// state-changing requests and turns error bodies into ApiError with a plain message.

let csrfToken = null;

export class ApiError extends Error {
  constructor(status, message, details = [], retryAfter = null) {
    super(message);
    this.status = status;
    this.details = details; // [{path, message}] for 422
    this.retryAfter = retryAfter;
  }
}

const plain = {
  0: 'Could not reach WardSim. Check your connection and try again.',
  401: 'Your session has ended. Sign in again.',
  403: 'You do not have access to this.',
  404: 'That could not be found.',
  409: 'That cannot be done yet.',
  413: 'That is too large to send.',
  422: 'Some fields need attention.',
  429: 'Too many attempts. Wait a moment and try again.',
  500: 'Something went wrong on the server. Try again.',
};

export function setCsrf(token) { csrfToken = token || null; }
export const csrf = () => csrfToken || '';

async function errorFrom(response) {
  let message = plain[response.status] || `The server answered ${response.status}.`;
  let details = [];
  let body = null;
  try {
    body = await response.json();
    const err = body && body.error;
    if (err && typeof err.message === 'string' && err.message) message = err.message;
    else if (body && typeof body.message === 'string' && body.message) message = body.message;
    if (err && Array.isArray(err.details)) {
      details = err.details.map((d) => ({ path: String(d.path ?? d.field ?? ''), message: String(d.message ?? d.reason ?? '') }));
    }
  } catch { /* not JSON: keep the plain message */ }
  const e = new ApiError(response.status, message, details, response.headers.get('Retry-After'));
  e.body = body;
  return e;
}

function headersFor(method, body, extra) {
  const headers = { Accept: 'application/json', ...extra };
  if (body !== undefined && typeof body !== 'string') headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  return headers;
}

/** Calls the API; resolves to parsed JSON (or null for 204), rejects with ApiError. */
export async function api(method, path, body, { headers = {}, signal } = {}) {
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: headersFor(method, body, headers),
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (e) {
    if (e && e.name === 'AbortError') throw e;
    throw new ApiError(0, plain[0]);
  }
  if (!response.ok) {
    const e = await errorFrom(response);
    if (e.status === 401 && !path.startsWith('/api/auth/')) {
      // Keep the page (and what was typed): the person signs in again elsewhere and retries.
      e.message = 'Your session has ended. Sign in again in a new tab (/login), then try this again here.';
    }
    throw e;
  }
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}

/** The signed-in user and CSRF token, or null when nobody is signed in. */
export async function whoAmI() {
  try {
    const me = await api('GET', '/api/auth/me');
    setCsrf(me.csrfToken);
    return me.user;
  } catch (e) {
    if (e.status === 401) return null;
    throw e;
  }
}

/**
 * Sends a question over the streaming endpoint, calling onToken(text) for each chunk.
 * Resolves to the final answer (the `done` event's JSON). Rejects with an ApiError whose
 * `opened` says the server had accepted the question (so it may have recorded the turn)
 * and `streamStarted` whether any reply text had arrived.
 */
export async function streamMessage(encounterId, text, onToken) {
  const path = `/api/encounters/${encodeURIComponent(encounterId)}/messages/stream`;
  let response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: { ...headersFor('POST', {}, {}), Accept: 'text/event-stream' },
      body: JSON.stringify({ text }),
      credentials: 'same-origin',
    });
  } catch {
    const e = new ApiError(0, plain[0]); e.streamStarted = false; throw e;
  }
  if (!response.ok || !response.body) {
    const e = response.ok ? new ApiError(0, 'The reply could not be streamed.') : await errorFrom(response);
    e.streamStarted = false;
    throw e;
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let started = false;
  const fail = (message) => { const e = new ApiError(0, message); e.streamStarted = started; e.opened = true; return e; };
  for (;;) {
    let chunk;
    try { chunk = await reader.read(); } catch { throw fail('The connection was lost while the patient was replying.'); }
    if (chunk.done) break;
    buffer += chunk.value.replace(/\r\n?/g, '\n');
    let cut;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      let event = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        let value = colon < 0 ? '' : line.slice(colon + 1);
        if (value.startsWith(' ')) value = value.slice(1);
        if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
      }
      const payload = data.join('\n');
      if (event === 'token') { started = true; onToken(payload); }
      else if (event === 'done') { reader.cancel().catch(() => {}); return JSON.parse(payload); }
      else if (event === 'error') {
        let message = 'The patient could not reply.';
        try { const j = JSON.parse(payload); message = j.message || (j.error && j.error.message) || message; } catch { if (payload) message = payload; }
        const e = new ApiError(502, message); e.streamStarted = started; e.opened = true; throw e;
      }
    }
  }
  throw fail('The reply stopped before it finished.');
}

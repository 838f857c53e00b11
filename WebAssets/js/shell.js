// The frame every signed-in page shares: who is signed in, the main navigation for
// their role, and signing out.
import { api, whoAmI } from './api.js';
import { h, $, fill } from './dom.js';

const links = [
  { href: '/library', text: 'Case library', roles: ['trainee', 'instructor', 'admin'] },
  { href: '/progress', text: 'My progress', roles: ['trainee', 'instructor', 'admin'] },
  { href: '/instructor', text: 'My cohorts', roles: ['instructor', 'admin'] },
  { href: '/authoring', text: 'Scenarios', roles: ['instructor', 'admin'] },
  { href: '/admin', text: 'Administration', roles: ['admin'] },
];

export function homeFor(user) {
  return user.role === 'admin' ? '/admin' : user.role === 'instructor' ? '/instructor' : '/library';
}

/**
 * Starts a signed-in page: sends anonymous visitors to sign in (and back afterwards),
 * refuses the wrong role with a plain message, draws the navigation. Resolves to the
 * user, or null when the page must not continue.
 */
export async function startPage({ roles = ['trainee', 'instructor', 'admin'] } = {}) {
  const main = $('#main');
  let user;
  try {
    user = await whoAmI();
  } catch (e) {
    fill(main, h('div', { class: 'notice bad', role: 'alert' }, e.message));
    return null;
  }
  if (!user) {
    location.replace(`/login?next=${encodeURIComponent(location.pathname + location.search)}`);
    return null;
  }
  drawNav(user);
  if (!roles.includes(user.role)) {
    fill(main, 
      h('h1', {}, 'Not available'),
      h('div', { class: 'notice bad', role: 'alert' }, 'You do not have access to this page.'),
      h('p', {}, h('a', { href: homeFor(user) }, 'Go to your start page')),
    );
    return null;
  }
  return user;
}

function drawNav(user) {
  const nav = $('#nav');
  if (nav) {
    fill(nav);
    const here = location.pathname;
    for (const link of links.filter((l) => l.roles.includes(user.role))) {
      const current = here === link.href || here.startsWith(`${link.href}/`);
      nav.append(h('li', {}, h('a', { href: link.href, 'aria-current': current ? 'page' : null }, link.text)));
    }
  }
  const who = $('#who');
  if (who) {
    const out = h('button', { type: 'button', class: 'button small', id: 'sign-out' }, 'Sign out');
    out.addEventListener('click', async () => {
      out.disabled = true;
      try { await api('POST', '/api/auth/logout'); } catch { /* the session is gone either way */ }
      location.assign('/login?signedOut=1');
    });
    fill(who, h('span', {}, user.displayName || user.username, ' ', h('span', { class: 'visually-hidden' }, `(${user.role})`)), out);
  }
}

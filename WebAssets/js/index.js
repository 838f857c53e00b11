// `/`: send each person to their start page.
import { whoAmI } from './api.js';
import { homeFor } from './shell.js';

whoAmI().then((user) => location.replace(user ? homeFor(user) : '/login')).catch((e) => {
  document.getElementById('status').textContent = e.message;
});

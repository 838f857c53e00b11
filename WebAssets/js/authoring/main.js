// /authoring: the scenario list; /authoring/new: a new scenario (?from=ID starts from a
// copy); /authoring/{id}: the editor. Instructors and administrators only.
import { startPage } from '../shell.js';
import { openList } from './list.js';
import { openEditor } from './editor.js';

async function main() {
  const user = await startPage({ roles: ['instructor', 'admin'] });
  if (!user) return;
  const parts = location.pathname.split('/').filter(Boolean);
  const query = new URLSearchParams(location.search);
  if (parts.length < 2) return openList();
  const id = decodeURIComponent(parts[1]);
  if (id === 'new' && !query.has('scenario')) return openEditor({ id: null, copyFrom: query.get('from') });
  return openEditor({ id: query.get('scenario') || id });
}

main();

// JSON paths as the validator writes them (`facts[3].answer`, `rubric.weights.history-taking`,
// `weights["odd key"]`, `$` for the whole document), to and from arrays of keys and indices.

/** 'facts[3].answer' -> ['facts', 3, 'answer']; '$' -> []. */
export function parsePath(text) {
  const parts = [];
  const s = String(text ?? '');
  if (s === '$' || s === '') return parts;
  let i = 0;
  while (i < s.length) {
    if (s[i] === '.') { i += 1; continue; }
    if (s[i] === '[') {
      if (s[i + 1] === '"') {
        let j = i + 2;
        let key = '';
        while (j < s.length && s[j] !== '"') {
          if (s[j] === '\\' && j + 1 < s.length) { key += s[j + 1]; j += 2; } else { key += s[j]; j += 1; }
        }
        parts.push(key);
        i = s.indexOf(']', j) + 1 || s.length;
      } else {
        const end = s.indexOf(']', i);
        const inner = s.slice(i + 1, end < 0 ? s.length : end);
        parts.push(/^\d+$/.test(inner) ? Number(inner) : inner);
        i = end < 0 ? s.length : end + 1;
      }
      continue;
    }
    let j = i;
    while (j < s.length && s[j] !== '.' && s[j] !== '[') j += 1;
    parts.push(s.slice(i, j));
    i = j;
  }
  return parts;
}

const plain = /^[A-Za-z0-9_-]+$/;

/** ['facts', 3, 'answer'] -> 'facts[3].answer'. */
export function formatPath(parts) {
  if (!parts.length) return '$';
  let text = '';
  for (const part of parts) {
    if (typeof part === 'number') text += `[${part}]`;
    else if (plain.test(part)) text += text ? `.${part}` : part;
    else text += `[${JSON.stringify(part)}]`;
  }
  return text;
}

export function getAt(root, parts) {
  let node = root;
  for (const part of parts) {
    if (node === null || typeof node !== 'object') return undefined;
    node = node[part];
  }
  return node;
}

/** Sets the value at `parts`, making objects and arrays on the way; undefined deletes. */
export function setAt(root, parts, value) {
  let node = root;
  for (let i = 0; i < parts.length - 1; i += 1) {
    const part = parts[i];
    if (node[part] === null || typeof node[part] !== 'object') node[part] = typeof parts[i + 1] === 'number' ? [] : {};
    node = node[part];
  }
  const last = parts[parts.length - 1];
  if (value === undefined) {
    if (Array.isArray(node) && typeof last === 'number') node.splice(last, 1);
    else delete node[last];
  } else {
    node[last] = value;
  }
}

/** A DOM id for a path: 'f-facts-3-answer'. */
export function pathID(parts, prefix = 'f') {
  return [prefix, ...parts.map((p) => String(p).replace(/[^A-Za-z0-9_-]/g, '_'))].join('-');
}

// Small SVG charts drawn in the browser. Every chart carries a text alternative
// (title + desc, and the pages add a data table), values are written out in words,
// and nothing is told by colour alone.
const NS = 'http://www.w3.org/2000/svg';

function s(tag, attrs = {}, text) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}
const pct = (x) => `${Math.round((x || 0) * 100)}%`;
const clamp = (x) => Math.max(0, Math.min(1, Number(x) || 0));

function svgRoot(width, height, title, desc) {
  const id = `c${Math.random().toString(36).slice(2, 8)}`;
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${id}-t ${id}-d`, class: 'svg-chart' });
  svg.style.maxWidth = `${width}px`;
  svg.append(s('title', { id: `${id}-t` }, title), s('desc', { id: `${id}-d` }, desc));
  return svg;
}

/** A plain proportion bar (decorative: the value is printed next to it). */
export function barSVG(value) {
  const svg = s('svg', { viewBox: '0 0 100 10', preserveAspectRatio: 'none', 'aria-hidden': 'true', focusable: 'false' });
  svg.append(s('rect', { width: 100, height: 10, class: 'svg-bar-bg' }), s('rect', { width: clamp(value) * 100, height: 10, class: 'svg-bar' }));
  return svg;
}

/** Horizontal bars of mastery per competency with the level thresholds marked. */
export function masteryChart(comps, thresholds = []) {
  const rowH = 36; const labelW = 350; const barW = 330; const width = labelW + barW + 150; const top = 24;
  const height = top + comps.length * rowH + 8;
  const desc = comps.map((c) => `${c.name}: ${pct(c.mastery)}, ${c.levelName || c.level || ''}`).join('; ');
  const svg = svgRoot(width, height, 'Mastery per competency', desc);
  for (const t of thresholds) {
    const x = labelW + t.at * barW;
    svg.append(s('line', { x1: x, x2: x, y1: top - 6, y2: height - 4, class: 'svg-tick' }),
      s('text', { x, y: 12, 'text-anchor': 'middle', class: 'svg-muted' }, pct(t.at)));
  }
  comps.forEach((c, i) => {
    const y = top + i * rowH;
    svg.append(
      s('text', { x: labelW - 10, y: y + 19, 'text-anchor': 'end', class: 'svg-label' }, c.name),
      s('rect', { x: labelW, y: y + 6, width: barW, height: 18, rx: 3, class: 'svg-bar-bg' }),
      s('rect', { x: labelW, y: y + 6, width: Math.max(2, clamp(c.mastery) * barW), height: 18, rx: 3, class: 'svg-bar' }),
      s('text', { x: labelW + barW + 10, y: y + 19, class: 'svg-label' }, `${pct(c.mastery)} · ${c.levelName || c.level || ''}`));
  });
  return svg;
}

/** A small line chart of one competency's mastery over its graded encounters. */
export function trendChart(name, history) {
  const width = 260; const height = 120; const pad = { l: 44, r: 10, t: 10, b: 22 };
  const w = width - pad.l - pad.r; const hgt = height - pad.t - pad.b;
  const pts = history.map((p, i) => ({
    x: pad.l + (history.length === 1 ? w / 2 : (i / (history.length - 1)) * w),
    y: pad.t + (1 - clamp(p.mastery)) * hgt,
    v: p.mastery,
  }));
  const first = history[0]; const last = history[history.length - 1];
  const desc = history.length
    ? `${history.length} graded encounter${history.length === 1 ? '' : 's'}; mastery from ${pct(first.mastery)} to ${pct(last.mastery)}.`
    : 'No graded encounters yet.';
  const svg = svgRoot(width, height, `${name}: mastery over time`, desc);
  for (const v of [0, 0.5, 1]) {
    const y = pad.t + (1 - v) * hgt;
    svg.append(s('line', { x1: pad.l, x2: width - pad.r, y1: y, y2: y, class: 'svg-axis' }),
      s('text', { x: pad.l - 6, y: y + 4, 'text-anchor': 'end', class: 'svg-muted' }, pct(v)));
  }
  svg.append(s('text', { x: pad.l, y: height - 6, class: 'svg-muted' }, 'first'),
    s('text', { x: width - pad.r, y: height - 6, 'text-anchor': 'end', class: 'svg-muted' }, 'latest'));
  if (pts.length > 1) svg.append(s('polyline', { points: pts.map((p) => `${p.x},${p.y}`).join(' '), class: 'svg-line' }));
  for (const p of pts) svg.append(s('circle', { cx: p.x, cy: p.y, r: 4, class: 'svg-dot' }));
  return svg;
}

/**
 * Automation-bias calibration: how often unsound advice was accepted and sound advice
 * rejected. Both should be low; each bar says its numbers in words.
 */
export function calibrationChart(b) {
  // Field names as the progress API gives them, or as docs/api.md first described them.
  const rows = [
    ['Accepted unsound advice', b.commissions ?? b.acceptedUnsound ?? 0, b.unsoundShown ?? b.unsoundSeen ?? 0],
    ['Rejected sound advice', b.overRejections ?? b.rejectedSound ?? 0, b.soundShown ?? b.soundSeen ?? 0],
  ];
  const labelW = 210; const barW = 280; const width = labelW + barW + 170; const rowH = 40; const height = rows.length * rowH + 10;
  const desc = rows.map(([l, n, d]) => `${l}: ${n} of ${d}${d ? ` (${pct(n / d)})` : ''}`).join('; ');
  const svg = svgRoot(width, height, 'Automation-bias calibration', desc);
  rows.forEach(([label, n, d], i) => {
    const y = 6 + i * rowH;
    const share = d ? n / d : 0;
    svg.append(
      s('text', { x: labelW - 10, y: y + 20, 'text-anchor': 'end', class: 'svg-label' }, label),
      s('rect', { x: labelW, y: y + 6, width: barW, height: 20, rx: 3, class: 'svg-bar-bg' }),
      s('rect', { x: labelW, y: y + 6, width: Math.max(d ? 2 : 0, share * barW), height: 20, rx: 3, class: 'svg-bar-ai' }),
      s('text', { x: labelW + barW + 10, y: y + 20, class: 'svg-label' }, d ? `${n} of ${d} (${pct(share)})` : 'not seen yet'));
  });
  return svg;
}

// The printable cohort report: fetches /api/instructor/analytics/cohorts/{id} and draws
// the competency heat map, the mastery trend and the automation-bias rates as SVG.
// Every user-supplied string goes through textContent; no HTML is built from data.

const SVG = "http://www.w3.org/2000/svg";

/** An SVG element with attributes. */
function svg(name, attributes = {}, parent = null) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (parent) parent.appendChild(element);
  return element;
}

/** An SVG text node; `text` is set with textContent. */
function label(parent, x, y, text, attributes = {}) {
  const node = svg("text", { x, y, ...attributes }, parent);
  node.textContent = text;
  return node;
}

/** An HTML element with text. */
function el(name, text = "", className = "") {
  const element = document.createElement(name);
  if (text !== "") element.textContent = text;
  if (className) element.className = className;
  return element;
}

const percent = (value) => (value === null || value === undefined ? "–" : `${Math.round(value * 100)}%`);
const day = (iso) => (iso ? iso.slice(0, 10) : "–");

/** Sequential blue scale for 0–1 (readable in grey when printed). */
function blue(value) {
  const t = Math.max(0, Math.min(1, value));
  const from = [239, 244, 250];
  const to = [17, 63, 120];
  const mix = from.map((start, i) => Math.round(start + (to[i] - start) * t));
  return `rgb(${mix[0]}, ${mix[1]}, ${mix[2]})`;
}

const LEVEL_LETTER = { novice: "N", "advanced-beginner": "A", competent: "C", proficient: "P" };

function drawHeatmap(container, data) {
  const competencies = data.competencies;
  const rows = data.heatmap;
  if (rows.length === 0) {
    container.appendChild(el("p", "No trainees in this cohort yet.", "muted"));
    return;
  }
  const cell = 36;
  const left = 190;
  const top = 200;
  const width = left + competencies.length * cell + 150;
  const height = top + rows.length * cell + 10;
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, role: "img" }, container);
  const title = svg("title", {}, chart);
  title.textContent = `Mastery of ${rows.length} trainees in ${competencies.length} competencies`;

  competencies.forEach((competency, column) => {
    const x = left + column * cell + cell / 2;
    const name = competency.name.length > 34 ? `${competency.name.slice(0, 33)}…` : competency.name;
    const text = label(chart, x, top - 8, name, { transform: `rotate(-55 ${x} ${top - 8})`, "font-size": 11 });
    svg("title", {}, text).textContent = competency.name;
  });
  rows.forEach((row, index) => {
    const y = top + index * cell;
    const who = row.displayName.length > 28 ? `${row.displayName.slice(0, 27)}…` : row.displayName;
    label(chart, left - 8, y + cell / 2 + 4, who, { "text-anchor": "end", "font-size": 12 });
    row.mastery.forEach((mastery, column) => {
      const x = left + column * cell;
      const attempts = row.attempts[column];
      const rect = svg("rect", {
        x: x + 1, y: y + 1, width: cell - 2, height: cell - 2, rx: 3,
        fill: attempts > 0 ? blue(mastery) : "#ffffff", stroke: "#d5dbe3",
      }, chart);
      const tip = svg("title", {}, rect);
      tip.textContent = `${row.displayName} · ${competencies[column].name}: mastery ${mastery.toFixed(2)}, ` +
        `${attempts} attempt${attempts === 1 ? "" : "s"}, level ${row.level[column] ?? "–"}`;
      const ink = attempts > 0 && mastery > 0.55 ? "#ffffff" : "#1b2430";
      label(chart, x + cell / 2, y + 15, attempts > 0 ? mastery.toFixed(2).slice(1) : "·", {
        "text-anchor": "middle", "font-size": 10, fill: ink,
      });
      label(chart, x + cell / 2, y + 27, LEVEL_LETTER[row.level[column]] ?? "", {
        "text-anchor": "middle", "font-size": 9, fill: ink,
      });
    });
  });
}

function drawTrend(container, data) {
  const { weeks, series } = data.masteryOverTime;
  if (weeks.length === 0) {
    container.appendChild(el("p", "No graded encounters yet.", "muted"));
    return;
  }
  const width = 240;
  const height = 120;
  const pad = { left: 28, right: 8, top: 8, bottom: 22 };
  const x = (i) => pad.left + (weeks.length === 1 ? (width - pad.left - pad.right) / 2
    : (i * (width - pad.left - pad.right)) / (weeks.length - 1));
  const y = (v) => pad.top + (1 - v) * (height - pad.top - pad.bottom);
  const names = Object.fromEntries(data.competencies.map((c) => [c.id, c.name]));

  for (const line of series) {
    const figure = el("figure");
    figure.appendChild(el("figcaption", names[line.competency] ?? line.competency));
    const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, role: "img" }, figure);
    const title = svg("title", {}, chart);
    const last = line.mean.filter((v) => v !== null).at(-1);
    title.textContent = `${names[line.competency]}: latest cohort mean ${last === undefined ? "none" : last.toFixed(2)}`;
    svg("rect", { x: pad.left, y: pad.top, width: width - pad.left - pad.right,
      height: height - pad.top - pad.bottom, fill: "#f4f6f9" }, chart);
    for (const threshold of [0.4, 0.6, 0.8]) {
      svg("line", { x1: pad.left, x2: width - pad.right, y1: y(threshold), y2: y(threshold),
        stroke: "#9aa5b4", "stroke-dasharray": "3 3", "stroke-width": 1 }, chart);
    }
    for (const tick of [0, 0.5, 1]) label(chart, pad.left - 4, y(tick) + 3, String(tick), { "text-anchor": "end", "font-size": 9 });
    label(chart, pad.left, height - 6, weeks[0].slice(5), { "font-size": 9 });
    if (weeks.length > 1) label(chart, width - pad.right, height - 6, weeks.at(-1).slice(5), { "text-anchor": "end", "font-size": 9 });
    let path = "";
    line.mean.forEach((value, i) => {
      if (value === null) return;
      path += `${path === "" ? "M" : "L"}${x(i).toFixed(1)},${y(value).toFixed(1)} `;
    });
    if (path) {
      svg("path", { d: path.trim(), fill: "none", stroke: "#1f5fa8", "stroke-width": 2 }, chart);
      line.mean.forEach((value, i) => {
        if (value !== null) svg("circle", { cx: x(i), cy: y(value), r: 2.5, fill: "#1f5fa8" }, chart);
      });
    } else {
      label(chart, width / 2, height / 2, "no evidence yet", { "text-anchor": "middle", "font-size": 10 });
    }
    container.appendChild(figure);
  }
}

function drawBias(container, bias) {
  const bars = [
    ["Commission (accepted unsound)", bias.commissionRate, bias.commission, bias.unsoundSeen],
    ["Over-rejection (rejected sound)", bias.overRejectionRate, bias.overRejection, bias.soundSeen],
    ["Switched correct → incorrect", bias.switchedCorrectToIncorrectRate, bias.switchedCorrectToIncorrect,
      bias.unsoundSeen + bias.soundSeen],
    ["Switched incorrect → correct", bias.switchedIncorrectToCorrectRate, bias.switchedIncorrectToCorrect,
      bias.unsoundSeen + bias.soundSeen],
  ];
  const width = 640;
  const row = 34;
  const left = 230;
  const barWidth = width - left - 120;
  const chart = svg("svg", { viewBox: `0 0 ${width} ${bars.length * row + 24}`, width, role: "img" }, container);
  const title = svg("title", {}, chart);
  title.textContent = "Automation-bias rates of the cohort";
  bars.forEach(([name, rate, count, total], i) => {
    const y = 8 + i * row;
    label(chart, left - 10, y + 17, name, { "text-anchor": "end", "font-size": 12 });
    svg("rect", { x: left, y: y + 4, width: barWidth, height: 18, fill: "#f4f6f9", stroke: "#d5dbe3" }, chart);
    if (rate !== null && rate !== undefined) {
      svg("rect", { x: left, y: y + 4, width: Math.max(1, rate * barWidth), height: 18,
        fill: i < 3 ? "#a33a16" : "#2f7d4f" }, chart);
    }
    label(chart, left + barWidth + 8, y + 17, `${percent(rate)} (${count} of ${total})`, { "font-size": 12 });
  });
  label(chart, left, bars.length * row + 20, "0%", { "font-size": 10 });
  label(chart, left + barWidth, bars.length * row + 20, "100%", { "text-anchor": "end", "font-size": 10 });
}

function fillTrainees(table, data) {
  const body = table.querySelector("tbody");
  for (const trainee of data.trainees) {
    const row = el("tr");
    if (trainee.behind) row.className = "behind";
    const name = el("td");
    name.appendChild(el("span", trainee.displayName));
    name.appendChild(el("div", trainee.username, "muted"));
    row.appendChild(name);
    row.appendChild(el("td", String(trainee.graded), "number"));
    row.appendChild(el("td", day(trainee.lastActivity)));
    const path = trainee.path;
    row.appendChild(el("td", path ? `${path.completedScenarios} of ${path.totalScenarios} (${percent(path.share)})` : "–"));
    row.appendChild(el("td", path ? (path.nextModuleTitle ?? "Path complete") : "–"));
    const bias = trainee.automationBias;
    row.appendChild(el("td", `${bias.commission} of ${bias.unsoundSeen}`, "number"));
    row.appendChild(el("td", `${bias.overRejection} of ${bias.soundSeen}`, "number"));
    const status = el("td");
    if (trainee.behind) {
      status.appendChild(el("span", "Behind", "flag"));
      status.appendChild(el("div", trainee.reason ?? "", "muted"));
    } else {
      status.textContent = "On track";
    }
    row.appendChild(status);
    body.appendChild(row);
  }
}

async function main() {
  const id = decodeURIComponent(location.pathname.split("/").filter(Boolean).at(-1) ?? "");
  const statusText = document.getElementById("status-text");
  const query = new URLSearchParams(location.search);
  const parameters = new URLSearchParams();
  if (query.get("since")) parameters.set("since", query.get("since"));
  if (query.get("path")) parameters.set("path", query.get("path"));
  const suffix = parameters.toString() ? `?${parameters}` : "";

  document.getElementById("print").addEventListener("click", () => window.print());
  const cohortQuery = `?cohort=${encodeURIComponent(id)}`;
  document.getElementById("download-progress").href = `/api/instructor/reports/progress.csv${cohortQuery}`;
  document.getElementById("download-attempts").href = `/api/instructor/reports/attempts.csv${cohortQuery}`;

  let data;
  try {
    const response = await fetch(`/api/instructor/analytics/cohorts/${encodeURIComponent(id)}${suffix}`, {
      headers: { Accept: "application/json" }, credentials: "same-origin",
    });
    if (response.status === 401) {
      // Like every page: sign in, then come back here.
      location.replace(`/login?next=${encodeURIComponent(location.pathname + location.search)}`);
      return;
    }
    const body = await response.json();
    if (!response.ok) throw new Error(body?.error?.message ?? `The server answered ${response.status}.`);
    data = body;
  } catch (error) {
    document.getElementById("status").classList.add("error");
    document.getElementById("loading").remove();
    statusText.textContent = `The report could not be loaded: ${error.message}`;
    return;
  }

  document.title = `${data.cohort.name} — cohort report — WardSim`;
  document.getElementById("title").textContent = data.cohort.name;
  const weeks = data.masteryOverTime.weeks;
  document.getElementById("subtitle").textContent =
    `${data.trainees.length} trainee${data.trainees.length === 1 ? "" : "s"} · ` +
    `${data.automationBias.encounters} graded encounter${data.automationBias.encounters === 1 ? "" : "s"}` +
    (weeks.length ? ` · weeks of ${weeks[0]} to ${weeks.at(-1)}` : "");
  document.getElementById("path").textContent = data.path
    ? `Learning path: ${data.path.title} (${data.path.chosen === "requested" ? "as requested" : "inferred from what the cohort played"}). ${data.behindRule}`
    : "No learning path applies.";

  drawHeatmap(document.getElementById("heatmap"), data);
  drawTrend(document.getElementById("trend"), data);
  drawBias(document.getElementById("bias"), data.automationBias);
  fillTrainees(document.getElementById("trainees"), data);
  document.getElementById("generated").textContent = `Generated ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC by WardSim.`;
  document.getElementById("status").hidden = true;
  document.getElementById("report").hidden = false;
}

main();

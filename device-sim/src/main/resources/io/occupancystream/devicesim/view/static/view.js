// The live view: renders what /state and the /events stream say; all figures come from the server.
"use strict";

const board = { version: 0, rooms: new Map(), shadows: new Map(), counts: null, sources: {},
  eventTime: 0, bucketSeconds: 10, timelineBuckets: 720, clockOffset: 0 };
const cards = new Map();

function apply(update) {
  board.version = update.version;
  board.eventTime = update.eventTime;
  board.bucketSeconds = update.bucketSeconds;
  board.timelineBuckets = update.timelineBuckets;
  board.clockOffset = update.now - Date.now();
  board.counts = update.counts;
  board.sources = update.sources;
  for (const room of update.rooms) {
    const known = board.rooms.get(room.room);
    const timeline = known ? known.timeline : new Map();
    for (const point of room.timeline) {
      timeline.set(point.t, point);
    }
    const oldest = Math.max(...timeline.keys()) - (board.timelineBuckets - 1) * board.bucketSeconds;
    for (const t of timeline.keys()) {
      if (t < oldest) {
        timeline.delete(t);
      }
    }
    room.timeline = timeline;
    board.rooms.set(room.room, room);
  }
  for (const shadow of update.shadows) {
    board.shadows.set(shadow.thingName, shadow);
  }
  // An update without rooms or shadows only moves the counts and the clock.
  if (update.rooms.length > 0 || update.shadows.length > 0) {
    render();
  } else {
    renderSummary();
  }
}

function now() {
  return Date.now() + board.clockOffset;
}

function time(epochSeconds) {
  return new Date(epochSeconds * 1000).toISOString().replace("T", " ").replace(".000Z", "Z");
}

function age(millis) {
  const s = Math.max(0, Math.round(millis / 1000));
  if (s < 120) return s + " s";
  if (s < 7200) return Math.round(s / 60) + " min";
  return (s / 3600).toFixed(1) + " h";
}

function pct(rate) {
  return rate === null || rate === undefined ? "none yet" : (rate * 100).toFixed(1) + " %";
}

function number(value, digits) {
  return value === null || value === undefined ? "–" : value.toFixed(digits);
}

function decidedBy(item) {
  if (item.source === "fallback") return "fallback (" + item.fallbackReason + ")";
  if (item.source === "model") return "model " + (item.modelVersion || "");
  return item.source;
}

function counts(map) {
  const entries = Object.entries(map || {});
  return entries.length === 0 ? "none" : entries.map(([k, v]) => k + " " + v).join(", ");
}

function el(tag, attrs, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

function renderSummary() {
  const c = board.counts;
  if (!c) return;
  const recent = "last " + c.recentSeconds + " s";
  const summary = document.getElementById("summary");
  summary.replaceChildren(
    box("results", "total: " + counts(c.results.total) + "; " + recent + ": " + counts(c.results.recent), "results"),
    box("fallback rate", "total " + pct(c.fallbackRate.total) + "; " + recent + " " + pct(c.fallbackRate.recent), "fallback-rate"),
    box("fallbacks by reason", "total: " + counts(c.fallbackReasons.total) + "; " + recent + ": " + counts(c.fallbackReasons.recent), "fallback-reasons"),
    box("dead letters by reason", "total: " + counts(c.deadLetters.total) + "; " + recent + ": " + counts(c.deadLetters.recent), "dead-letters"),
    box("repeats left out", String(c.repeats), "repeats"));
  const sources = Object.entries(board.sources).map(([name, s]) =>
    name + ": " + s.records + " records" + (s.unreadable ? ", " + s.unreadable + " unreadable" : "") +
    (s.error ? " — cannot read: " + s.error : ""));
  document.getElementById("sources").textContent = sources.join(" · ");
  document.getElementById("clock").textContent = "event time " +
    (board.eventTime ? time(board.eventTime) : "–") + " · board version " + board.version;
}

function box(title, text, id) {
  const div = el("div", { id: id });
  div.append(el("b", {}, title), document.createTextNode(text));
  return div;
}

function card(name) {
  let card = cards.get(name);
  if (card) return card;
  document.getElementById("no-rooms").hidden = true;
  const root = el("article", { class: "room", "data-room": name });
  const title = el("h2", {}, name + " ");
  const decision = el("span", { class: "decision" });
  title.append(decision);
  const facts = el("div", { class: "facts" });
  const devices = el("table", { class: "devices" });
  const chart = el("div", { class: "chart" });
  root.append(title, facts, devices, chart);
  const rooms = [...cards.keys(), name].sort();
  const next = rooms[rooms.indexOf(name) + 1];
  document.getElementById("rooms").insertBefore(root, next ? cards.get(next).root : null);
  card = { root, decision, facts, devices, chart, plot: null };
  cards.set(name, card);
  return card;
}

function renderRoom(room) {
  const c = card(room.room);
  c.decision.textContent = room.occupied ? "occupied" : "empty";
  c.decision.className = "decision " + (room.occupied ? "occupied" : "empty");
  const by = el("span", { class: "decided-by " + room.source }, decidedBy(room));
  c.facts.replaceChildren(
    document.createTextNode("since " + time(room.since) + " (event time; " +
      age((board.eventTime - room.since) * 1000) + ") · score " + number(room.score, 3) +
      (room.roomScore !== null ? " from " + room.voters + " fresh device(s)" : "") + " · decided by "),
    by,
    document.createTextNode(" · " + room.results + " results"));
  const head = el("tr");
  for (const h of ["device", "own state", "probability", "decided by", "last reading", "age (event time)", "age (arrival)", "shadow"]) {
    head.append(el("th", {}, h));
  }
  const rows = [head];
  for (const d of room.devices) {
    const row = el("tr", { "data-thing": d.thingName });
    const shadow = d.shadow ? (d.shadow.error ? d.shadow.error :
      (d.shadow.occupied === null ? "no decision" : (d.shadow.occupied ? "occupied" : "empty"))) : "";
    row.append(el("td", {}, d.thingName), el("td", {}, d.occupied ? "occupied" : "empty"),
      el("td", {}, number(d.probability, 3)), el("td", {}, decidedBy(d)),
      el("td", {}, time(d.timestamp)), el("td", {}, age((board.eventTime - d.timestamp) * 1000)),
      el("td", { class: "arrival-age", "data-arrival": d.arrival }, age(now() - d.arrival)),
      el("td", {}, shadow));
    rows.push(row);
  }
  c.devices.replaceChildren(...rows);
  renderChart(c, room);
}

function renderChart(c, room) {
  const points = [...room.timeline.values()].sort((a, b) => a.t - b.t);
  if (points.length === 1) {
    // One point alone would stretch the time axis over years: show empty buckets around it.
    const t = points[0].t;
    const empty = { score: null, decision: null, label: null, sound: null };
    points.unshift({ ...empty, t: t - 6 * board.bucketSeconds });
    points.push({ ...empty, t: t + board.bucketSeconds });
  }
  const data = [points.map(p => p.t), points.map(p => p.score),
    points.map(p => (p.decision === null ? null : (p.decision ? 1 : 0))),
    points.map(p => (p.label === null ? null : (p.label ? 1 : 0))),
    points.map(p => p.sound)];
  if (typeof uPlot === "undefined") return;
  if (!c.plot) {
    const stepped = uPlot.paths.stepped({ align: 1 });
    c.plot = new uPlot({
      width: 540, height: 170,
      scales: { x: { time: true }, y: { range: [0, 1] }, sound: {} },
      series: [{},
        { label: "score", stroke: "#1f77b4", scale: "y" },
        { label: "decision", stroke: "#d62728", paths: stepped, scale: "y" },
        { label: "label", stroke: "#2ca02c", dash: [4, 4], paths: stepped, scale: "y" },
        { label: "sound", stroke: "#999", scale: "sound" }],
      axes: [{}, { scale: "y" }, { scale: "sound", side: 1, grid: { show: false } }],
    }, data, c.chart);
  } else {
    c.plot.setData(data);
  }
}

function renderShadows() {
  if (board.shadows.size === 0) return;
  document.getElementById("shadows-section").hidden = false;
  const rows = [];
  for (const s of [...board.shadows.values()].sort((a, b) => a.thingName.localeCompare(b.thingName))) {
    const row = el("tr", { "data-thing": s.thingName });
    row.append(el("td", {}, s.thingName),
      el("td", {}, s.occupied === null ? "–" : (s.occupied ? "occupied" : "empty")),
      el("td", {}, s.recordedAt === null ? "–" : time(s.recordedAt)),
      el("td", {}, s.version === null ? "–" : String(s.version)),
      el("td", {}, age(now() - s.polledAt) + " ago"),
      el("td", {}, s.error || ""));
    rows.push(row);
  }
  document.querySelector("#shadows tbody").replaceChildren(...rows);
}

function render() {
  renderSummary();
  for (const room of board.rooms.values()) renderRoom(room);
  renderShadows();
}

// Arrival ages keep counting while nothing comes.
setInterval(() => {
  for (const cell of document.querySelectorAll("td.arrival-age")) {
    cell.textContent = age(now() - Number(cell.dataset.arrival));
  }
}, 1000);

function connect(since) {
  const connection = document.getElementById("connection");
  const events = new EventSource("/events?since=" + since);
  events.addEventListener("board", e => apply(JSON.parse(e.data)));
  events.onopen = () => { connection.textContent = "live"; connection.className = "connection live"; };
  events.onerror = () => { connection.textContent = "reconnecting"; connection.className = "connection lost"; };
}

fetch("/state").then(r => r.json()).then(state => { apply(state); connect(state.version); });

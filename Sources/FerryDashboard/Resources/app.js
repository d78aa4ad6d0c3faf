// Ferry dashboard: plain JavaScript, no external resource. Data from /api/*, live updates from /api/events (SSE).
"use strict";

const STAGES = ["initial", "dual-read", "dual-read-write", "cutting-over", "completed"];
const PAGE_ROWS = 500;
const state = { token: sessionStorage.getItem("ferry.token") || "", operator: null, task: null, page: null,
  offset: 0, selected: new Set(), pendingBatch: null, refreshTimer: null, filterTimer: null };

const $ = (id) => document.getElementById(id);
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (key === "class") node.className = value; else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child != null) node.append(child instanceof Node ? child : String(child));
  return node;
}
const refKey = (row) => row.agentId + "\u0000" + row.topic;

async function api(path, options = {}) {
  const headers = Object.assign({}, options.headers || {});
  if (state.token) headers["Authorization"] = "Bearer " + state.token;
  const response = await fetch(path, Object.assign({}, options, { headers }));
  const text = await response.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch (_) { body = null; }
  if (!response.ok) {
    const message = (body && body.error && body.error.message) || text || response.statusText;
    throw new Error(response.status + ": " + message);
  }
  return body;
}

function showError(error) {
  const box = $("error");
  if (!error) { box.hidden = true; box.textContent = ""; return; }
  box.hidden = false;
  box.textContent = String(error.message || error);
}

async function loadSession() {
  const session = await api("/api/session");
  state.operator = session.operator;
  $("who").textContent = session.operator ? "Logged in as " + session.operator : (session.loginEnabled ? "Read-only" : "Read-only (no operator tokens configured)");
  $("login-form").hidden = !!session.operator || !session.loginEnabled;
  $("logout").hidden = !session.operator;
  updateButtons();
}

async function loadAgents() {
  const list = await api("/api/agents");
  const strip = $("agents");
  strip.replaceChildren(...list.agents.map((agent) => {
    const proxy = agent.proxy;
    const warn = !agent.connected ? "disconnected" : proxy && (!proxy.sourceReachable || !proxy.targetReachable || proxy.warning)
      ? (proxy.warning || "proxy cannot reach " + (!proxy.sourceReachable ? "source" : "target")) : null;
    return el("div", { class: "agent" + (agent.connected && !warn ? " up" : ""), "data-agent": agent.agentId },
      el("div", { class: "name" }, agent.agentId),
      el("div", { class: "meta" }, agent.cluster + " · " + (agent.connected ? "connected" : "last seen " + new Date(agent.lastSeen).toLocaleString())),
      el("div", { class: "meta" }, proxy ? "proxy " + proxy.listen + " · " + proxy.cachedTopics + " routes" : "no proxy"),
      warn ? el("div", { class: "warn" }, warn) : null);
  }));
}

async function loadTasks() {
  const list = await api("/api/tasks");
  const select = $("task-select");
  const wanted = state.task || new URLSearchParams(location.search).get("task");
  select.replaceChildren(...list.tasks.map((task) => el("option", { value: task.task }, task.task + " (" + task.topics + " topics)")));
  if (list.tasks.length === 0) { state.task = null; return; }
  state.task = list.tasks.some((task) => task.task === wanted) ? wanted : list.tasks[0].task;
  select.value = state.task;
}

// One page of the task's table (the server pages and filters; the selection survives paging).
async function loadTask() {
  if (!state.task) { renderTable(); return; }
  const filter = $("filter").value.trim();
  state.page = await api("/api/task?name=" + encodeURIComponent(state.task) + "&offset=" + state.offset + "&limit=" + PAGE_ROWS
    + (filter ? "&filter=" + encodeURIComponent(filter) : ""));
  if (state.page.topics.length === 0 && state.offset > 0 && state.page.total > 0) {
    state.offset = Math.max(0, Math.floor((state.page.total - 1) / PAGE_ROWS) * PAGE_ROWS);
    return loadTask();
  }
  renderTable();
}

async function goToPage(offset) {
  state.offset = Math.max(0, offset);
  try { await loadTask(); } catch (error) { showError(error); }
}

function sparkline(values, color) {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("class", "spark"); svg.setAttribute("width", "80"); svg.setAttribute("height", "20");
  const points = values.map((value) => value == null ? 0 : value);
  if (points.length > 1) {
    const max = Math.max(1, ...points);
    const step = 78 / (points.length - 1);
    const line = document.createElementNS(ns, "polyline");
    line.setAttribute("points", points.map((value, index) => (1 + index * step).toFixed(1) + "," + (19 - (value / max) * 18).toFixed(1)).join(" "));
    line.setAttribute("fill", "none"); line.setAttribute("stroke", color); line.setAttribute("stroke-width", "1.5");
    svg.append(line);
  }
  return svg;
}

function renderTable() {
  const body = $("topics").tBodies[0];
  const page = state.page || { topics: [], total: 0, offset: 0, limit: PAGE_ROWS, stageCounts: [0, 0, 0, 0, 0] };
  const rows = page.topics;
  $("counts").textContent = page.total + " topics · " + STAGES.map((name, index) => name + " " + (page.stageCounts[index] || 0)).join(" · ");
  $("page-range").textContent = page.total === 0 ? "no rows" : (page.offset + 1) + "–" + (page.offset + rows.length) + " of " + page.total;
  $("page-prev").disabled = page.offset === 0;
  $("page-next").disabled = page.offset + rows.length >= page.total;
  const fragment = document.createDocumentFragment();
  for (const row of rows) {
    const key = refKey(row);
    const box = el("input", { type: "checkbox", "aria-label": "Select " + row.topic });
    box.checked = state.selected.has(key);
    box.addEventListener("change", () => { box.checked ? state.selected.add(key) : state.selected.delete(key); updateButtons(); });
    const reasons = row.failing.map((check) => el("li", {}, check.name + ": " + check.reason)).concat(row.notes.map((note) => el("li", {}, note)));
    const readiness = row.stageNumber === 4 ? el("span", { class: "ready" }, "done")
      : row.ready == null ? el("span", { class: "pending" }, "not checked yet")
      : row.ready ? el("span", { class: "ready" }, "ready") : el("ul", { class: "failing" }, ...reasons);
    const clients = row.clients ? row.clients.onProxy + " / " + row.clients.onSourceOnly : "–";
    fragment.append(el("tr", { "data-topic": row.topic, "data-agent": row.agentId, "data-stage": row.stage },
      el("td", {}, box),
      el("td", { class: "topic" }, el("a", { onclick: () => openDetail(row) }, row.topic)),
      el("td", {}, row.agentId),
      el("td", {}, el("span", { class: "badge stage-" + row.stageNumber }, row.stage),
        row.inEffect === false ? el("div", { class: "pending" }, "not in effect yet") : null),
      el("td", {}, readiness),
      el("td", {}, clients),
      el("td", {}, sparkline(row.traffic.source, "#2e7fc2"), " ", row.sourceMessages == null ? "?" : row.sourceMessages),
      el("td", {}, sparkline(row.traffic.target, "#1f8a4c"), " ", row.targetMessages == null ? "?" : row.targetMessages),
      el("td", {}, new Date(row.stageChangedAt).toLocaleString())));
  }
  body.replaceChildren(fragment);
  updateButtons();
}

function updateButtons() {
  $("selected-count").textContent = state.selected.size + " selected";
  for (const button of document.querySelectorAll("button.action")) {
    button.disabled = state.selected.size === 0 || !state.operator;
    button.title = state.operator ? "" : "Log in to act";
  }
}

function selectedRefs() {
  return [...state.selected].map((key) => { const [agentId, topic] = key.split("\u0000"); return { agentId, topic }; });
}

async function startBatch(action) {
  showError(null);
  const request = { task: state.task, action, topics: selectedRefs(), dryRun: true };
  try {
    const preview = await api("/api/batch", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(request) });
    state.pendingBatch = action === "check" ? null : request;
    showPreview(preview, action === "check");
  } catch (error) { showError(error); }
}

function showPreview(result, final) {
  const moving = result.topics.filter((topic) => !topic.refused).length;
  const refused = result.topics.length - moving;
  const verb = { advance: "Advance", rollback: "Roll back", check: "Check" }[result.action];
  $("confirm-title").textContent = final ? verb + " — result" : verb + " " + result.topics.length + " topics?";
  const agentProblems = result.agents.filter((agent) => agent.error).map((agent) => agent.agentId + ": " + agent.error);
  $("confirm-summary").textContent = (result.action === "check" ? moving + " ready, " + refused + " not ready"
    : (final ? moving + " moved, " : moving + " will move, ") + refused + " refused") + (agentProblems.length ? " · " + agentProblems.join("; ") : "");
  $("confirm-rows").replaceChildren(...result.topics.map((topic) => el("tr", { class: topic.refused ? "refused" : "" },
    el("td", {}, topic.agentId), el("td", {}, topic.topic),
    el("td", {}, (STAGES[topic.from] || "?") + " → " + (topic.refused ? "(stays)" : STAGES[topic.to] || "?")),
    el("td", {}, [topic.refused, ...topic.reasons].filter(Boolean).join("; ")))));
  $("confirm-go").hidden = final;
  $("confirm-reason").parentElement.hidden = final;
  $("confirm-ignore").parentElement.hidden = final;
  $("confirm-cancel").textContent = final ? "Close" : "Cancel";
  if (!$("confirm").open) $("confirm").showModal();
}

async function confirmBatch() {
  const request = Object.assign({}, state.pendingBatch, { dryRun: false, reason: $("confirm-reason").value || null,
    ignoreHealth: $("confirm-ignore").checked || null });
  try {
    const result = await api("/api/batch", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(request) });
    state.pendingBatch = null;
    showPreview(result, true);
    await loadTask();
  } catch (error) { $("confirm").close(); showError(error); }
}

async function openDetail(row) {
  const dialog = $("detail");
  $("detail-title").textContent = row.topic + " on " + row.agentId;
  $("detail-body").replaceChildren(el("p", {}, "Loading…"));
  dialog.showModal();
  try {
    const detail = await api("/api/topic?task=" + encodeURIComponent(state.task) + "&agent=" + encodeURIComponent(row.agentId) + "&topic=" + encodeURIComponent(row.topic));
    const routes = (label, list) => [el("h3", {}, label), ...(list.length ? list.map((route) =>
      el("div", {}, el("div", {}, STAGES[route.from] + " → " + STAGES[route.to]), el("pre", {}, route.routeJSON ? JSON.stringify(JSON.parse(route.routeJSON), null, 1) : "no cluster has this topic")))
      : [el("p", { class: "pending" }, "none")])];
    const builtin = new Set(["targetReachable", "targetResources", "brokerNamesUnique", "clientsSwitched", "consumersOnTarget", "producersOnProxy", "backlogDrained", "retryDrained", "sourceQuiet", "delayedDrained", "halfDrained", "targetRouteWritable"]);
    $("detail-body").replaceChildren(
      el("p", {}, "Stage: ", el("span", { class: "badge stage-" + (detail.row ? detail.row.stageNumber : 0) }, detail.row ? detail.row.stage : "?")),
      ...detail.problems.map((problem) => el("p", { class: "refused" }, problem)),
      el("h3", {}, "Readiness of the next step"),
      el("table", {}, ...detail.checks.map((check) => el("tr", { class: check.ok ? "" : "refused" },
        el("td", {}, check.ok ? "✓" : "✗"), el("td", {}, check.name + (builtin.has(check.name) ? "" : " (hook)")), el("td", {}, check.reason)))),
      ...routes("Route after advancing (as clients will see it)", detail.advanceRoutes),
      ...routes("Route after rolling back", detail.rollbackRoutes),
      el("h3", {}, "Audit history"),
      el("table", {}, el("tr", {}, ...["When", "Who", "What", "Outcome", "Why", "Overrides"].map((title) => el("th", {}, title))),
        ...detail.history.map((entry) => el("tr", {}, el("td", {}, new Date(entry.at).toLocaleString()), el("td", {}, entry.actor),
          el("td", {}, entry.action + " " + (STAGES[entry.fromStage] || "") + " → " + (STAGES[entry.toStage] || "")),
          el("td", {}, entry.outcome), el("td", {}, entry.reason || ""), el("td", {}, entry.overrides.join(", "))))));
  } catch (error) { $("detail-body").replaceChildren(el("p", { class: "refused" }, String(error.message || error))); }
}

function scheduleRefresh() {
  if (state.refreshTimer) return;
  state.refreshTimer = setTimeout(async () => {
    state.refreshTimer = null;
    try { await Promise.all([loadAgents(), loadTask()]); } catch (error) { showError(error); }
  }, 500);
}

function connectEvents() {
  const source = new EventSource("/api/events");
  source.onopen = () => { $("live").textContent = "live"; $("live").classList.add("on"); };
  source.onerror = () => { $("live").textContent = "reconnecting…"; $("live").classList.remove("on"); };
  source.addEventListener("state", scheduleRefresh);
  source.addEventListener("agentEvent", scheduleRefresh);
}

async function start() {
  $("task-select").addEventListener("change", (event) => { state.task = event.target.value; state.selected.clear(); goToPage(0); });
  $("filter").addEventListener("input", () => { clearTimeout(state.filterTimer); state.filterTimer = setTimeout(() => goToPage(0), 250); });
  $("page-prev").addEventListener("click", () => goToPage(state.offset - PAGE_ROWS));
  $("page-next").addEventListener("click", () => goToPage(state.offset + PAGE_ROWS));
  $("select-all").addEventListener("change", (event) => {
    for (const row of document.querySelectorAll("#topics tbody tr")) {
      const key = row.dataset.agent + "\u0000" + row.dataset.topic;
      event.target.checked ? state.selected.add(key) : state.selected.delete(key);
      row.querySelector("input").checked = event.target.checked;
    }
    updateButtons();
  });
  for (const button of document.querySelectorAll("button.action")) button.addEventListener("click", () => startBatch(button.dataset.action));
  $("confirm-go").addEventListener("click", confirmBatch);
  $("confirm-cancel").addEventListener("click", () => { state.pendingBatch = null; $("confirm").close(); });
  $("detail-close").addEventListener("click", () => $("detail").close());
  $("login-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    state.token = $("login-token").value; $("login-token").value = "";
    sessionStorage.setItem("ferry.token", state.token);
    try { await loadSession(); if (!state.operator) showError("That token is not an operator token."); else showError(null); } catch (error) { showError(error); }
  });
  $("logout").addEventListener("click", async () => { state.token = ""; sessionStorage.removeItem("ferry.token"); await loadSession(); });
  try {
    await loadSession();
    await Promise.all([loadAgents(), loadTasks()]);
    await loadTask();
    document.body.dataset.loaded = "true";
  } catch (error) { showError(error); }
  connectEvents();
}

start();

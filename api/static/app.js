// govkg org-responsibility map: every datum comes from /graphql, drawn as SVG with server-side layout.
"use strict";

const QUERIES = {
  jurisdictions: `query Jurisdictions { jurisdictions }`,
  notices: `query Notices($jurisdiction: String) {
  notices(filter: {jurisdiction: $jurisdiction}, first: 100) { edges { node { id docNumber title issued } } }
}`,
  orgMap: `query OrgMap($jurisdiction: String, $notice: ID, $units: [ID!], $roles: [Role!], $from: Date, $to: Date) {
  orgMap(jurisdiction: $jurisdiction, notice: $notice, units: $units, roles: $roles, deadlineFrom: $from, deadlineTo: $to) {
    nodes { id label kind unitType jurisdiction tasks lead support responsible implementer loadIndex community x y }
    edges { source target type weight }
  }
}`,
  unit: `query Unit($id: ID!) {
  unit(id: $id) {
    id name altLabels jurisdiction unitType
    coordination { loadIndex community tasksLed tasksSupported tasksResponsible tasksImplementing }
    assignments(first: 100) { totalCount edges { node { role inherited sourceLine
      clause { id path text sourceLine deadlines { date text } notice { id docNumber title issued sourceFile } } } } }
  }
}`,
  search: `query Search($name: String) {
  units(filter: {name: $name}, first: 20) { edges { node { id name altLabels jurisdiction } } }
}`,
  chain: `query Chain($notice: ID!) {
  citationChain(notice: $notice, depth: 4) { source depth target { id title docNumber level ingested } }
}`,
};
const ROLE_NAMES = { LEAD: "牵头 lead", SUPPORT: "配合 support", RESPONSIBLE: "责任 responsible", IMPLEMENTER: "落实 implementer" };
const PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];
const TYPE_COLOURS = { GOVERNMENT: "#c0392b", DEPARTMENT: "#2e86c1", COLLECTIVE: "#7d3c98", OUTSIDE_BODY: "#27ae60", INTERNAL_OFFICE: "#d68910" };
const SVG = "http://www.w3.org/2000/svg";
const $ = (id) => document.getElementById(id);
let current = { nodes: [], edges: [] };
const chosen = new Map();  // unit id → name: a set of units to map together

function logQuery(name, query, variables) {
  const entry = `# ${name}\n${query}\nvariables: ${JSON.stringify(variables, null, 0)}\n\n`;
  const log = $("query-log");
  log.textContent = (entry + log.textContent).slice(0, 20000);
}

async function gql(name, variables = {}) {
  const query = QUERIES[name];
  logQuery(name, query, variables);
  const response = await fetch("/graphql", {
    method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors && body.errors.length) { throw new Error(body.errors.map((e) => e.message).join("; ")); }
  return body.data;
}

function el(tag, attributes = {}, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

function status(text) { $("status").textContent = text; }

function selectedRoles() {
  return [...document.querySelectorAll("input[name=role]:checked")].map((c) => c.value);
}

async function loadJurisdictions() {
  const data = await gql("jurisdictions");
  const select = $("jurisdiction");
  select.replaceChildren(...data.jurisdictions.map((j) => el("option", { value: j }, j)));
  await loadNotices();
}

async function loadNotices() {
  const data = await gql("notices", { jurisdiction: $("jurisdiction").value });
  const select = $("notice");
  const options = data.notices.edges.map(({ node }) =>
    el("option", { value: node.id }, `${node.docNumber || ""} ${node.title}`.trim()));
  select.replaceChildren(el("option", { value: "" }, "— whole jurisdiction —"), ...options);
}

async function drawMap(units) {
  const roles = selectedRoles();
  const variables = { roles };
  if (units) variables.units = units;
  else if ($("notice").value) variables.notice = $("notice").value;
  else variables.jurisdiction = $("jurisdiction").value;
  if ($("from").value) variables.from = $("from").value;
  if ($("to").value) variables.to = $("to").value;
  if (!roles.length) { current = { nodes: [], edges: [] }; render(); status("no roles selected"); return; }
  status("loading …");
  const data = await gql("orgMap", variables);
  current = data.orgMap;
  render();
  status(`${current.nodes.length} units, ${current.edges.length} links`);
}

function colourOf(node) {
  const mode = document.querySelector("input[name=colour]:checked").value;
  if (mode === "unitType") return TYPE_COLOURS[node.unitType] || "#999";
  return node.community >= 0 ? PALETTE[node.community % PALETTE.length] : "#999";
}

function render() {
  const svg = $("map");
  const { width, height } = svg.getBoundingClientRect();
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.replaceChildren();
  const defs = document.createElementNS(SVG, "defs");
  for (const kind of ["lead_support", "lead_implementer"]) {
    const marker = document.createElementNS(SVG, "marker");
    Object.entries({ id: `arrow-${kind}`, viewBox: "0 0 10 10", refX: "10", refY: "5", markerWidth: "6", markerHeight: "6",
      orient: "auto-start-reverse" }).forEach(([k, v]) => marker.setAttribute(k, v));
    const path = document.createElementNS(SVG, "path");
    path.setAttribute("d", "M 0 0 L 10 5 L 0 10 z");
    path.setAttribute("class", kind);
    path.setAttribute("fill", kind === "lead_support" ? "#2b6cb0" : "#dd6b20");
    marker.appendChild(path);
    defs.appendChild(marker);
  }
  svg.appendChild(defs);
  const margin = 60;
  const place = (n) => [margin + (n.x + 1) / 2 * (width - 2 * margin), margin + (n.y + 1) / 2 * (height - 2 * margin)];
  const byId = new Map(current.nodes.map((n) => [n.id, n]));
  const maxLoad = Math.max(1e-9, ...current.nodes.map((n) => n.loadIndex));
  const maxWeight = Math.max(1, ...current.edges.map((e) => e.weight));
  const radius = (n) => 5 + 18 * Math.sqrt(n.loadIndex / maxLoad);
  for (const edge of current.edges) {
    const a = byId.get(edge.source), b = byId.get(edge.target);
    if (!a || !b) continue;
    const [x1, y1] = place(a), [x2, y2] = place(b);
    const line = document.createElementNS(SVG, "line");
    const kind = edge.type.toLowerCase();
    const length = Math.hypot(x2 - x1, y2 - y1) || 1;
    const r = radius(b) + 2;
    Object.entries({ x1, y1, x2: x2 - (x2 - x1) * r / length, y2: y2 - (y2 - y1) * r / length,
      class: `edge ${kind}`, "stroke-width": 0.6 + 4 * edge.weight / maxWeight }).forEach(([k, v]) => line.setAttribute(k, v));
    if (kind.startsWith("lead_")) line.setAttribute("marker-end", `url(#arrow-${kind})`);
    svg.appendChild(line);
  }
  const labelled = new Set([...current.nodes].sort((a, b) => b.loadIndex - a.loadIndex).slice(0, 45).map((n) => n.id));
  // large nodes first, so smaller ones drawn over them stay clickable
  for (const node of [...current.nodes].sort((a, b) => radius(b) - radius(a))) {
    const [x, y] = place(node);
    const group = document.createElementNS(SVG, "g");
    Object.entries({ class: "node", tabindex: "0", role: "button", "data-id": node.id,
      "aria-label": `${node.label}: ${node.tasks} tasks` }).forEach(([k, v]) => group.setAttribute(k, v));
    const circle = document.createElementNS(SVG, "circle");
    Object.entries({ cx: x, cy: y, r: radius(node), fill: colourOf(node) }).forEach(([k, v]) => circle.setAttribute(k, v));
    const title = document.createElementNS(SVG, "title");
    title.textContent = `${node.label} · 任务 ${node.tasks} (牵头 ${node.lead}, 配合 ${node.support}, 责任 ${node.responsible}, 落实 ${node.implementer}) · load ${node.loadIndex.toFixed(2)}`;
    group.append(circle, title);
    if (labelled.has(node.id)) {
      const text = document.createElementNS(SVG, "text");
      Object.entries({ x: x + radius(node) + 2, y: y + 4 }).forEach(([k, v]) => text.setAttribute(k, v));
      text.textContent = node.label;
      group.appendChild(text);
    }
    group.addEventListener("click", () => openUnit(node.id));
    group.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); openUnit(node.id); }
    });
    svg.appendChild(group);
  }
}

function highlight(id) {
  document.querySelectorAll(".node").forEach((n) => n.classList.toggle("selected", n.dataset.id === id));
}

async function openUnit(id) {
  highlight(id);
  const panel = $("panel");
  panel.replaceChildren(el("p", {}, "loading …"));
  const { unit } = await gql("unit", { id });
  if (!unit) { panel.replaceChildren(el("p", {}, "unit not found")); return; }
  const header = [el("h2", {}, unit.name),
    el("p", { class: "meta" }, [unit.jurisdiction, unit.unitType, unit.altLabels.length ? `also 又称: ${unit.altLabels.join("、")}` : ""]
      .filter(Boolean).join(" · "))];
  if (unit.coordination) {
    const c = unit.coordination;
    header.push(el("p", { class: "meta" },
      `load index 协调负荷 ${c.loadIndex.toFixed(2)} · community ${c.community} · 牵头 ${c.tasksLed} · 配合 ${c.tasksSupported} · 责任 ${c.tasksResponsible} · 落实 ${c.tasksImplementing}`));
  }
  const groups = new Map();
  for (const { node } of unit.assignments.edges) {
    if (!groups.has(node.role)) groups.set(node.role, []);
    groups.get(node.role).push(node);
  }
  const sections = [];
  for (const role of ["LEAD", "SUPPORT", "RESPONSIBLE", "IMPLEMENTER"]) {
    const tasks = groups.get(role);
    if (!tasks) continue;
    const section = el("section", { class: `role role-${role.toLowerCase()}`, "aria-label": ROLE_NAMES[role] });
    section.appendChild(el("h3", {}, `${ROLE_NAMES[role]} (${tasks.length})`));
    const list = el("ul");
    for (const task of tasks) {
      const item = el("li", { class: "task" });
      const clause = task.clause;
      const details = el("details");
      details.appendChild(el("summary", {}, `${clause.path} ${clause.text.slice(0, 40)}${clause.text.length > 40 ? "…" : ""}`));
      details.appendChild(el("p", { class: "clause-text" }, clause.text));
      item.appendChild(details);
      for (const deadline of clause.deadlines) item.appendChild(el("span", { class: "deadline" }, `⏱ ${deadline.date}（${deadline.text}） `));
      const notice = clause.notice;
      const link = el("button", { type: "button", class: "linkish notice-link" },
        `${notice.docNumber || ""} ${notice.title} ${notice.issued ? "(" + notice.issued + ")" : ""}`);
      link.addEventListener("click", () => openChain(notice));
      item.appendChild(link);
      item.appendChild(el("p", { class: "meta" },
        `${notice.sourceFile || ""} line ${task.sourceLine}${task.inherited ? " · inherited 继承" : ""}`));
      list.appendChild(item);
    }
    section.appendChild(list);
    sections.push(section);
  }
  if (unit.assignments.totalCount > unit.assignments.edges.length) {
    sections.push(el("p", { class: "meta" }, `showing ${unit.assignments.edges.length} of ${unit.assignments.totalCount} tasks`));
  }
  panel.replaceChildren(...header, ...sections);
  panel.focus();
}

async function openChain(notice) {
  const panel = $("panel");
  const { citationChain } = await gql("chain", { notice: notice.id });
  const items = citationChain.map((link) => el("li", { style: `margin-left:${(link.depth - 1) * 1}rem` },
    `${link.target.docNumber || ""} 《${link.target.title}》 — ${link.target.level || "?"}`));
  const back = el("button", { type: "button", class: "linkish" }, "← back");
  back.addEventListener("click", () => { const selected = document.querySelector(".node.selected"); if (selected) openUnit(selected.dataset.id); });
  panel.replaceChildren(el("h2", {}, `${notice.docNumber || ""} ${notice.title}`),
    el("h3", {}, "Citation chain 引用链 (up to national policy)"),
    items.length ? el("ul", { class: "chain" }) : el("p", {}, "cites no document"), back);
  if (items.length) panel.querySelector("ul.chain").append(...items);
  panel.focus();
}

async function search() {
  const name = $("search").value.trim();
  const results = $("search-results");
  if (!name) { results.replaceChildren(); return; }
  const data = await gql("search", { name });
  const items = data.units.edges.map(({ node }) => {
    const item = el("li");
    const button = el("button", { type: "button" }, `${node.name}${node.jurisdiction ? " · " + node.jurisdiction : ""}${node.altLabels.length ? "（" + node.altLabels.join("、") + "）" : ""}`);
    button.addEventListener("click", async () => {
      if (!current.nodes.some((n) => n.id === node.id)) await drawMap([node.id]);
      openUnit(node.id);
    });
    const add = el("button", { type: "button", class: "add", "aria-label": `add ${node.name} to the units to map` }, "＋");
    add.addEventListener("click", () => { chosen.set(node.id, node.name); showChosen(); });
    item.append(button, add);
    return item;
  });
  results.replaceChildren(...(items.length ? items : [el("li", {}, "no unit by that name")]));
}

function showChosen() {
  const items = [...chosen].map(([id, name]) => {
    const item = el("li", {}, `${name} `);
    const remove = el("button", { type: "button", "aria-label": `remove ${name}` }, "×");
    remove.addEventListener("click", () => { chosen.delete(id); showChosen(); });
    item.appendChild(remove);
    return item;
  });
  $("chosen").replaceChildren(...items);
  $("map-chosen").disabled = chosen.size === 0;
}

function report(error) { status(`error: ${error.message}`); }

window.addEventListener("DOMContentLoaded", () => {
  $("jurisdiction").addEventListener("change", () => loadNotices().then(() => drawMap()).catch(report));
  for (const id of ["notice", "from", "to"]) $(id).addEventListener("change", () => drawMap().catch(report));
  document.querySelectorAll("input[name=role]").forEach((c) => c.addEventListener("change", () => drawMap().catch(report)));
  document.querySelectorAll("input[name=colour]").forEach((c) => c.addEventListener("change", render));
  $("search-button").addEventListener("click", () => search().catch(report));
  $("map-chosen").addEventListener("click", () => drawMap([...chosen.keys()]).catch(report));
  $("search").addEventListener("keydown", (event) => { if (event.key === "Enter") { event.preventDefault(); search().catch(report); } });
  $("filters").addEventListener("submit", (event) => event.preventDefault());
  window.addEventListener("resize", render);
  loadJurisdictions().then(() => drawMap()).catch(report);
});

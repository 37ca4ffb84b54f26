// govkg SPARQL editor: runs queries against /sparql (SPARQL 1.1 Protocol) and shows the rows.
"use strict";
const $ = (id) => document.getElementById(id);

function cell(term) {
  if (!term) return "";
  return term.value;
}

function updateDownload() {
  $("download").href = "/sparql?" + new URLSearchParams({ query: $("query").value, format: "csv" });
}

async function run(event) {
  if (event) event.preventDefault();
  const query = $("query").value;
  updateDownload();
  $("status").textContent = "running …";
  const response = await fetch("/sparql", {
    method: "POST",
    headers: { "Content-Type": "application/sparql-query", Accept: "application/sparql-results+json" },
    body: query,
  });
  const results = $("results");
  if (!response.ok) {
    let message = response.statusText;
    try { message = (await response.json()).error.message; } catch (_) { /* not JSON */ }
    $("status").textContent = `error ${response.status}: ${message}`;
    results.replaceChildren();
    return;
  }
  const body = await response.json();
  if ("boolean" in body) {
    $("status").textContent = `ASK: ${body.boolean}`;
    results.replaceChildren();
    return;
  }
  const vars = body.head.vars;
  const table = document.createElement("table");
  const head = table.createTHead().insertRow();
  for (const v of vars) { const th = document.createElement("th"); th.scope = "col"; th.textContent = v; head.appendChild(th); }
  const tbody = table.createTBody();
  for (const binding of body.results.bindings) {
    const row = tbody.insertRow();
    for (const v of vars) row.insertCell().textContent = cell(binding[v]);
  }
  results.replaceChildren(table);
  const truncated = response.headers.get("X-Result-Truncated") ? " (cut at the row limit)" : "";
  $("status").textContent = `${body.results.bindings.length} rows${truncated}`;
}

async function loadExamples() {
  const queries = await (await fetch("/queries", { headers: { Accept: "application/json" } })).json();
  const items = queries.map((q) => {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.dataset.name = q.name;
    button.textContent = `${q.name}: ${q.question}`;
    button.addEventListener("click", async () => {
      $("query").value = await (await fetch(`/queries/${encodeURIComponent(q.name)}/source`)).text();
      updateDownload();
      $("query").focus();
    });
    item.appendChild(button);
    return item;
  });
  $("examples").replaceChildren(...items);
}

window.addEventListener("DOMContentLoaded", () => {
  $("editor").addEventListener("submit", (event) => run(event).catch((e) => { $("status").textContent = `error: ${e.message}`; }));
  $("query").addEventListener("input", updateDownload);
  updateDownload();
  loadExamples().catch((e) => { $("status").textContent = `error: ${e.message}`; });
});

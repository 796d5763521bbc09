// Small progressive enhancements: sortable tables, alert actions, the API "try it" form.
"use strict";

function sortTable(th) {
  const table = th.closest("table");
  const index = Array.from(th.parentNode.children).indexOf(th);
  const ascending = !th.classList.contains("sorted-asc");
  const body = table.tBodies[0];
  const key = (row) => {
    const cell = row.children[index];
    const raw = cell.dataset.sort ?? cell.textContent.trim();
    const n = parseFloat(raw);
    return Number.isNaN(n) ? raw : n;
  };
  const rows = Array.from(body.rows).sort((a, b) => {
    const x = key(a), y = key(b);
    const order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
    return ascending ? order : -order;
  });
  rows.forEach((row) => body.appendChild(row));
  table.querySelectorAll("th").forEach((h) => h.classList.remove("sorted-asc", "sorted-desc"));
  th.classList.add(ascending ? "sorted-asc" : "sorted-desc");
}

async function changeAlert(button) {
  const row = button.closest("tr");
  const response = await fetch(`/api/alerts/${row.dataset.alert}`, {
    method: "PATCH", credentials: "same-origin",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ status: button.dataset.status }),
  });
  const body = await response.json();
  if (!response.ok) { alert(body.error.message); return; }
  row.querySelector(".status").textContent = `${button.dataset.done} ✓`;
  row.dataset.status = body.status;
  row.querySelectorAll("button.act").forEach((b) => { b.disabled = true; });
}

async function tryOperation(form) {
  let path = form.dataset.path;
  const query = new URLSearchParams();
  form.querySelectorAll("input[data-in]").forEach((input) => {
    if (!input.value) return;
    if (input.dataset.in === "path") path = path.replace(`{${input.name}}`, encodeURIComponent(input.value));
    else query.append(input.name, input.value);
  });
  const headers = {};
  const token = form.querySelector("input[name=__token]").value;
  if (token) headers.Authorization = `Bearer ${token}`;
  const init = { method: form.dataset.method, headers, credentials: "same-origin" };
  const body = form.querySelector("textarea[name=__body]");
  if (body && body.value) { init.body = body.value; headers["Content-Type"] = "application/json"; }
  const response = await fetch(path + (query.toString() ? `?${query}` : ""), init);
  const out = form.querySelector("pre.out");
  const text = await response.text();
  let shown = text;
  try { shown = JSON.stringify(JSON.parse(text), null, 2); } catch (e) { /* not JSON: show as is */ }
  out.textContent = `${response.status} ${response.statusText}\n\n${shown.slice(0, 20000)}`;
  out.hidden = false;
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("table.sortable th").forEach((th) => th.addEventListener("click", () => sortTable(th)));
  document.querySelectorAll("button.act").forEach((b) => b.addEventListener("click", () => changeAlert(b)));
  document.querySelectorAll("form.try").forEach((f) => f.addEventListener("submit", (event) => {
    event.preventDefault();
    tryOperation(f);
  }));
});

// One row of the alerts page stands for every alert of one rule on one cell (the latest
// month leads, earlier months are listed under it): its buttons change each of them whose
// status allows it (new -> acknowledged; new or acknowledged -> resolved). Rows of a single
// alert keep app.js's buttons (class "act").
"use strict";

const FROM = { acknowledged: ["new"], resolved: ["new", "acknowledged"] };

async function changeGroup(button) {
  const row = button.closest("tr");
  const target = button.dataset.status;
  const members = row.dataset.alerts.split(" ").filter((m) => m).map((m) => m.split(":"));
  for (const [id, status] of members) {
    if (!(FROM[target] || []).includes(status)) continue;
    const response = await fetch(`/api/alerts/${id}`, {
      method: "PATCH", credentials: "same-origin",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ status: target }),
    });
    if (!response.ok) {
      const body = await response.json();
      alert(body.error.message);
      return;
    }
  }
  row.querySelector(".status").textContent = `${button.dataset.done} ✓`;
  row.dataset.status = target;
  row.querySelectorAll("button.act-group").forEach((b) => { b.disabled = true; });
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("button.act-group").forEach((b) => b.addEventListener("click", () => changeGroup(b)));
});

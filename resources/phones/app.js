// The phone's page: polls the room's state and shows what the room is doing.
// Every text from the laptop goes in with textContent, never as markup.
"use strict";

const base = location.pathname.replace(/[^/]*$/, "");
let state = null;
let shown = "";
let draft = null;        // {round, dots} while a ballot is being filled in
let changing = false;    // the voter asked to change a confirmed ballot
let chosen = null;       // the name picked on the join list, before confirming
let proposal = null;     // {pillar, title, metric} being written
let sent = false;        // a proposal was just sent
let busy = false;

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (key === "text") node.textContent = value;
    else if (key === "on") node.addEventListener("click", value);
    else if (key in node) node[key] = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

function problem(text) {
  const box = document.getElementById("problem");
  box.textContent = text || "";
  box.hidden = !text;
}

async function call(path, body) {
  const options = { credentials: "same-origin", cache: "no-store" };
  if (body !== undefined) {
    options.method = "POST";
    options.headers = { "Content-Type": "application/json" };
    options.body = JSON.stringify(body);
  }
  const answer = await fetch(base + path, options);
  let data = null;
  try { data = await answer.json(); } catch (e) { data = null; }
  if (!answer.ok) {
    const why = data && data.error ? data.error
      : answer.status === 429 ? "Too many taps at once; wait a moment."
      : "The laptop did not take that; try again.";
    throw new Error(why);
  }
  return data;
}

async function send(path, body) {
  if (busy) return null;
  busy = true;
  try {
    const next = await call(path, body);
    problem("");
    return next;
  } catch (e) {
    problem(e.message);
    return null;
  } finally {
    busy = false;
  }
}

function dotsText(n) { return n + (n === 1 ? " dot" : " dots"); }

function joinView(s) {
  if (chosen) {
    return [
      el("h1", { text: "Is this you?" }),
      el("p", { className: "step", text: chosen.name }),
      el("button", { className: "main", id: "confirm-join", text: "Yes, join as " + chosen.name,
        on: async () => {
          const next = await send("api/join", { participant: chosen.id });
          chosen = null;
          if (next) update(next);
        } }),
      el("button", { className: "main", text: "Back", on: () => { chosen = null; render(); } }),
    ];
  }
  const list = el("ul", { className: "names" });
  for (const p of s.people) {
    const button = el("button", { text: p.taken ? p.name + " (taken)" : p.name,
      disabled: p.taken, on: () => { chosen = p; render(); } });
    list.append(el("li", {}, button));
  }
  return [el("h1", { text: "Pick your name" }), list,
    el("p", { className: "rule", text: "Not on the list? Ask the facilitator to add you." })];
}

function screenView(s) {
  return [el("p", { className: "big", text: "Look at the screen:" }),
    el("p", { className: "step", text: s.step })];
}

function ballotView(s) {
  const b = s.ballot;
  if (b.mine && !changing) {
    return [
      el("h1", { text: "Thank you, your vote is in" }),
      el("p", { text: "You can change it until the facilitator closes the vote." }),
      el("button", { className: "main", id: "change-vote", text: "Change my vote",
        on: () => { changing = true; draft = { round: b.round, dots: { ...b.mine } }; render(); } }),
    ];
  }
  if (!draft || draft.round !== b.round) draft = { round: b.round, dots: {} };
  const placed = Object.values(draft.dots).reduce((a, n) => a + n, 0);
  const left = b.budget - placed;
  const out = [
    el("h1", { text: b.runoff ? "Run-off vote" : "Place your dots" }),
    el("p", { className: "left", id: "left", text: dotsText(left) + " left of " + b.budget }),
    el("p", { className: "rule", text: "At most " + dotsText(b.cap) + " on one goal." }),
  ];
  for (const g of b.goals) {
    const n = draft.dots[g.id] || 0;
    const change = (by) => () => {
      draft.dots[g.id] = Math.max(0, Math.min(b.cap, n + by));
      render();
    };
    out.push(el("div", { className: "goal" },
      el("div", { className: "title" }, el("span", { className: "tag", text: g.pillar }),
        el("span", { text: g.title })),
      el("button", { text: "−", "aria-label": "One dot less on " + g.title,
        disabled: n === 0, on: change(-1) }),
      el("span", { className: "count", text: String(n), "aria-label": dotsText(n) }),
      el("button", { text: "+", "aria-label": "One dot more on " + g.title,
        disabled: left < 1 || n >= b.cap, on: change(1) })));
  }
  out.push(el("button", { className: "main", id: "confirm-vote",
    text: placed ? "Confirm my " + dotsText(placed) : "Confirm: no dots",
    on: async () => {
      const next = await send("api/vote", { round: b.round, dots: draft.dots });
      if (next) { changing = false; draft = null; update(next); }
    } }));
  return out;
}

function proposeView(s) {
  if (sent) {
    return [el("h1", { text: "Thank you" }),
      el("p", { text: "Your goal is in the facilitator's inbox." }),
      el("button", { className: "main", id: "propose-another", text: "Propose another goal",
        on: () => { sent = false; render(); } })];
  }
  if (!proposal) proposal = { pillar: "", title: "", metric: "" };
  const pillars = el("div", { className: "pillars", role: "group" });
  for (const p of s.pillars) {
    pillars.append(el("button", { text: p.name, "aria-pressed": String(proposal.pillar === p.id),
      on: () => { proposal.pillar = p.id; render(); } }));
  }
  const title = el("input", { type: "text", id: "goal-title", maxLength: 200,
    value: proposal.title, autocomplete: "off" });
  title.addEventListener("input", () => { proposal.title = title.value; });
  const metric = el("input", { type: "text", id: "goal-metric", maxLength: 200,
    value: proposal.metric, autocomplete: "off" });
  metric.addEventListener("input", () => { proposal.metric = metric.value; });
  return [
    el("h1", { text: "Propose a goal" }),
    el("label", { text: "Which pillar?" }), pillars,
    el("label", { htmlFor: "goal-title", text: "The goal" }), title,
    el("label", { htmlFor: "goal-metric", text: "How would we measure it? (if you like)" }), metric,
    el("button", { className: "main", id: "send-goal", text: "Send to the facilitator",
      on: async () => {
        if (!proposal.pillar) { problem("Pick Win, Keep or Advocate."); return; }
        const next = await send("api/propose", proposal);
        if (next) { proposal = null; sent = true; update(next); render(); }
      } }),
  ];
}

function render() {
  const s = state;
  if (!s) return;
  document.getElementById("workshop").textContent = s.title;
  document.getElementById("who").textContent = s.me || "";
  const views = { join: joinView, screen: screenView, ballot: ballotView, propose: proposeView };
  const focused = document.activeElement && document.activeElement.id;
  document.getElementById("view").replaceChildren(...views[s.view](s));
  if (focused && document.getElementById(focused)) document.getElementById(focused).focus();
}

function update(next) {
  const text = JSON.stringify(next);
  if (next.view !== "ballot") { changing = false; draft = null; }
  if (next.view !== "propose") sent = false;
  state = next;
  if (text !== shown) { shown = text; render(); }
}

async function poll() {
  try {
    update(await call("api/state"));
    if (document.getElementById("problem").textContent.startsWith("The laptop")) problem("");
  } catch (e) {
    problem("The laptop cannot be reached; the facilitator's laptop ballot still works.");
  }
  setTimeout(poll, 1500);
}

poll();

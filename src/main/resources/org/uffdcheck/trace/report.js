// Shows the state after a step when the step is clicked. The data is the ITF trace embedded in
// each section; nothing is fetched.
(function () {
  "use strict";

  function show(v) {
    if (v === null || v === undefined) return "";
    if (Array.isArray(v)) return "[" + v.map(show).join(", ") + "]";
    if (typeof v === "object") {
      if ("held" in v && "by" in v) {
        if (v.held === "free") return "free";
        if (v.held === "locked") return "locked by " + v.by.join(", ");
        return v.held + "-locked by " + v.by.join(", ");
      }
      if ("#tup" in v) return "(" + v["#tup"].map(show).join(", ") + ")";
      return "{" + Object.keys(v).map(function (k) { return k + ": " + show(v[k]); }).join(", ") + "}";
    }
    return String(v);
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function row(table, name, value, changed, cls) {
    var tr = el("tr", [cls, changed ? "changed" : ""].join(" ").trim());
    tr.appendChild(el("td", "name", name));
    tr.appendChild(el("td", "value", value));
    table.appendChild(tr);
  }

  function varTable(names, values, previous) {
    var table = el("table", "vars");
    names.forEach(function (name) {
      var now = show(values[name]);
      row(table, name, now, previous && show(previous[name]) !== now, "");
    });
    return table;
  }

  // The variable that holds a model's objects by name (see docs/trace-format.md); it gets its own table.
  var HEAP = "uffdcheck::heap";

  // Every object the state knows of, a row for its name and status, then a row per field.
  function objectTable(state, previous) {
    var table = el("table", "vars objects");
    var objects = state["#meta"].objects || {};
    var heap = state[HEAP] || {};
    var before = previous ? previous[HEAP] || {} : {};
    var statusBefore = previous ? previous["#meta"].objects || {} : {};
    Object.keys(objects).forEach(function (name) {
      var o = objects[name];
      var status = o.status === "stack" ? "on the stack of " + o.thread : o.status;
      var moved = previous !== null && (!statusBefore[name] || statusBefore[name].status !== o.status);
      row(table, name, status, moved, "object");
      var fields = heap[name] || {};
      Object.keys(fields).forEach(function (f) {
        var now = show(fields[f]);
        var was = before[name] ? show(before[name][f]) : null;
        row(table, f, now, previous !== null && was !== now, "field");
      });
    });
    return table;
  }

  // Where a state stands in a lasso: the state the cycle returns to, a state inside it, or its end.
  function cycleNote(trace, index) {
    if (typeof trace.loop !== "number") return null;
    var last = trace.states.length - 1;
    if (trace.loop === last) return index === last ? "The run ends here and stays in this state for ever." : null;
    var span = "steps " + (trace.loop + 1) + "-" + last;
    var back = trace.loop === 0 ? "the initial state" : "the state after step " + trace.loop;
    if (index === last) return "The cycle closes: back in " + back + "; " + span + " repeat for ever.";
    if (index === trace.loop) return "The cycle starts here: " + span + " repeat for ever.";
    if (index > trace.loop) return "In the cycle (" + span + " repeat for ever).";
    return null;
  }

  function render(section, trace, index) {
    var details = section.querySelector(".details");
    var state = trace.states[index];
    var prev = index > 0 ? trace.states[index - 1] : null;
    var step = state["#meta"].step;
    details.innerHTML = "";
    details.setAttribute("data-step", String(index));
    if (step) {
      details.appendChild(el("h3", "step-title", "Step " + step.number + ": " + step.thread));
      details.appendChild(el("div", "where", step.proc + " at " + step.file + ":" + step.line));
      details.appendChild(el("div", "where", step.statement));
      if (step.fault) details.appendChild(el("div", "fault", "fault: " + step.fault));
      details.appendChild(el("h4", "", "What changed"));
      var ul = el("ul", "changes");
      var items = step.effects.map(function (e) { return e.kind.replace("_", " ") + ": " + e.target + (e.detail ? " " + e.detail : ""); })
        .concat(step.changes);
      if (items.length === 0) items = ["nothing another thread can see"];
      items.forEach(function (c) { ul.appendChild(el("li", "", c)); });
      details.appendChild(ul);
    } else {
      details.appendChild(el("h3", "step-title", "Initial state"));
    }
    var note = cycleNote(trace, index);
    if (note) details.appendChild(el("div", "cycle-note", note));
    details.appendChild(el("h4", "", "Globals after this step"));
    details.appendChild(varTable(trace.vars.filter(function (n) { return n !== HEAP; }), state, prev));
    if (trace.vars.indexOf(HEAP) >= 0) {
      details.appendChild(el("h4", "", "Objects after this step"));
      details.appendChild(objectTable(state, prev));
    }
    var threads = state["#meta"].threads;
    Object.keys(threads).forEach(function (name) {
      var th = threads[name];
      details.appendChild(el("h4", "", name + ": " + th.status));
      th.frames.forEach(function (f) {
        details.appendChild(el("div", "where", f.proc + " at " + f.file + ":" + f.line + ": " + f.statement));
        var names = Object.keys(f.vars);
        if (names.length) details.appendChild(varTable(names, f.vars, null));
      });
    });
    section.querySelectorAll("g.step").forEach(function (g) {
      g.classList.toggle("selected", g.getAttribute("data-step") === String(index));
    });
  }

  function setUp(section) {
    var trace = JSON.parse(section.querySelector("script.trace-data").textContent);
    section.querySelectorAll("g.step").forEach(function (g) {
      var i = parseInt(g.getAttribute("data-step"), 10);
      g.addEventListener("click", function () { render(section, trace, i); });
      g.addEventListener("keydown", function (ev) { if (ev.key === "Enter" || ev.key === " ") render(section, trace, i); });
    });
    return function (i) { render(section, trace, Math.max(0, Math.min(i, trace.states.length - 1))); };
  }

  var selectors = [];
  document.querySelectorAll("section.counterexample").forEach(function (s) { selectors.push(setUp(s)); });
  var m = /(?:cx=(\d+)&)?step=(\d+)/.exec(location.hash || "");
  selectors.forEach(function (select, k) {
    if (m && (m[1] === undefined ? 0 : parseInt(m[1], 10)) === k) select(parseInt(m[2], 10));
    else select(1e9);
  });
  document.body.setAttribute("data-ready", "true");
})();

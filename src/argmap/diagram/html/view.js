/* argmap's interactive page: the map beside its text.
   Reads the map from <script type="application/json" id="argmap-data"> and builds everything with
   textContent: no text of the map is ever parsed as markup. No network, no globals. */
(function () {
  "use strict";
  var doc = document;
  var data = JSON.parse(doc.getElementById("argmap-data").textContent);
  var S = data.statements;
  var R = data.relations;
  var byId = new Map();
  var relById = new Map();
  var reduceMotion = !!(window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches);
  var PLURAL = { claim: "claims", premise: "premises", objection: "objections", rebuttal: "rebuttals", recommendation: "recommendations" };

  function $(id) { return doc.getElementById(id); }
  function el(tag, cls, text) {
    var e = doc.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  function list(map, key) {
    var v = map.get(key);
    if (!v) { v = []; map.set(key, v); }
    return v;
  }

  // -- the model: statements, relations, who points at whom ------------------------------------
  S.forEach(function (s, i) {
    s.i = i; s.marks = []; s.node = null; s.item = null; s.first = null; s.inc = []; s.out = [];
    byId.set(s.id, s);
  });
  R.forEach(function (r) { r.inc = []; r.node = null; r.edges = []; relById.set(r.id, r); });
  R.forEach(function (r) {
    var t = byId.get(r.to) || relById.get(r.to);
    if (t) t.inc.push(r);
    r.from.forEach(function (f) { var s = byId.get(f); if (s) s.out.push(r); });
  });
  var theses = S.filter(function (s) { return s.main; });

  // -- the bar ----------------------------------------------------------------------------------
  var nSup = R.filter(function (r) { return r.type === "support"; }).length;
  $("doc-title").textContent = data.title || (theses[0] && theses[0].text) || "Argument map";
  var meta = [data.author, data.source].filter(function (x) { return x; });
  meta.push(S.length + (S.length === 1 ? " statement" : " statements") + ", " + nSup +
            (nSup === 1 ? " support" : " supports") + ", " + (R.length - nSup) + (R.length - nSup === 1 ? " attack" : " attacks"));
  $("doc-meta").textContent = meta.join(" · ");

  var hiddenKinds = new Set();
  var filters = $("filters");
  data.kinds.forEach(function (k) {
    var n = S.filter(function (s) { return s.kind === k; }).length;
    var b = el("button", "chip k-" + k);
    b.type = "button";
    b.setAttribute("aria-pressed", "true");
    b.title = "Show or hide the " + (PLURAL[k] || k);
    b.appendChild(el("span", "dot"));
    b.appendChild(doc.createTextNode(PLURAL[k] || k));
    b.appendChild(el("span", "n", String(n)));
    b.dataset.kind = k;
    b.addEventListener("click", function () {
      if (hiddenKinds.has(k)) hiddenKinds.delete(k); else hiddenKinds.add(k);
      b.setAttribute("aria-pressed", hiddenKinds.has(k) ? "false" : "true");
      applyFilters();
    });
    filters.appendChild(b);
  });

  // -- the reading pane: the text with its highlights, or the list of statements -------------------
  var reading = $("reading");
  var inner = $("reading-inner");
  function kindLabel(s) { return s.kind + (s.main ? " · thesis" : ""); }
  function statementButton(s) {
    var li = el("li");
    var b = el("button", "st k-" + s.kind + (s.main ? " main" : ""));
    b.type = "button";
    b._s = s.i;
    b.setAttribute("data-id", s.id);
    b.appendChild(el("span", "kind", kindLabel(s)));
    b.appendChild(doc.createTextNode(s.text));
    li.appendChild(b);
    s.item = b;
    return li;
  }
  if (data.segments) {
    var text = el("div");
    text.id = "text";
    data.segments.forEach(function (seg) {
      if (typeof seg === "string") { text.appendChild(doc.createTextNode(seg)); return; }
      var ids = seg[1];
      var m = el("mark", "m k-" + S[ids[0]].kind, seg[0]);
      m._ids = ids;
      m._k = S[ids[0]].kind;
      m.setAttribute("data-ids", ids.map(function (i) { return S[i].id; }).join(" "));
      ids.forEach(function (i) {
        var s = S[i];
        s.marks.push(m);
        if (s.main) m.classList.add("main");
        if (!s.first) {
          s.first = m;
          if (m._owner == null) { m._owner = i; m.tabIndex = 0; }
        }
      });
      text.appendChild(m);
    });
    inner.appendChild(text);
    var loose = S.filter(function (s) { return !s.marks.length; });
    if (loose.length) {
      inner.appendChild(el("h2", "section-title", "In the map, not quoted from the text"));
      var ul = el("ul");
      ul.id = "loose";
      loose.forEach(function (s) { ul.appendChild(statementButton(s)); });
      inner.appendChild(ul);
    }
  } else {
    inner.appendChild(el("h2", "section-title", "Statements"));
    var ol = el("ol");
    ol.id = "list";
    S.forEach(function (s) { ol.appendChild(statementButton(s)); });
    inner.appendChild(ol);
  }

  // -- the diagram: each box is found by its DOT node name (data-name: a statement or relation id) ----
  var stage = $("stage");
  var svg = stage.querySelector("svg");
  var graph = svg.querySelector("g.graph") || svg.querySelector("g");
  var relNode = new Map();
  var edges = new Map();
  Array.prototype.forEach.call(svg.querySelectorAll("g.node"), function (g) {
    var name = g.getAttribute("data-name") || "";
    var s = byId.get(name);
    if (s) {
      s.node = g;
      g._s = s.i;
      g.classList.add("st-node");
      g.setAttribute("data-id", s.id);
      g.setAttribute("data-kind", s.kind);
      g.setAttribute("role", "img");
      g.setAttribute("aria-label", kindLabel(s) + ": " + s.text);
    } else if (relById.has(name)) {
      relNode.set(name, g);
    } else {
      g.classList.add("aside");  // the legend: never dimmed, never selected
    }
  });
  Array.prototype.forEach.call(svg.querySelectorAll("g.edge"), function (g) {
    list(edges, g.getAttribute("data-name") || "").push(g);
  });
  R.forEach(function (r) {
    function add(key, src) {
      (edges.get(key) || []).forEach(function (g) { r.edges.push({ el: g, src: src }); });
    }
    r.node = relNode.get(r.id) || null;
    if (r.node) {
      r.from.forEach(function (f) { add(f + "->" + r.id, f); });
      add(r.id + "->" + r.to, null);
    } else {
      r.from.forEach(function (f) { add(f + "->" + r.to, f); });
    }
  });

  // -- zoom and pan: the view is a centre (in the SVG's units) and a scale (pixels per unit). The SVG
  // is laid out once at one pixel per unit and moved with a CSS transform: changing its viewBox
  // would lay out every text of the diagram again, which takes seconds for a big map.
  var vb = svg.viewBox.baseVal;
  var full = { x: vb.x, y: vb.y, w: vb.width || 1, h: vb.height || 1 };
  var view = { cx: full.x + full.w / 2, cy: full.y + full.h / 2, k: 1 };
  var anim = 0;
  svg.setAttribute("width", String(full.w));
  svg.setAttribute("height", String(full.h));
  stage.style.setProperty("--ar", String(Math.max(full.w / full.h, 0.5)));
  if (full.w > full.h) doc.body.classList.add("wide-map");  // printed on a landscape page  // narrow screens: the stage takes the map's shape
  var stageSize = null;
  function size() {
    if (!stageSize) stageSize = { w: stage.clientWidth || 1, h: stage.clientHeight || 1 };
    return stageSize;
  }
  function fitK() { var z = size(); return Math.min(z.w / full.w * 0.96, z.h / full.h * 0.96, 1.25); }
  function clampK(k) { return Math.max(Math.min(fitK(), 1) * 0.5, Math.min(k, 8)); }
  function apply(v) {
    if (v) view = v;
    var z = size();
    var tx = z.w / 2 - (view.cx - full.x) * view.k;
    var ty = z.h / 2 - (view.cy - full.y) * view.k;
    svg.style.transform = "translate(" + tx + "px," + ty + "px) scale(" + view.k + ")";
  }
  function go(target) {
    cancelAnimationFrame(anim);
    if (reduceMotion) { apply(target); return; }
    var from = { cx: view.cx, cy: view.cy, k: view.k };
    var t0 = performance.now();
    function step(now) {
      var t = Math.min(1, (now - t0) / 260);
      var e = 1 - Math.pow(1 - t, 3);
      var k = Math.exp(Math.log(from.k) + (Math.log(target.k) - Math.log(from.k)) * e);
      apply({ cx: from.cx + (target.cx - from.cx) * e, cy: from.cy + (target.cy - from.cy) * e, k: k });
      if (t < 1) anim = requestAnimationFrame(step);
    }
    anim = requestAnimationFrame(step);
  }
  function fit(animate) {
    var v = { cx: full.x + full.w / 2, cy: full.y + full.h / 2, k: fitK() };
    if (animate) go(v); else apply(v);
  }
  function zoomAt(px, py, f) {
    cancelAnimationFrame(anim);
    var z = size();
    var k = clampK(view.k * f);
    var ux = view.cx + (px - z.w / 2) / view.k;
    var uy = view.cy + (py - z.h / 2) / view.k;
    apply({ cx: ux - (px - z.w / 2) / k, cy: uy - (py - z.h / 2) / k, k: k });
  }
  function zoomBy(f) { var z = size(); zoomAt(z.w / 2, z.h / 2, f); }
  function box(g) {
    // The box of a node in the SVG's units: its bounding box through the graph's transform.
    var b = g.getBBox();
    var m = graph.transform.baseVal.consolidate();
    var mx = m ? m.matrix : svg.createSVGMatrix();
    var xs = [], ys = [];
    [[b.x, b.y], [b.x + b.width, b.y], [b.x, b.y + b.height], [b.x + b.width, b.y + b.height]].forEach(function (p) {
      xs.push(mx.a * p[0] + mx.c * p[1] + mx.e);
      ys.push(mx.b * p[0] + mx.d * p[1] + mx.f);
    });
    var x0 = Math.min.apply(null, xs), y0 = Math.min.apply(null, ys);
    return { x: x0, y: y0, w: Math.max.apply(null, xs) - x0, h: Math.max.apply(null, ys) - y0 };
  }
  function union(a, b) {
    var x = Math.min(a.x, b.x), y = Math.min(a.y, b.y);
    return { x: x, y: y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
  }
  function reveal(s, rel) {
    // Bring the statement's box into view with its reasons and objections where they fit at a
    // readable scale; else the box alone, readable.
    if (!s.node) return;
    var b = box(s.node);
    var u = b;
    if (rel) {
      ["pro", "con", "up", "co"].forEach(function (k) {
        rel[k].forEach(function (t) { if (t.node && !hiddenKinds.has(t.kind)) u = union(u, box(t.node)); });
      });
    }
    var z = size(), pad = 0.88;
    var w = z.w / view.k, h = z.h / view.k;
    var x0 = view.cx - w / 2, y0 = view.cy - h / 2;
    var inside = u.x >= x0 && u.y >= y0 && u.x + u.w <= x0 + w && u.y + u.h <= y0 + h;
    var readable = 0.5;
    if (inside && view.k >= readable) return;
    var k = Math.min(1, pad * z.w / u.w, pad * z.h / u.h);
    if (k >= readable) { go({ cx: u.x + u.w / 2, cy: u.y + u.h / 2, k: k }); return; }
    k = view.k >= readable ? view.k : clampK(Math.min(0.9, pad * z.w / b.w, pad * z.h / b.h));
    go({ cx: b.x + b.w / 2, cy: b.y + b.h / 2, k: k });
  }
  fit(false);
  function resized() { stageSize = null; apply(); }
  if (window.ResizeObserver) {
    new ResizeObserver(function (entries) {
      var r = entries[entries.length - 1].contentRect;
      if (!stageSize || Math.abs(r.width - stageSize.w) > 0.5 || Math.abs(r.height - stageSize.h) > 0.5) resized();
    }).observe(stage);
  } else {
    window.addEventListener("resize", resized);
  }

  var pointers = new Map();
  var drag = null;
  var pinch = null;
  var moved = false;
  stage.addEventListener("pointerdown", function (e) {
    if (e.pointerType === "mouse" && e.button !== 0) return;
    pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (pointers.size === 1) {
      drag = { x: e.clientX, y: e.clientY, cx: view.cx, cy: view.cy };
      moved = false;
    } else if (pointers.size === 2) {
      var p = Array.from(pointers.values());
      pinch = { d: Math.hypot(p[0].x - p[1].x, p[0].y - p[1].y) || 1, k: view.k };
      drag = null;
      moved = true;
    }
  });
  stage.addEventListener("pointermove", function (e) {
    if (!pointers.has(e.pointerId)) return;
    pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (pinch && pointers.size === 2) {
      var p = Array.from(pointers.values());
      var r = stage.getBoundingClientRect();
      var d = Math.hypot(p[0].x - p[1].x, p[0].y - p[1].y) || 1;
      zoomAt((p[0].x + p[1].x) / 2 - r.left, (p[0].y + p[1].y) / 2 - r.top, (pinch.k * d / pinch.d) / view.k);
      return;
    }
    if (!drag) return;
    var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
    if (!moved && Math.abs(dx) + Math.abs(dy) > 4) {
      moved = true;
      cancelAnimationFrame(anim);
      stage.classList.add("dragging");
      try { stage.setPointerCapture(e.pointerId); } catch (err) { /* not capturable: fine */ }
    }
    if (moved) apply({ cx: drag.cx - dx / view.k, cy: drag.cy - dy / view.k, k: view.k });
  });
  function pointerEnd(e) {
    pointers.delete(e.pointerId);
    if (pointers.size < 2) pinch = null;
    if (!pointers.size) { drag = null; stage.classList.remove("dragging"); }
  }
  stage.addEventListener("pointerup", pointerEnd);
  stage.addEventListener("pointercancel", pointerEnd);
  stage.addEventListener("wheel", function (e) {
    e.preventDefault();
    var r = stage.getBoundingClientRect();
    var unit = e.deltaMode === 1 ? 0.06 : e.deltaMode === 2 ? 0.5 : 0.0022;
    zoomAt(e.clientX - r.left, e.clientY - r.top, Math.exp(-e.deltaY * unit));
  }, { passive: false });
  stage.addEventListener("click", function (e) {
    if (moved) { moved = false; return; }
    var g = e.target.closest ? e.target.closest("g.st-node") : null;
    if (g) choose(S[g._s], { text: true, map: false });
    else if (sel) clearSelection();
  });
  stage.addEventListener("keydown", function (e) {
    var z = size(), step = 0.15;
    var keys = {
      ArrowLeft: [-z.w * step, 0], ArrowRight: [z.w * step, 0], ArrowUp: [0, -z.h * step], ArrowDown: [0, z.h * step]
    };
    if (keys[e.key]) {
      apply({ cx: view.cx + keys[e.key][0] / view.k, cy: view.cy + keys[e.key][1] / view.k, k: view.k });
    } else if (e.key === "+" || e.key === "=") zoomBy(1.25);
    else if (e.key === "-" || e.key === "_") zoomBy(0.8);
    else if (e.key === "0") fit(true);
    else return;
    e.preventDefault();
  });
  $("zoom-in").addEventListener("click", function () { zoomBy(1.4); });
  $("zoom-out").addEventListener("click", function () { zoomBy(1 / 1.4); });
  $("zoom-fit").addEventListener("click", function () { fit(true); });
  // -- hover: a box lights its passages, a passage its box ------------------------------------------
  var hot = null;
  var hotTimer = 0;
  function scrollPane(pane, target, center) {
    if (!target) return;
    var pr = pane.getBoundingClientRect(), tr = target.getBoundingClientRect();
    var top = tr.top - pr.top, pad = 24;
    var to;
    if (center) to = pane.scrollTop + top - Math.max(pad, (pane.clientHeight - tr.height) / 2);
    else if (top < pad) to = pane.scrollTop + top - pad;
    else if (top + tr.height > pane.clientHeight - pad) to = pane.scrollTop + top + tr.height - pane.clientHeight + pad;
    else return;
    pane.scrollTo({ top: Math.max(0, to), behavior: reduceMotion ? "auto" : "smooth" });
  }
  function setHot(s) {
    if (s === hot) return;
    if (hot) {
      hot.marks.forEach(function (m) { m.classList.remove("hot"); });
      if (hot.node) hot.node.classList.remove("hot");
    }
    hot = s;
    clearTimeout(hotTimer);
    if (!s) return;
    s.marks.forEach(function (m) { if (!m.classList.contains("off")) m.classList.add("hot"); });
    if (s.node && !hiddenKinds.has(s.kind)) s.node.classList.add("hot");
  }
  stage.addEventListener("mouseover", function (e) {
    if (drag && moved) return;
    var g = e.target.closest ? e.target.closest("g.st-node") : null;
    var s = g ? S[g._s] : null;
    setHot(s);
    if (s && s.marks.length) {
      hotTimer = setTimeout(function () { if (hot === s) scrollPane(reading, s.marks[0], false); }, 180);
    }
  });
  stage.addEventListener("mouseleave", function () { setHot(null); });
  reading.addEventListener("mouseover", function (e) {
    var m = e.target.closest ? e.target.closest("mark.m, button.st") : null;
    if (!m) { setHot(null); return; }
    var i = m._ids ? visibleIds(m)[0] : m._s;
    setHot(i == null ? null : S[i]);
  });
  reading.addEventListener("mouseleave", function () { setHot(null); });

  // -- selection: the statement, its reasons and objections, what it answers -----------------------
  var sel = null;
  var lit = [];
  function tag(elm, cls) { if (elm) { elm.classList.add(cls); lit.push([elm, cls]); } }
  function tagStatement(s, cls) {
    tag(s.node, cls);
    if (cls !== "sel") tag(s.node, "rel");
    s.marks.forEach(function (m) { tag(m, cls); });
    tag(s.item, cls);
  }
  function tagRelation(r) {
    tag(r.node, "on");
    r.edges.forEach(function (e) { tag(e.el, "on"); });
  }
  function related(s) {
    var out = { pro: [], con: [], up: [], co: [], rels: [] };
    var seen = new Set([s]);
    function put(kind, t) { if (t && !seen.has(t)) { seen.add(t); out[kind].push(t); } }
    s.inc.forEach(function (r) {
      out.rels.push(r);
      r.from.forEach(function (f) { put(r.type === "support" ? "pro" : "con", byId.get(f)); });
      r.inc.forEach(function (u) {  // undercuts of its reasons
        out.rels.push(u);
        u.from.forEach(function (f) { put("con", byId.get(f)); });
      });
    });
    s.out.forEach(function (r) {
      out.rels.push(r);
      var t = byId.get(r.to);
      if (!t && relById.has(r.to)) {  // an undercut: the inference it attacks
        var rr = relById.get(r.to);
        out.rels.push(rr);
        t = byId.get(rr.to);
      }
      put("up", t);
      if (r.from.length > 1) r.from.forEach(function (f) { put("co", byId.get(f)); });
    });
    return out;
  }
  function clearTags() {
    lit.forEach(function (p) { p[0].classList.remove(p[1]); });
    lit = [];
  }
  function clearSelection() {
    clearTags();
    sel = null;
    stage.classList.remove("focus");
    showPanel(null);
    setHash(null);
  }
  function choose(s, how) {
    if (!s) return;
    if (hiddenKinds.has(s.kind)) {  // asked for a hidden kind (from the panel): show that kind again
      hiddenKinds.delete(s.kind);
      var chip = filters.querySelector('[data-kind="' + s.kind + '"]');
      if (chip) chip.setAttribute("aria-pressed", "true");
      applyFilters();
    }
    clearTags();
    sel = s;
    tagStatement(s, "sel");
    var rel = related(s);
    ["pro", "con", "up", "co"].forEach(function (k) { rel[k].forEach(function (t) { tagStatement(t, k); }); });
    rel.rels.forEach(tagRelation);
    stage.classList.add("focus");
    showPanel(s, rel);
    if (how.text) scrollPane(reading, s.marks[0] || s.item, true);
    if (how.map) reveal(s, rel);
    setHash(s.id);
  }
  function setHash(id) {
    try {
      history.replaceState(null, "", id == null ? location.pathname + location.search : "#select=" + encodeURIComponent(id));
    } catch (err) { /* a sandboxed frame: no history */ }
  }
  function fromHash() {
    var h = location.hash;
    if (h.indexOf("#select=") !== 0) return null;
    try { return byId.get(decodeURIComponent(h.slice(8))) || null; } catch (err) { return null; }
  }
  window.addEventListener("hashchange", function () { var s = fromHash(); if (s) choose(s, { text: true, map: true }); });

  function visibleIds(m) {
    return m._ids.filter(function (i) { return !hiddenKinds.has(S[i].kind); });
  }
  reading.addEventListener("click", function (e) {
    var m = e.target.closest ? e.target.closest("mark.m") : null;
    if (m) {
      var ids = visibleIds(m);
      if (!ids.length) return;
      var at = sel ? ids.indexOf(sel.i) : -1;
      choose(S[ids[at >= 0 ? (at + 1) % ids.length : 0]], { text: false, map: true });
      return;
    }
    var b = e.target.closest ? e.target.closest("button.st") : null;
    if (b) choose(S[b._s], { text: false, map: true });
  });
  reading.addEventListener("focusin", function (e) {
    var t = e.target;
    var keyboard = false;
    try { keyboard = t.matches(":focus-visible"); } catch (err) { keyboard = true; }
    if (!keyboard) return;
    if (t._owner != null && sel !== S[t._owner]) choose(S[t._owner], { text: false, map: true });
    else if (t._s != null && sel !== S[t._s]) choose(S[t._s], { text: false, map: true });
  });
  reading.addEventListener("keydown", function (e) {
    if ((e.key === "Enter" || e.key === " ") && e.target._owner != null) {
      e.preventDefault();
      choose(S[e.target._owner], { text: false, map: true });
    }
  });

  // -- the panel -------------------------------------------------------------------------------------
  var panel = $("panel");
  function ref(s, note) {
    var li = el("li");
    var b = el("button", "ref k-" + s.kind + (s.main ? " main" : ""));
    b.type = "button";
    b.appendChild(el("span", "kind", kindLabel(s) + (note ? " · " + note : "")));
    b.appendChild(doc.createTextNode(s.text));
    b.addEventListener("click", function () { choose(s, { text: true, map: true }); });
    li.appendChild(b);
    return li;
  }
  function section(title, cls, items) {
    if (!items.length) return;
    var h = el("h3", cls);
    h.appendChild(el("span", "sw"));
    h.appendChild(doc.createTextNode(title));
    panel.appendChild(h);
    var ul = el("ul");
    items.forEach(function (x) { ul.appendChild(x); });
    panel.appendChild(ul);
  }
  function group(r, note) {
    // One reason or objection: a single statement, or linked co-premises framed together.
    var members = r.from.map(function (f) { return byId.get(f); }).filter(Boolean);
    if (members.length === 1) return ref(members[0], note);
    var li = el("li", "group");
    li.appendChild(el("p", "note", "together (linked)" + (note ? " · " + note : "")));
    var ul = el("ul");
    members.forEach(function (m) { ul.appendChild(ref(m)); });
    li.appendChild(ul);
    return li;
  }
  function describe(r) {
    var bits = [];
    if (r.scheme) bits.push(r.scheme);
    if (r.example) bits.push("example");
    if (r.conf != null) bits.push("confidence " + Math.round(r.conf * 100) + "%");
    return bits.join(" · ");
  }
  function showPanel(s) {
    panel.textContent = "";
    if (!s) {
      if (theses.length) {
        var h = el("h3", "up");
        h.appendChild(el("span", "sw"));
        h.appendChild(doc.createTextNode(theses.length > 1 ? "Main claims" : "Main claim"));
        panel.appendChild(h);
        var ul = el("ul");
        theses.forEach(function (t) { ul.appendChild(ref(t)); });
        panel.appendChild(ul);
      }
      var p = el("p", theses.length ? "hint after" : "hint");
      p.appendChild(el("b", null, "Click a highlighted passage or a box"));
      p.appendChild(doc.createTextNode(" to see the statement with its reasons and objections. "));
      p.appendChild(doc.createTextNode("Tab moves through the statements, "));
      p.appendChild(el("kbd", null, "Esc"));
      p.appendChild(doc.createTextNode(" clears, "));
      p.appendChild(el("kbd", null, "/"));
      p.appendChild(doc.createTextNode(" searches; drag and scroll the diagram to pan and zoom."));
      panel.appendChild(p);
      return;
    }
    var head = el("div", "head");
    var badge = el("span", "badge k-" + s.kind, s.kind);
    head.appendChild(badge);
    if (s.main) head.appendChild(el("span", "badge thesis", "thesis"));
    head.appendChild(el("span", "sid", s.id));
    var close = el("button", "close", "\u00d7");
    close.type = "button";
    close.title = "Clear the selection (Esc)";
    close.setAttribute("aria-label", "Clear the selection");
    close.addEventListener("click", clearSelection);
    head.appendChild(close);
    panel.appendChild(head);
    panel.appendChild(el("p", "say", s.text));
    var facts = el("p", "facts");
    if (s.conf != null) {
      var c = el("span", null, "confidence " + Math.round(s.conf * 100) + "%");
      var meter = el("span", "meter");
      var bar = el("i");
      bar.style.width = Math.round(s.conf * 100) + "%";
      meter.appendChild(bar);
      c.appendChild(meter);
      facts.appendChild(c);
    }
    if (s.by) facts.appendChild(el("span", null, "from the " + s.by + " extractor"));
    if (s.spans) facts.appendChild(el("span", null, s.spans.length === 1 ? "quoted from the text" : "quoted from " + s.spans.length + " places"));
    else if (data.segments) facts.appendChild(el("span", null, "not quoted from the text"));
    if (s.tags && s.tags.length) facts.appendChild(el("span", null, "tags: " + s.tags.join(", ")));
    if (s.meta) {
      Object.keys(s.meta).slice(0, 12).forEach(function (key) {
        var v = s.meta[key];
        facts.appendChild(el("span", "meta", key + ": " + (typeof v === "string" ? v : JSON.stringify(v))));
      });
    }
    if (facts.childNodes.length) panel.appendChild(facts);

    var reasons = [], objections = [], supports = [], attacks = [];
    s.inc.forEach(function (r) {
      if (r.type === "support") {
        reasons.push(group(r, describe(r)));
        r.inc.forEach(function (u) { objections.push(group(u, "against this reason")); });
      } else {
        objections.push(group(r, describe(r)));
      }
    });
    s.out.forEach(function (r) {
      var t = byId.get(r.to);
      var note = describe(r);
      if (!t && relById.has(r.to)) {
        var rr = relById.get(r.to);
        t = byId.get(rr.to);
        note = "against the inference to it" + (note ? " · " + note : "");
      }
      if (!t) return;
      var others = r.from.length - 1;
      if (others > 0) note = "with " + others + " co-premise" + (others > 1 ? "s" : "") + (note ? " · " + note : "");
      (r.type === "support" ? supports : attacks).push(ref(t, note));
    });
    section("Reasons for it", "pro", reasons);
    section("Objections to it", "con", objections);
    section("It supports", "up", supports);
    section("It objects to", "con", attacks);
    if (!reasons.length && !objections.length && !supports.length && !attacks.length) {
      panel.appendChild(el("p", "hint", "No relation to other statements."));
    }
  }

  // -- filters by kind ---------------------------------------------------------------------------------
  function applyFilters() {
    var hidden = function (s) { return !s || hiddenKinds.has(s.kind); };
    S.forEach(function (s) {
      var off = hiddenKinds.has(s.kind);
      if (s.node) s.node.classList.toggle("hid", off);
      if (s.item) s.item.parentNode.classList.toggle("hid", off);
    });
    Array.prototype.forEach.call(doc.querySelectorAll("mark.m"), function (m) {
      var ids = visibleIds(m);
      m.classList.toggle("off", !ids.length);
      var k = ids.length ? S[ids[0]].kind : m._k;
      if (k !== m._k) { m.classList.remove("k-" + m._k); m.classList.add("k-" + k); m._k = k; }
      if (m._owner != null) m.tabIndex = hiddenKinds.has(S[m._owner].kind) ? -1 : 0;
    });
    var memo = new Map();
    function relHidden(r, depth) {
      if (memo.has(r.id)) return memo.get(r.id);
      var t = byId.get(r.to);
      var off = t ? hidden(t) : relById.has(r.to) && depth < 50 ? relHidden(relById.get(r.to), depth + 1) : true;
      off = off || r.from.every(function (f) { return hidden(byId.get(f)); });
      memo.set(r.id, off);
      return off;
    }
    R.forEach(function (r) {
      var off = relHidden(r, 0);
      if (r.node) r.node.classList.toggle("hid", off);
      r.edges.forEach(function (e) { e.el.classList.toggle("hid", off || (e.src != null && hidden(byId.get(e.src)))); });
    });
    if (sel && hiddenKinds.has(sel.kind)) clearSelection();
    if (hot && hiddenKinds.has(hot.kind)) setHot(null);
    if (input.value.trim()) search();
  }

  // -- search --------------------------------------------------------------------------------------------
  var input = $("search");
  var results = $("results");
  var found = [];
  var active = -1;
  var matchLit = [];
  function fold(t) {
    var s = t.toLowerCase();
    return s.normalize ? s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "") : s;
  }
  function closeResults() {
    results.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }
  function setActive(i) {
    var items = results.querySelectorAll("li[role=option]");
    if (active >= 0 && items[active]) items[active].classList.remove("active");
    active = i;
    if (i >= 0 && items[i]) {
      items[i].classList.add("active");
      input.setAttribute("aria-activedescendant", items[i].id);
      items[i].scrollIntoView({ block: "nearest" });
    }
  }
  function highlight(li, textValue, q) {
    var lower = textValue.toLowerCase();
    var at = lower.length === textValue.length ? lower.indexOf(q.toLowerCase()) : -1;
    var span = el("span");
    if (at < 0) { span.textContent = textValue; li.appendChild(span); return; }
    span.appendChild(doc.createTextNode(textValue.slice(0, at)));
    span.appendChild(el("b", null, textValue.slice(at, at + q.length)));
    span.appendChild(doc.createTextNode(textValue.slice(at + q.length)));
    li.appendChild(span);
  }
  function search() {
    matchLit.forEach(function (e) { e.classList.remove("match"); });
    matchLit = [];
    results.textContent = "";
    active = -1;
    var q = input.value.trim();
    if (!q) { found = []; stage.classList.remove("searching"); closeResults(); return; }
    var fq = fold(q);
    found = S.filter(function (s) {
      if (hiddenKinds.has(s.kind)) return false;
      if (s.fold == null) s.fold = fold(s.text);
      return s.fold.indexOf(fq) >= 0 || s.id === q;
    });
    found.forEach(function (s) {
      [s.node, s.item].concat(s.marks).forEach(function (e) { if (e) { e.classList.add("match"); matchLit.push(e); } });
    });
    stage.classList.add("searching");
    var note = el("li", "note", found.length ? found.length + (found.length === 1 ? " statement" : " statements") +
      (found.length > 60 ? " (the first 60 listed)" : "") + " · Enter selects" : "No statement matches");
    note.setAttribute("role", "presentation");
    results.appendChild(note);
    found.slice(0, 60).forEach(function (s, n) {
      var li = el("li");
      li.id = "result-" + n;
      li.setAttribute("role", "option");
      var chip = el("span", "chip k-" + s.kind);
      chip.appendChild(el("span", "dot"));
      chip.appendChild(doc.createTextNode(s.kind));
      li.appendChild(chip);
      highlight(li, s.text, q);
      li.addEventListener("mousedown", function (e) { e.preventDefault(); });
      li.addEventListener("click", function () { pick(s); });
      results.appendChild(li);
    });
    results.hidden = false;
    input.setAttribute("aria-expanded", "true");
    if (found.length) setActive(0);
  }
  function pick(s) {
    closeResults();
    choose(s, { text: true, map: true });
  }
  input.addEventListener("input", search);
  input.addEventListener("focus", function () { if (input.value.trim()) { results.hidden = false; input.setAttribute("aria-expanded", "true"); } });
  input.addEventListener("blur", function () { setTimeout(closeResults, 120); });
  input.addEventListener("keydown", function (e) {
    var n = Math.min(found.length, 60);
    if (e.key === "ArrowDown" && n) { e.preventDefault(); results.hidden = false; setActive((active + 1) % n); }
    else if (e.key === "ArrowUp" && n) { e.preventDefault(); setActive((active - 1 + n) % n); }
    else if (e.key === "Enter") { e.preventDefault(); if (n) pick(found[active >= 0 ? active : 0]); }
    else if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      if (input.value) { input.value = ""; search(); } else { input.blur(); clearSelection(); }
    }
  });

  // -- the keyboard everywhere: / searches, Escape clears --------------------------------------------
  doc.addEventListener("keydown", function (e) {
    var typing = e.target === input;
    if (e.key === "/" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      input.focus();
      input.select();
    } else if (e.key === "Escape" && !typing) {
      if (input.value) { input.value = ""; search(); }
      clearSelection();
      setHot(null);
    }
  });

  showPanel(null);
  var first = fromHash() || (data.select != null ? byId.get(data.select) : null);
  if (first) choose(first, { text: true, map: true });
  doc.documentElement.setAttribute("data-argmap-ready", "");
})();

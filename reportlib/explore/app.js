/* reportlib explorer: plain JavaScript, no framework, no network. Reads the JSON data element,
   renders five views (reports, terms, search, statistics, topics) and a paragraph panel. */
"use strict";
(function () {
  const D = JSON.parse(document.getElementById("explorer-data").textContent);
  const P = D.paragraphs.text, PR = D.paragraphs.report, PL = D.paragraphs.line;
  const CHAR_MAP = new Map();
  for (let i = 0; i < D.char_map[0].length; i++) CHAR_MAP.set(D.char_map[0][i], D.char_map[1][i]);
  const R = D.reports, CATS = D.categories;
  const VIEWS = ["reports", "terms", "search", "stats", "topics"];
  const TAB_KEYS = {reports: "ui_tab_reports", terms: "ui_tab_terms", search: "ui_tab_search",
                    stats: "ui_tab_stats", topics: "ui_tab_topics"};
  const KWIC_WIDTH = 12, MAX_ROWS = 500;
  const S = {lang: D.lang, view: "reports",
             reports: {sector: "", text: "", sort: null},
             terms: {a: CATS[0] || "", b: "rest", mode: "scatter", term: null},
             search: {query: ""}, stats: {text: "", dimension: "", report: ""}};

  // ---- helpers ----------------------------------------------------------------------------
  const t = (key) => (D.ui[S.lang] && D.ui[S.lang][key]) || key;
  const normalize = (text) => { let out = ""; for (const c of text) out += CHAR_MAP.get(c) || c; return out; };
  // The normalized view of each paragraph: shipped where the library's differs from the char map.
  const N = P.map((text, i) => (D.normalized[i] !== undefined ? D.normalized[i] : normalize(text)));
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") node.className = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else if (v !== null && v !== undefined && v !== false) node.setAttribute(k, v);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }
  function svg(tag, attrs, ...children) {
    const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    for (const child of children) node.append(child instanceof Node ? child : String(child));
    return node;
  }
  const fmt = (v, digits) => (v === null || v === undefined ? "" :
    typeof v === "number" ? (digits === undefined ? v.toLocaleString("en-US") : v.toFixed(digits)) : String(v));
  const source = (r) => D.sources[R.source[r]];
  const where = (p) => `${source(PR[p])}:${PL[p]}`;
  const isDuplicate = (r) => Boolean(R.duplicate_of && R.duplicate_of[r]);
  function select(id, options, value, onchange) {
    return el("select", {id, onchange: (e) => onchange(e.target.value)},
      options.map(([v, label]) => el("option", {value: v, selected: v === value ? "selected" : null}, label)));
  }

  // ---- sortable table ---------------------------------------------------------------------
  function table(id, columns, rows, options) {
    const opts = options || {};
    const state = opts.sort || {key: null, asc: true};
    const tbody = el("tbody");
    const head = el("tr", null, columns.map((c) => el("th", {"data-key": c.key, onclick: () => {
      state.asc = state.key === c.key ? !state.asc : true; state.key = c.key; fill();
    }}, c.label)));
    function fill() {
      const sorted = rows.slice();
      if (state.key) {
        const col = columns.find((c) => c.key === state.key);
        const value = col.sortValue || ((row) => row[col.key]);
        sorted.sort((x, y) => {
          const a = value(x), b = value(y);
          const cmp = typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b), "zh");
          return state.asc ? cmp : -cmp;
        });
      }
      for (const th of head.children) {
        th.className = th.dataset.key === state.key ? (state.asc ? "sorted-asc" : "sorted-desc") : "";
      }
      tbody.replaceChildren(...sorted.slice(0, MAX_ROWS).map((row) => el("tr",
        {class: opts.onclick ? "clickable" : null, onclick: opts.onclick ? () => opts.onclick(row) : null},
        columns.map((c) => el("td", {class: c.num ? "num" : c.cls || null, title: c.cls === "where" ? row[c.key] : null},
          c.render ? c.render(row) : fmt(row[c.key], c.digits))))));
    }
    fill();
    const note = rows.length > MAX_ROWS ? el("p", {class: "note"}, `${t("ui_shown_first")} ${MAX_ROWS} / ${rows.length}`) : null;
    return el("div", null, el("p", {class: "note", id: id + "-count"}, `${t("ui_rows")}: ${rows.length}`),
      el("table", {id}, el("thead", null, head), tbody), note);
  }

  // ---- KWIC and the paragraph panel -------------------------------------------------------
  function findAll(query, keep) {
    const needle = normalize(query), hits = [];
    if (!needle) return hits;
    for (let p = 0; p < N.length; p++) {
      if (keep && !keep(PR[p])) continue;
      let at = N[p].indexOf(needle);
      while (at >= 0) { hits.push({p, start: at, end: at + needle.length}); at = N[p].indexOf(needle, at + needle.length); }
    }
    return hits;
  }
  function kwic(id, hits) {
    const rows = hits.map((h) => ({
      p: h.p, start: h.start, end: h.end, report: R.id[PR[h.p]], label: R.label ? R.label[PR[h.p]] : "",
      sector: t(R.category[PR[h.p]]), file: source(PR[h.p]), line: PL[h.p],
      left: P[h.p].slice(Math.max(0, h.start - KWIC_WIDTH), h.start), hit: P[h.p].slice(h.start, h.end),
      right: P[h.p].slice(h.end, h.end + KWIC_WIDTH)}));
    const columns = [
      {key: "label", label: t("ui_label")}, {key: "sector", label: t("ui_sector_col")},
      {key: "file", label: t("ui_file"), cls: "where"}, {key: "line", label: t("ui_line"), num: true},
      {key: "left", label: "", cls: "left"}, {key: "hit", label: t("ui_term"), cls: "hit"},
      {key: "right", label: "", cls: "right"}];
    const box = table(id, columns, rows, {onclick: (row) => showParagraph(row.p, row.start, row.end)});
    box.classList.add("kwic");
    box.insertBefore(el("p", {class: "note"}, t("ui_click_row")), box.firstChild);
    return box;
  }
  function showParagraph(p, start, end, sentenceStart, sentenceEnd) {
    const text = P[p], panel = document.getElementById("paragraph-panel"), r = PR[p];
    const cuts = [...new Set([0, text.length, start, end, sentenceStart, sentenceEnd]
      .filter((x) => x !== undefined && x >= 0 && x <= text.length))].sort((a, b) => a - b);
    const body = el("p", {id: "paragraph-text"});
    for (let i = 0; i + 1 < cuts.length; i++) {
      const [a, b] = [cuts[i], cuts[i + 1]], piece = text.slice(a, b);
      const inHit = a >= start && b <= end, inSentence = sentenceStart >= 0 && a >= sentenceStart && b <= sentenceEnd;
      body.append(inHit ? el("mark", null, piece) : inSentence ? el("span", {class: "sentence"}, piece) : piece);
    }
    panel.replaceChildren(
      el("button", {type: "button", style: "float:right", onclick: () => { panel.hidden = true; }}, t("ui_close")),
      el("strong", null, t("ui_paragraph")),
      el("div", {class: "where"}, `${R.id[r]} · ${R.label ? R.label[r] : ""} · ${t(R.category[r])} · ${where(p)}`),
      body);
    panel.hidden = false;
  }

  // ---- views ------------------------------------------------------------------------------
  function reportsView() {
    const st = S.reports, rows = [];
    for (let r = 0; r < R.id.length; r++) {
      const row = {id: R.id[r], label: R.label ? R.label[r] : "", sector: t(R.category[r]), category: R.category[r],
        place: R.place ? R.place[r] : "", file: source(r), start_line: R.start_line[r], n_chars: R.n_chars[r],
        duplicate_of: R.duplicate_of ? R.duplicate_of[r] : "", title: R.title ? R.title[r] : ""};
      if (R.truncated) row.truncated = R.truncated[r] ? "✓" : "";
      const haystack = normalize([row.id, row.label, row.title, row.place, row.file].join(" "));
      if (st.sector && row.category !== st.sector) continue;
      if (st.text && !haystack.includes(normalize(st.text))) continue;
      rows.push(row);
    }
    const columns = [
      {key: "id", label: t("ui_report_id")}, {key: "label", label: t("ui_label")},
      {key: "sector", label: t("ui_sector_col")}, {key: "place", label: t("ui_place")},
      {key: "file", label: t("ui_file"), cls: "where"}, {key: "start_line", label: t("ui_line"), num: true},
      {key: "n_chars", label: t("ui_length"), num: true}, {key: "duplicate_of", label: t("ui_duplicate")}];
    if (R.truncated) columns.push({key: "truncated", label: t("ui_truncated")});
    const textBox = el("input", {id: "reports-filter", type: "search", placeholder: t("ui_filter"), value: st.text});
    textBox.addEventListener("input", () => { st.text = textBox.value; rerender("reports", "reports-filter"); });
    st.sort = st.sort || {key: null, asc: true};
    return [el("div", {class: "controls"},
      select("reports-sector", [["", t("ui_all_sectors")], ...CATS.map((c) => [c, t(c)])], st.sector,
        (v) => { st.sector = v; rerender("reports"); }), textBox),
      table("reports-table", columns, rows, {sort: st.sort})];
  }

  function comparison() {
    const {a, b} = S.terms;
    if (b === "rest") return {entry: D.keyness[a], flip: false};
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    return {entry: D.keyness[key], flip: a > b};
  }
  function termRows() {
    const {entry, flip} = comparison(), rows = [];
    if (!entry) return rows;
    for (let i = 0; i < entry.term.length; i++) {
      const row = {term: D.terms[entry.term[i]]};
      for (const [k, col] of Object.entries(entry)) if (k !== "term") row[k] = col[i];
      if (flip) { [row.count_in, row.count_out] = [row.count_out, row.count_in]; row.z = -row.z; row.n_reports = null; }
      row.n = row.count_in + row.count_out;
      rows.push(row);
    }
    return rows.sort((x, y) => y.z - x.z || x.term.localeCompare(y.term));
  }
  function flags(row) {
    const out = [];
    if (row.single_report) out.push(el("span", {class: "flag", title: t("ui_single_report")}, "1"));
    if (row.is_cue) out.push(el("span", {class: "flag", title: t("ui_is_cue")}, t("ui_is_cue")));
    if (row.distinctive) out.push(el("span", {class: "flag", title: t("ui_distinctive")}, "★"));
    return out;
  }
  function scatter(rows) {
    const W = 640, H = 440, M = {l: 48, r: 12, t: 12, b: 40};
    const xs = rows.map((r) => Math.log10(Math.max(1, r.n))), zs = rows.map((r) => r.z);
    const [x0, x1] = [0, Math.max(1, ...xs)], zMax = Math.max(2, ...zs.map(Math.abs));
    const X = (v) => M.l + (v - x0) / (x1 - x0) * (W - M.l - M.r), Y = (z) => M.t + (zMax - z) / (2 * zMax) * (H - M.t - M.b);
    const plot = svg("svg", {id: "terms-plot", viewBox: `0 0 ${W} ${H}`, width: "100%"});
    plot.append(svg("line", {x1: M.l, x2: W - M.r, y1: Y(0), y2: Y(0), stroke: "#999"}),
      svg("line", {x1: M.l, x2: M.l, y1: M.t, y2: H - M.b, stroke: "#999"}),
      svg("text", {x: (W + M.l) / 2, y: H - 8, "text-anchor": "middle", "font-size": 12}, t("ui_frequency_log")),
      svg("text", {x: 12, y: H / 2, transform: `rotate(-90 12 ${H / 2})`, "text-anchor": "middle", "font-size": 12}, t("ui_z")));
    const sideB = S.terms.b === "rest" ? t("ui_rest") : t(S.terms.b);
    plot.append(svg("text", {x: M.l + 6, y: M.t + 12, "font-size": 12, fill: "#c0392b", id: "terms-side-a"}, `▲ ${t(S.terms.a)}`),
      svg("text", {x: M.l + 6, y: H - M.b - 6, "font-size": 12, fill: "#2c6fbb", id: "terms-side-b"}, `▼ ${sideB}`));
    for (let e = 0; e <= x1; e++) {
      plot.append(svg("text", {x: X(e), y: H - M.b + 14, "text-anchor": "middle", "font-size": 10}, fmt(10 ** e)));
    }
    const labelled = new Set(rows.slice(0, 15).concat(rows.slice(-8)).map((r) => r.term));
    rows.forEach((row, i) => {
      const g = svg("g", {class: "term" + (row.term === S.terms.term ? " selected" : ""), "data-term": row.term});
      g.append(svg("circle", {cx: X(xs[i]), cy: Y(row.z), r: 3.5, fill: row.z >= 0 ? "#c0392b" : "#2c6fbb", "fill-opacity": 0.7}),
        svg("title", null, `${row.term}  z=${fmt(row.z, 2)}  ${row.count_in}/${row.count_out}`));
      if (labelled.has(row.term)) g.append(svg("text", {x: X(xs[i]) + 5, y: Y(row.z) + 4, "font-size": 11}, row.term));
      g.addEventListener("click", () => selectTerm(row.term));
      plot.append(g);
    });
    return plot;
  }
  function termTable(rows) {
    const columns = [{key: "term", label: t("ui_term")}, {key: "count_in", label: t("ui_count_in"), num: true},
      {key: "count_out", label: t("ui_count_out"), num: true}, {key: "z", label: t("ui_z"), num: true, digits: 2},
      {key: "n_reports", label: t("ui_n_reports"), num: true}];
    for (const [key, digits] of [["n_paragraphs"], ["dispersion", 2], ["q_value", 3]]) {
      if (rows.length && key in rows[0]) columns.push({key, label: t("ui_" + key), num: true, digits});
    }
    columns.push({key: "flags", label: "", render: flags, sortValue: (r) => Number(Boolean(r.single_report))});
    return table("terms-table", columns, rows, {onclick: (row) => selectTerm(row.term)});
  }
  function selectTerm(term) {
    S.terms.term = term;
    document.querySelectorAll("#terms-plot .term").forEach((g) => g.classList.toggle("selected", g.dataset.term === term));
    const {a, b} = S.terms;
    const keep = (r) => !isDuplicate(r) && (b === "rest" || R.category[r] === a || R.category[r] === b);
    const hits = findAll(term, keep);
    hits.sort((x, y) => (R.category[PR[y.p]] === a) - (R.category[PR[x.p]] === a) || x.p - y.p || x.start - y.start);
    document.getElementById("terms-kwic").replaceChildren(el("h3", null, `${t("ui_kwic")}: ${term}`), kwic("terms-kwic-table", hits));
  }
  function termsView() {
    const st = S.terms, rows = termRows();
    const others = [["rest", t("ui_rest")], ...CATS.filter((c) => c !== st.a).map((c) => [c, t(c)])];
    if (st.b !== "rest" && st.b === st.a) st.b = "rest";
    const controls = el("div", {class: "controls"},
      select("terms-a", CATS.map((c) => [c, t(c)]), st.a, (v) => { st.a = v; st.term = null; rerender("terms"); }),
      t("ui_against"),
      select("terms-b", others, st.b, (v) => { st.b = v; st.term = null; rerender("terms"); }),
      select("terms-mode", [["scatter", t("ui_scatter")], ["table", t("ui_table")]], st.mode, (v) => { st.mode = v; rerender("terms"); }),
      el("span", {class: "note"}, t("ui_click_term")));
    const side = el("div", {id: "terms-kwic"});
    const out = [controls, el("div", {class: "split"}, el("div", null, st.mode === "scatter" ? scatter(rows) : termTable(rows)), side)];
    if (st.term) setTimeout(() => selectTerm(st.term), 0);
    return out;
  }

  function searchView() {
    const st = S.search;
    const input = el("input", {id: "search-input", type: "search", placeholder: t("ui_search_placeholder"), value: st.query, size: 30});
    const results = el("div", {id: "search-results"});
    const run = () => {
      st.query = input.value.trim();
      if (!st.query) { results.replaceChildren(); return; }
      const hits = findAll(st.query, null);
      results.replaceChildren(el("h3", null, `${t("ui_matches")}: ${hits.length}`), kwic("search-table", hits));
    };
    input.addEventListener("keydown", (e) => { if (e.key === "Enter") run(); });
    if (st.query) setTimeout(run, 0);
    return [el("div", {class: "controls"}, input, el("button", {id: "search-button", type: "button", onclick: run}, t("ui_search_button")),
      el("span", {class: "note"}, t(D.normalizer === "library" ? "ui_search_note" : "ui_search_note_width"))), results];
  }

  function statsView() {
    const st = S.stats, T = D.statistics, rows = [], needle = normalize(st.text);
    for (let i = 0; i < T.stat_id.length; i++) {
      const p = T.paragraph[i], r = PR[p];
      const row = {i, p, stat_id: T.stat_id[i], report: R.id[r], label: R.label ? R.label[r] : "",
        surface: P[p].slice(T.start[i], T.end[i]), value: T.value[i], value_high: T.value_high[i],
        unit: T.unit_norm ? T.unit_norm[i] : T.unit[i], dimension: T.dimension[i],
        dimension_name: t("dim_" + T.dimension[i]), qualifier: t("qual_" + T.qualifier[i]), what: T.what[i] || "",
        indicator: T.indicator ? T.indicator[i] || "" : "", where: where(p)};
      if (st.dimension && row.dimension !== st.dimension) continue;
      if (st.report && row.report !== st.report) continue;
      if (needle && !normalize([row.what, row.surface, row.indicator, row.label, N[p]].join(" ")).includes(needle)) continue;
      rows.push(row);
    }
    const columns = [{key: "label", label: t("ui_label")}, {key: "surface", label: t("ui_term"), cls: "hit"},
      {key: "value", label: t("ui_value"), num: true}, {key: "value_high", label: t("ui_value_high"), num: true},
      {key: "unit", label: t("ui_unit")}, {key: "dimension_name", label: t("ui_dimension")},
      {key: "qualifier", label: t("ui_qualifier")}, {key: "what", label: t("ui_what")}];
    if (T.indicator) columns.push({key: "indicator", label: t("ui_indicator")});
    columns.push({key: "where", label: t("ui_file"), cls: "where"});
    const dims = [...new Set(T.dimension)].sort();
    const reports = [...new Set(T.paragraph.map((p) => PR[p]))].sort((x, y) => x - y);
    const textBox = el("input", {id: "stats-filter", type: "search", placeholder: t("ui_filter"), value: st.text});
    textBox.addEventListener("input", () => { st.text = textBox.value; rerender("stats", "stats-filter"); });
    return [el("div", {class: "controls"}, textBox,
      select("stats-dimension", [["", t("ui_all_dimensions")], ...dims.map((d) => [d, t("dim_" + d)])], st.dimension, (v) => { st.dimension = v; rerender("stats"); }),
      select("stats-report", [["", t("ui_all_reports")], ...reports.map((r) => [R.id[r], `${R.id[r]} ${R.label ? R.label[r] : ""}`])], st.report, (v) => { st.report = v; rerender("stats"); }),
      el("span", {class: "note"}, t("ui_click_row"))),
    table("stats-table", columns, rows, {onclick: (row) => showParagraph(row.p, T.start[row.i], T.end[row.i], T.sentence_start[row.i], T.sentence_end[row.i])})];
  }

  function topicsView() {
    const T = D.topics, out = [];
    if (!T.k) return [el("p", {class: "note", id: "topics-none"}, t("ui_too_few"))];
    for (let k = 0; k < T.k; k++) {
      const typical = T.typical[k].map((p) => el("li", {class: "clickable", style: "cursor:pointer", onclick: () => showParagraph(p, -1, -1)},
        `${P[p].slice(0, 70)}… `, el("span", {class: "note"}, `${R.id[PR[p]]} ${where(p)}`)));
      const shares = Object.entries(T.shares).map(([cat, values]) => el("tr", null, el("td", null, t(cat)),
        el("td", {class: "num"}, fmt(values[k] * 100, 1) + "%"),
        el("td", null, el("span", {class: "bar", style: `width:${Math.round(values[k] * 200)}px`}))));
      out.push(el("div", {class: "topic", id: `topic-${k + 1}`},
        el("h3", null, `${k + 1}. ${T.terms[k].slice(0, 4).join(" · ")}`),
        el("div", null, el("strong", null, t("ui_top_terms") + ": "), T.terms[k].join("、")),
        el("div", null, el("strong", null, t("ui_typical") + ":"), el("ol", null, typical)),
        el("details", {open: "open"}, el("summary", null, t("ui_shares")), el("table", null, el("tbody", null, shares)))));
    }
    return out;
  }

  // ---- frame ------------------------------------------------------------------------------
  const RENDER = {reports: reportsView, terms: termsView, search: searchView, stats: statsView, topics: topicsView};
  function rerender(view, focusId) {
    const section = document.getElementById("view-" + view);
    const caret = focusId && document.getElementById(focusId) ? document.getElementById(focusId).selectionStart : null;
    section.replaceChildren(...RENDER[view]());
    if (focusId) { const box = document.getElementById(focusId); box.focus(); if (caret !== null) box.setSelectionRange(caret, caret); }
  }
  function showView(view) {
    S.view = view;
    document.getElementById("paragraph-panel").hidden = true;
    for (const v of VIEWS) {
      document.getElementById("view-" + v).classList.toggle("active", v === view);
      document.getElementById("tab-" + v).classList.toggle("active", v === view);
    }
    const section = document.getElementById("view-" + view);
    if (!section.childElementCount) rerender(view);
  }
  function renderFrame() {
    document.documentElement.lang = S.lang;
    document.title = t("ui_title");
    document.getElementById("title").textContent = t("ui_title");
    document.getElementById("tabs").replaceChildren(...VIEWS.map((v) =>
      el("button", {type: "button", id: "tab-" + v, "data-view": v, onclick: () => showView(v)}, t(TAB_KEYS[v]))));
    document.getElementById("lang-toggle").textContent = S.lang === "zh" ? "English" : "中文";
    for (const v of VIEWS) document.getElementById("view-" + v).replaceChildren();
    document.getElementById("paragraph-panel").hidden = true;
    showView(S.view);
  }
  document.getElementById("lang-toggle").addEventListener("click", () => { S.lang = S.lang === "zh" ? "en" : "zh"; renderFrame(); });
  renderFrame();
  window.explorerReady = {firstViewMs: performance.now()};
})();

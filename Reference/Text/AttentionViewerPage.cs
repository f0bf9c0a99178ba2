namespace XaiReference.Text;

/// <summary>
/// The attention viewer's page: HTML, CSS and script in one template with two slots, the HTML-escaped title
/// and the script-safe JSON data (<c>title</c>, <c>tokens</c>, <c>layerCount</c>, <c>headCount</c> and
/// <c>weights[layer][head]</c>, each a T x T map flattened row by row).
/// </summary>
/// <remarks>
/// Tokens reach the document only through <c>textContent</c> and attribute values, never as markup, so a
/// token such as <c>&lt;b&gt;</c> shows as those three characters. Every drawn line, heatmap cell and table
/// cell carries its layer, head, token indices and weight as <c>data-</c> attributes for tests and tools.
/// </remarks>
internal static class AttentionViewerPage
{
    public const string TitleSlot = "%%TITLE%%";

    public const string DataSlot = "%%DATA%%";

    public const string Template = """
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>%%TITLE%%</title>
<style>
:root {
  --ink: #1e2430; --muted: #687385; --rule: #e3e6eb; --panel: #ffffff; --page: #f3f4f7;
  --mono: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace;
}
* { box-sizing: border-box; }
body {
  margin: 0; color: var(--ink); background: var(--page);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif;
}
header { padding: 14px 22px 10px; background: var(--panel); border-bottom: 1px solid var(--rule); }
h1 { margin: 0 0 2px; font-size: 19px; font-weight: 650; }
.meta { color: var(--muted); font-size: 13px; }
.controls {
  display: flex; flex-wrap: wrap; align-items: center; gap: 10px 22px;
  padding: 10px 22px; background: var(--panel); border-bottom: 1px solid var(--rule);
}
.group { display: flex; align-items: center; gap: 8px; }
.group > span { font-size: 12px; font-weight: 650; text-transform: uppercase; letter-spacing: .05em;
  color: var(--muted); }
select, .plain {
  font: inherit; font-size: 13px; padding: 3px 8px; border: 1px solid #c9d0da; border-radius: 6px;
  background: #fff; color: var(--ink); cursor: pointer;
}
.heads { display: flex; flex-wrap: wrap; gap: 4px; }
.head {
  font: 600 12px/1 var(--mono); min-width: 30px; padding: 6px 6px; border-radius: 6px; cursor: pointer;
  border: 2px solid var(--c); background: #fff; color: var(--c);
}
.head[aria-pressed="true"] { background: var(--c); color: #fff; }
main { display: flex; flex-wrap: wrap; gap: 18px; padding: 18px 22px; align-items: flex-start; }
.card {
  background: var(--panel); border: 1px solid var(--rule); border-radius: 10px; padding: 12px 16px 14px;
  box-shadow: 0 1px 3px rgba(20, 30, 50, .06);
}
.card h2 {
  margin: 0 0 8px; font-size: 12px; font-weight: 650; text-transform: uppercase; letter-spacing: .05em;
  color: var(--muted);
}
svg text { font: 13px var(--mono); fill: var(--ink); }
.token rect { fill: transparent; rx: 4px; }
.token.from { cursor: pointer; }
.token.from:hover rect, .token.active rect { fill: #fdeaa7; }
.token.dim text { fill: #b4bbc6; }
.hint { color: var(--muted); font-size: 13px; margin: 8px 0 0; }
table.row { border-collapse: collapse; margin-top: 6px; font-size: 12px; }
table.row caption { text-align: left; white-space: nowrap; padding-bottom: 4px; }
table.row th, table.row td { padding: 2px 9px; border-bottom: 1px solid #eff1f4; text-align: right; }
table.row th { font-weight: 650; }
table.row .tok { text-align: left; font-family: var(--mono); white-space: pre; }
table.row td.w { font-family: var(--mono); }
#heat text.focus { font-weight: 700; }
</style>
</head>
<body>
<header>
  <h1 id="title"></h1>
  <div class="meta"><span id="token-count"></span> &middot; layers and heads are numbered from 0</div>
</header>
<div class="controls">
  <label class="group"><span>Layer</span><select id="layer"></select></label>
  <div class="group"><span>Heads</span><div class="heads" id="heads"></div>
    <button class="plain" id="all-heads" type="button">all</button>
    <button class="plain" id="no-heads" type="button">none</button></div>
</div>
<main>
  <section class="card">
    <h2>Attention from &rarr; to</h2>
    <svg id="lines-view" role="img" aria-label="attention lines"></svg>
    <div id="row"></div>
  </section>
  <section class="card">
    <h2>Heatmap &middot; <label>head <select id="heat-head"></select></label></h2>
    <svg id="heat" role="img" aria-label="attention heatmap"></svg>
  </section>
</main>
<script type="application/json" id="attention-data">%%DATA%%</script>
<script>
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("attention-data").textContent);
  var tokens = data.tokens, T = tokens.length, H = data.headCount, L = data.layerCount;
  var SVG = "http://www.w3.org/2000/svg";
  var ROW = 22, GAP = 150, PAD = 6, CELL = 19;
  var state = { layer: 0, heads: [], heat: 0, focus: -1 };
  for (var h0 = 0; h0 < H; h0++) { state.heads.push(true); }

  function weight(l, h, i, j) { return data.weights[l][h][i * T + j]; }
  function colour(h, alpha) {
    var hue = Math.round(h * 360 / H + 210) % 360;
    return alpha === undefined ? "hsl(" + hue + ", 68%, 44%)" : "hsla(" + hue + ", 68%, 44%, " + alpha + ")";
  }
  function make(name, attrs, parent, svg) {
    var e = svg ? document.createElementNS(SVG, name) : document.createElement(name);
    for (var k in attrs) { if (attrs.hasOwnProperty(k)) { e.setAttribute(k, attrs[k]); } }
    if (parent) { parent.appendChild(e); }
    return e;
  }
  function svgEl(name, attrs, parent) { return make(name, attrs, parent, true); }
  function label(e, s) { e.textContent = s; return e; }
  function clear(e) { while (e.firstChild) { e.removeChild(e.firstChild); } }
  function shown() {
    var list = [];
    for (var h = 0; h < H; h++) { if (state.heads[h]) { list.push(h); } }
    return list;
  }

  // The widest token decides where the columns sit, so no token is cut.
  var linesView = document.getElementById("lines-view");
  var probe = svgEl("text", {}, linesView), tokenWidth = 20;
  tokens.forEach(function (t) { label(probe, t); tokenWidth = Math.max(tokenWidth, probe.getComputedTextLength()); });
  linesView.removeChild(probe);
  tokenWidth = Math.ceil(tokenWidth) + 2 * PAD;
  var leftEdge = tokenWidth, rightEdge = tokenWidth + GAP;
  linesView.setAttribute("width", 2 * tokenWidth + GAP);
  linesView.setAttribute("height", T * ROW + 4);
  function y(i) { return 2 + i * ROW + ROW / 2; }

  var lineLayer = svgEl("g", { id: "lines" }, linesView);
  var fromColumn = svgEl("g", { id: "from-tokens" }, linesView);
  var toColumn = svgEl("g", { id: "to-tokens" }, linesView);
  function tokenColumn(parent, side, x, anchor, textX) {
    return tokens.map(function (t, i) {
      var g = svgEl("g", { "class": "token " + side, "data-index": i }, parent);
      svgEl("rect", { x: x, y: y(i) - ROW / 2 + 1, width: tokenWidth - 2, height: ROW - 2 }, g);
      label(svgEl("text", { x: textX, y: y(i) + 4, "text-anchor": anchor }, g), t);
      return g;
    });
  }
  var fromTokens = tokenColumn(fromColumn, "from", 0, "end", leftEdge - PAD);
  tokenColumn(toColumn, "to", rightEdge + 2, "start", rightEdge + PAD);

  function drawLines() {
    clear(lineLayer);
    shown().forEach(function (h) {
      for (var i = 0; i < T; i++) {
        if (state.focus >= 0 && i !== state.focus) { continue; }
        for (var j = 0; j < T; j++) {
          var w = weight(state.layer, h, i, j);
          svgEl("line", {
            x1: leftEdge, y1: y(i), x2: rightEdge, y2: y(j), stroke: colour(h), "stroke-width": 2,
            "stroke-opacity": w, "data-layer": state.layer, "data-head": h, "data-from": i, "data-to": j,
            "data-weight": w
          }, lineLayer);
        }
      }
    });
    fromTokens.forEach(function (g, i) {
      g.classList.toggle("active", i === state.focus);
      g.classList.toggle("dim", state.focus >= 0 && i !== state.focus);
    });
  }

  var rowBox = document.getElementById("row");
  function drawRow() {
    clear(rowBox);
    if (state.focus < 0) {
      label(make("p", { "class": "hint" }, rowBox), "Hover a token on the left to see only its attention.");
      return;
    }
    var heads = shown(), i = state.focus;
    var table = make("table", { "class": "row", id: "row-table", "data-from": i, "data-layer": state.layer }, rowBox);
    var caption = make("caption", { "class": "hint" }, table);
    label(caption, "Layer " + state.layer + ": where \u201c" + tokens[i] + "\u201d looks");
    var head = make("tr", {}, make("thead", {}, table));
    label(make("th", { "class": "tok" }, head), "to");
    heads.forEach(function (h) { label(make("th", { style: "color:" + colour(h) }, head), "head " + h); });
    var body = make("tbody", {}, table);
    tokens.forEach(function (t, j) {
      var tr = make("tr", { "data-to": j }, body);
      label(make("td", { "class": "tok" }, tr), t);
      heads.forEach(function (h) {
        var w = weight(state.layer, h, i, j);
        label(make("td", {
          "class": "w", "data-head": h, "data-weight": w, style: "background:" + colour(h, (0.75 * w).toFixed(3))
        }, tr), w.toFixed(3));
      });
    });
  }

  var heat = document.getElementById("heat");
  function drawHeat() {
    clear(heat);
    var left = tokenWidth, top = 0, h = state.heat;
    var probe2 = svgEl("text", {}, heat), tall = 0;
    tokens.forEach(function (t) { label(probe2, t); tall = Math.max(tall, probe2.getComputedTextLength()); });
    heat.removeChild(probe2);
    top = Math.ceil(tall * 0.8) + 12;
    heat.setAttribute("width", left + T * CELL + Math.ceil(tall * 0.6) + 4);
    heat.setAttribute("height", top + T * CELL + 4);
    tokens.forEach(function (t, j) {
      var x = left + j * CELL + CELL / 2 + 4, yy = top - 6;
      label(svgEl("text", { x: x, y: yy, transform: "rotate(-55 " + x + " " + yy + ")" }, heat), t);
    });
    for (var i = 0; i < T; i++) {
      label(svgEl("text", {
        x: left - PAD, y: top + i * CELL + CELL / 2 + 4, "text-anchor": "end",
        "class": i === state.focus ? "focus" : ""
      }, heat), tokens[i]);
      for (var j = 0; j < T; j++) {
        var w = weight(state.layer, h, i, j);
        svgEl("rect", {
          x: left + j * CELL, y: top + i * CELL, width: CELL - 1, height: CELL - 1, fill: "#f1f3f6"
        }, heat);
        var cell = svgEl("rect", {
          x: left + j * CELL, y: top + i * CELL, width: CELL - 1, height: CELL - 1, fill: colour(h),
          "fill-opacity": w, "class": "cell", "data-layer": state.layer, "data-head": h, "data-from": i,
          "data-to": j, "data-weight": w
        }, heat);
        label(svgEl("title", {}, cell), tokens[i] + " \u2192 " + tokens[j] + ": " + w.toFixed(3));
      }
    }
    if (state.focus >= 0) {
      svgEl("rect", {
        x: left - 1, y: top + state.focus * CELL - 1, width: T * CELL + 1, height: CELL + 1,
        fill: "none", stroke: "#1e2430", "stroke-width": 1.5
      }, heat);
    }
  }

  function drawAll() { drawLines(); drawRow(); drawHeat(); }

  label(document.getElementById("title"), data.title);
  label(document.getElementById("token-count"), T + " tokens \u00b7 " + L + " layers \u00b7 " + H + " heads");

  var layerSelect = document.getElementById("layer"), heatSelect = document.getElementById("heat-head");
  for (var l = 0; l < L; l++) { label(make("option", { value: l }, layerSelect), String(l)); }
  layerSelect.addEventListener("change", function () { state.layer = +layerSelect.value; drawAll(); });

  var headBox = document.getElementById("heads");
  var buttons = [];
  for (var h = 0; h < H; h++) {
    label(make("option", { value: h }, heatSelect), String(h));
    buttons.push(label(make("button", {
      "class": "head", type: "button", "data-head": h, "aria-pressed": "true", style: "--c:" + colour(h),
      title: "head " + h + " (double-click: only this head)"
    }, headBox), String(h)));
  }
  function syncButtons() {
    buttons.forEach(function (b, h) { b.setAttribute("aria-pressed", state.heads[h] ? "true" : "false"); });
    heatSelect.value = String(state.heat);
  }
  buttons.forEach(function (b, h) {
    b.addEventListener("click", function () {
      state.heads[h] = !state.heads[h];
      if (state.heads[h]) { state.heat = h; }
      syncButtons(); drawAll();
    });
    b.addEventListener("dblclick", function () {
      for (var k = 0; k < H; k++) { state.heads[k] = k === h; }
      state.heat = h; syncButtons(); drawAll();
    });
  });
  function setAll(on) {
    for (var k = 0; k < H; k++) { state.heads[k] = on; }
    syncButtons(); drawAll();
  }
  document.getElementById("all-heads").addEventListener("click", function () { setAll(true); });
  document.getElementById("no-heads").addEventListener("click", function () { setAll(false); });
  heatSelect.addEventListener("change", function () { state.heat = +heatSelect.value; drawHeat(); });

  fromTokens.forEach(function (g, i) {
    g.addEventListener("mouseenter", function () { state.focus = i; drawAll(); });
    g.addEventListener("mouseleave", function () { state.focus = -1; drawAll(); });
  });

  drawAll();
  document.body.setAttribute("data-ready", "true");
})();
</script>
</body>
</html>
""";
}

/* mkdocs-dbcatalog: interactive ER diagrams.
 *
 * Each `.dbcatalog-diagram` holds its Mermaid text in a `<script type="text/plain">` and a map of
 * entity ids to table pages. This script draws it with Mermaid (loaded once, when a page has a
 * diagram), then adds zoom (wheel, pinch, buttons) and pan (Panzoom), fit, full screen, a search box
 * that highlights a table, links from every box to its table page and, on hover, the box's lines.
 * Diagrams are drawn when they come near the viewport. It runs again on every page Material's
 * instant navigation loads (`document$`), follows the light/dark palette, and without JavaScript the
 * page keeps its text: the relationship list next to every diagram has every relationship.
 */
(function () {
  "use strict";

  var config = window.dbcatalogDiagrams || {};
  var here = document.currentScript ? document.currentScript.src : location.href;
  var MIN_FONT = 10; // px: the smallest text "fit" shrinks a diagram to
  var mermaidReady = null;
  var count = 0;

  function loadScript(url) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = url;
      script.onload = resolve;
      script.onerror = function () { reject(new Error("cannot load " + url)); };
      document.head.appendChild(script);
    });
  }

  function mermaidLoaded() {
    if (!mermaidReady) {
      mermaidReady = window.mermaid
        ? Promise.resolve(window.mermaid)
        : loadScript(config.mermaid || new URL("mermaid.min.js", here).href).then(function () {
          return window.mermaid;
        });
    }
    return mermaidReady;
  }

  function dark() {
    var scheme = document.body && document.body.getAttribute("data-md-color-scheme");
    if (scheme) return scheme === "slate";
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
  }

  /* Text without its `subgraph` boxes, for a Mermaid that does not know them in ER diagrams. */
  function flat(text) {
    return text.split("\n").filter(function (line) {
      return !/^\s*subgraph\s/.test(line) && !/^\s*end\s*$/.test(line);
    }).join("\n");
  }

  function button(label, title, action) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "dbcatalog-button";
    b.textContent = label;
    b.title = title;
    b.setAttribute("aria-label", title);
    b.addEventListener("click", action);
    return b;
  }

  function entityId(element) {
    var match = /(?:^|-)entity-(t\d+)-\d+$/.exec(element.id || "") || /(?:^|-)flowchart-(t\d+)-\d+$/.exec(element.id || "");
    return match ? match[1] : null;
  }

  function edgeEnds(path) {
    var match = /entity-(t\d+)-\d+_entity-(t\d+)-\d+/.exec(path.id || "");
    return match ? [match[1], match[2]] : null;
  }

  function Diagram(host) {
    this.host = host;
    var source = host.querySelector("script.dbcatalog-mermaid");
    this.source = source ? source.textContent : null;
    this.links = JSON.parse(host.getAttribute("data-links") || "{}");
    this.names = JSON.parse(host.getAttribute("data-names") || "{}");
    this.drawn = null;
  }

  /* The map of a large database is HTML already (it works without JavaScript): only add the controls. */
  Diagram.prototype.mountMap = function () {
    var self = this;
    this.frame = this.host.querySelector(".dbcatalog-frame");
    this.stage = this.host.querySelector(".dbcatalog-stage");
    this.host.classList.add("dbcatalog-live");
    this.nodes = {};
    this.names = {};
    this.links = {};
    this.edges = [];
    this.stage.querySelectorAll("a[data-t]").forEach(function (a) {
      var ident = a.getAttribute("data-t");
      self.nodes[ident] = a;
      self.names[ident] = a.textContent;
      self.links[ident] = a.href;
    });
    this.width = this.stage.scrollWidth;
    this.height = this.stage.scrollHeight;
    this.svg = this.host;
    this.controls();
    this.follow("a[data-t]", function (a) { return a.href; });
    if (window.Panzoom) {
      this.panzoom = window.Panzoom(this.stage, { maxScale: 4, minScale: 0.05, step: 0.2, canvas: true, origin: "0 0" });
      this.frame.addEventListener("wheel", function (event) {
        if (!event.ctrlKey && !event.metaKey && document.fullscreenElement !== self.host) return;
        self.panzoom.zoomWithWheel(event);
      }, { passive: false });
    }
    this.fit();
    return Promise.resolve();
  };

  Diagram.prototype.draw = function () {
    if (this.drawn) return this.drawn;
    var self = this;
    if (this.source === null) {
      this.drawn = this.mountMap();
      return this.drawn;
    }
    this.host.classList.add("dbcatalog-loading");
    this.drawn = mermaidLoaded().then(function (mermaid) {
      return self.render(mermaid);
    }).catch(function (error) {
      self.host.classList.remove("dbcatalog-loading");
      self.host.classList.add("dbcatalog-failed");
      var note = document.createElement("p");
      note.className = "dbcatalog-error";
      note.textContent = "This diagram could not be drawn (" + error.message + "); the list on this page has every relationship.";
      self.host.appendChild(note);
      if (window.console) console.error("dbcatalog diagram:", error);
    });
    return this.drawn;
  };

  Diagram.prototype.render = function (mermaid) {
    var self = this;
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: "strict",
      theme: dark() ? "dark" : "default",
      maxTextSize: 200000,
      maxEdges: 5000,
      er: { useMaxWidth: false },
      flowchart: { useMaxWidth: false },
    });
    var id = "dbcatalog-" + (++count);
    var text = this.source;
    var parsed = text.indexOf("subgraph") === -1 ? Promise.resolve(text)
      : mermaid.parse(text, { suppressErrors: true }).then(function (ok) { return ok ? text : flat(text); });
    return parsed.then(function (usable) {
      return mermaid.render(id, usable);
    }).then(function (result) {
      self.mount(result.svg);
    });
  };

  Diagram.prototype.mount = function (svgText) {
    var host = this.host;
    host.classList.remove("dbcatalog-loading");
    var old = host.querySelector(".dbcatalog-frame");
    if (old) old.remove();
    var frame = document.createElement("div");
    frame.className = "dbcatalog-frame";
    var stage = document.createElement("div");
    stage.className = "dbcatalog-stage";
    stage.innerHTML = svgText;
    frame.appendChild(stage);
    host.appendChild(frame);
    var svg = stage.querySelector("svg");
    svg.removeAttribute("style");
    var box = svg.viewBox.baseVal;
    this.width = box && box.width ? box.width : svg.getBBox().width;
    this.height = box && box.height ? box.height : svg.getBBox().height;
    svg.setAttribute("width", this.width);
    svg.setAttribute("height", this.height);
    this.svg = svg;
    this.frame = frame;
    this.stage = stage;
    this.nodes = {};
    var self = this;
    svg.querySelectorAll("g.node").forEach(function (node) {
      var ident = entityId(node);
      if (ident) self.nodes[ident] = node;
    });
    this.edges = [];
    svg.querySelectorAll("path.relationshipLine").forEach(function (path) {
      var ends = edgeEnds(path);
      if (ends) self.edges.push({ path: path, ends: ends });
    });
    this.controls();
    this.interact();
    this.fit();
  };

  Diagram.prototype.controls = function () {
    var self = this;
    var bar = this.host.querySelector(".dbcatalog-toolbar");
    if (bar) bar.remove();
    bar = document.createElement("div");
    bar.className = "dbcatalog-toolbar";
    var search = document.createElement("input");
    search.type = "search";
    search.className = "dbcatalog-search";
    search.placeholder = "Find a table";
    search.setAttribute("aria-label", "Find a table in this diagram");
    var list = document.createElement("datalist");
    list.id = "dbcatalog-names-" + (++count);
    Object.keys(this.names).sort(function (a, b) { return self.names[a].localeCompare(self.names[b]); })
      .forEach(function (ident) {
        var option = document.createElement("option");
        option.value = self.names[ident];
        list.appendChild(option);
      });
    search.setAttribute("list", list.id);
    search.addEventListener("input", function () { self.find(search.value); });
    search.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && self.hit && self.links[self.hit]) location.assign(self.links[self.hit]);
    });
    bar.appendChild(search);
    bar.appendChild(list);
    if (window.Panzoom) {
      bar.appendChild(button("+", "Zoom in", function () { self.panzoom.zoomIn(); }));
      bar.appendChild(button("\u2212", "Zoom out", function () { self.panzoom.zoomOut(); }));
    }
    bar.appendChild(button("Fit", "Fit to the frame", function () { self.fit(); }));
    if (this.host.requestFullscreen) {
      bar.appendChild(button("Full screen", "Full screen", function () {
        if (document.fullscreenElement === self.host) document.exitFullscreen();
        else self.host.requestFullscreen();
      }));
    }
    this.host.insertBefore(bar, this.frame);
  };

  Diagram.prototype.interact = function () {
    var self = this;
    if (window.Panzoom) {
      this.panzoom = window.Panzoom(this.stage, { maxScale: 8, minScale: 0.05, step: 0.2, canvas: true, origin: "0 0" });
      this.frame.addEventListener("wheel", function (event) {
        if (!event.ctrlKey && !event.metaKey && document.fullscreenElement !== self.host && !self.host.classList.contains("dbcatalog-active")) return;
        self.panzoom.zoomWithWheel(event);
      }, { passive: false });
      this.frame.addEventListener("pointerdown", function () { self.host.classList.add("dbcatalog-active"); });
    }
    this.follow("g.node", function (node) { return self.links[entityId(node)]; });
    Object.keys(this.nodes).forEach(function (ident) {
      var node = self.nodes[ident];
      if (self.links[ident]) {
        node.classList.add("dbcatalog-link");
        node.setAttribute("role", "link");
        node.setAttribute("tabindex", "0");
        node.setAttribute("aria-label", (self.names[ident] || ident) + ": open its page");
        node.addEventListener("keydown", function (event) {
          if (event.key === "Enter") location.assign(self.links[ident]);
        });
      }
      node.addEventListener("mouseenter", function () { self.focus(ident, "dbcatalog-near"); });
      node.addEventListener("mouseleave", function () { self.focus(null, "dbcatalog-near"); });
    });
    document.addEventListener("fullscreenchange", function () {
      if (document.fullscreenElement === self.host || !document.fullscreenElement) self.fit();
    });
  };

  /* A press and release at one place on a box opens its page (a drag pans instead). Decided on
     release, from the point itself: Panzoom captures the pointer, so `click` may not reach the box. */
  Diagram.prototype.follow = function (selector, url) {
    var start = null;
    this.frame.addEventListener("pointerdown", function (event) { start = [event.clientX, event.clientY]; }, true);
    this.frame.addEventListener("pointerup", function (event) {
      if (!start || event.button !== 0) return;
      var moved = Math.abs(event.clientX - start[0]) + Math.abs(event.clientY - start[1]);
      start = null;
      if (moved > 6) return;
      var hit = document.elementFromPoint(event.clientX, event.clientY);
      var box = hit && hit.closest(selector);
      var target = box && url(box);
      if (target) {
        event.preventDefault();
        location.assign(target);
      }
    }, true);
  };

  /* Mark a table and its lines (and dim the rest), or clear the marks when ident is null. */
  Diagram.prototype.focus = function (ident, mark) {
    var svg = this.svg;
    svg.classList.toggle("dbcatalog-" + mark.split("-")[1] + "s", !!ident);
    svg.querySelectorAll("." + mark).forEach(function (el) { el.classList.remove(mark); });
    if (!ident) return;
    var linked = {};
    linked[ident] = true;
    this.edges.forEach(function (edge) {
      if (edge.ends.indexOf(ident) !== -1) {
        edge.path.classList.add(mark);
        linked[edge.ends[0]] = linked[edge.ends[1]] = true;
      }
    });
    var nodes = this.nodes;
    Object.keys(linked).forEach(function (key) { if (nodes[key]) nodes[key].classList.add(mark); });
  };

  Diagram.prototype.find = function (query) {
    var wanted = query.trim().toLowerCase();
    this.host.querySelectorAll(".dbcatalog-hit").forEach(function (el) { el.classList.remove("dbcatalog-hit"); });
    this.hit = null;
    if (!wanted) { this.focus(null, "dbcatalog-found"); return; }
    var names = this.names, best = null;
    Object.keys(names).forEach(function (ident) {
      var name = names[ident].toLowerCase();
      var rank = name === wanted ? 0 : name.indexOf(wanted) === 0 ? 1 : name.indexOf(wanted) !== -1 ? 2 : 9;
      if (rank < 9 && (!best || rank < best[0] || (rank === best[0] && names[ident] < names[best[1]]))) best = [rank, ident];
    });
    if (!best || !this.nodes[best[1]]) { this.focus(null, "dbcatalog-found"); return; }
    this.hit = best[1];
    this.focus(best[1], "dbcatalog-found");
    this.nodes[best[1]].classList.add("dbcatalog-hit");
    this.center(this.nodes[best[1]]);
  };

  /* The scale at which the diagram's text is MIN_FONT pixels high. */
  Diagram.prototype.readable = function () {
    var label = this.svg.querySelector("g.node .nodeLabel, g.node text, g.node p, a[data-t]");
    var size = label ? parseFloat(getComputedStyle(label).fontSize) || 14 : 14;
    return MIN_FONT / size;
  };

  Diagram.prototype.fit = function () {
    var full = document.fullscreenElement === this.host;
    var width = this.frame.clientWidth || this.host.clientWidth || 800;
    var room = full ? window.innerHeight - 60 : Math.max(320, Math.round(window.innerHeight * 0.75));
    var scale = Math.min(width / this.width, room / this.height, 1);
    if (this.source === null) scale = Math.min(width / this.width, 1); // the map: its whole width, then pan down
    else scale = Math.max(scale, Math.min(this.readable(), 1));
    this.frame.style.height = full ? "" : Math.min(room, Math.ceil(this.height * scale) + 8) + "px";
    if (this.panzoom) {
      this.panzoom.zoom(scale, { animate: false, force: true });
      var x = Math.max(0, (width - this.width * scale) / 2) / scale, y = 0;
      var high = this.frame.clientHeight || room;
      var first = this.source !== null && this.nodes && this.nodes.t0;
      if (first && first.getBBox && (this.width * scale > width || this.height * scale > high)) {
        /* Too large to show whole at a readable size: open on the block's first (most connected)
           table rather than on a corner that may hold only lines, without showing past an edge. */
        var at = this.position(first);
        if (this.width * scale > width) x = Math.min(0, Math.max(width / scale - this.width, width / 2 / scale - at[0]));
        if (this.height * scale > high) y = Math.min(0, Math.max(high / scale - this.height, high / 3 / scale - at[1]));
      }
      setTimeout(function (pz) { pz.pan(x, y, { animate: false, force: true }); }, 0, this.panzoom);
    } else {
      this.stage.style.transform = "scale(" + scale + ")";
      this.stage.style.transformOrigin = "0 0";
    }
    this.scale = scale;
  };

  /* The centre of a box of the SVG, in the diagram's own (unscaled) units from its top left. */
  Diagram.prototype.position = function (node) {
    var box = node.getBBox();
    var matrix = node.transform && node.transform.baseVal.consolidate();
    var origin = this.svg.viewBox.baseVal;
    return [
      (matrix ? matrix.matrix.e : 0) + box.x + box.width / 2 - (origin ? origin.x : 0),
      (matrix ? matrix.matrix.f : 0) + box.y + box.height / 2 - (origin ? origin.y : 0),
    ];
  };

  Diagram.prototype.center = function (node) {
    if (!this.panzoom) { node.scrollIntoView({ block: "center", inline: "center" }); return; }
    var scale = Math.max(this.panzoom.getScale(), Math.min(this.readable() * 1.4, 1.5));
    var x, y;
    if (node.getBBox) {
      var at = this.position(node);
      x = at[0];
      y = at[1];
    } else {
      var current = this.panzoom.getScale(), at = node.getBoundingClientRect(), base = this.stage.getBoundingClientRect();
      x = (at.left - base.left + at.width / 2) / current;
      y = (at.top - base.top + at.height / 2) / current;
    }
    this.panzoom.zoom(scale, { animate: false, force: true });
    var pz = this.panzoom, frame = this.frame;
    setTimeout(function () {
      pz.pan(frame.clientWidth / 2 / scale - x, frame.clientHeight / 2 / scale - y, { animate: false, force: true });
    }, 0);
  };

  var seen = typeof WeakMap !== "undefined" ? new WeakMap() : null;
  var all = [];

  function setUp() {
    all = [];
    var hosts = document.querySelectorAll(".dbcatalog-diagram");
    if (!hosts.length) return;
    var observer = "IntersectionObserver" in window ? new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) {
          observer.unobserve(entry.target);
          seen.get(entry.target).draw();
        }
      });
    }, { rootMargin: "400px 0px" }) : null;
    hosts.forEach(function (host) {
      var diagram = seen.get(host);
      if (!diagram) {
        diagram = new Diagram(host);
        seen.set(host, diagram);
      }
      all.push(diagram);
      if (observer) observer.observe(host);
      else diagram.draw();
    });
  }

  /* For tests and for printing: draw every diagram of the page now. `scan` takes in diagrams that a
     script (or a theme's own page loading) put in the page after it loaded. */
  window.dbcatalog = {
    drawAll: function () { return Promise.all(all.map(function (d) { return d.draw(); })); },
    diagrams: function () { return all; },
    scan: function () { setUp(); return all.length; },
  };

  var palette = null;
  function watchPalette() {
    if (palette || !window.MutationObserver || !document.body) return;
    palette = new MutationObserver(function () {
      all.forEach(function (diagram) {
        if (diagram.svg) { diagram.drawn = null; diagram.draw(); }
      });
    });
    palette.observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
  }

  function start() { setUp(); watchPalette(); }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

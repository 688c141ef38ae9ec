/* Links a teacher can rely on.
 * - Switching language keeps the place: /organization/#structure ⇄ /en/organization/#structure,
 *   on every page, the 404 page included (its address is the one the reader asked for).
 * - Copy-link buttons copy the full address of a section, paragraph, question or picture,
 *   and say so; the page says which elements get one and what the buttons say, in its language.
 * - A printed page writes out where its links lead, as published addresses (data-print-url,
 *   shown by the print styles in site.css).
 * - A glossary term shows its definition in Material's tooltip style when hovered or focused, and a link
 *   to a paragraph of the article shows that paragraph (a figure: its sentence) in place.
 * - The article page's reading mode (Chinese, English, both) is remembered.
 */
(function () {
  "use strict";

  var config = JSON.parse(document.getElementById("__config").textContent);
  var root = new URL(config.base.replace(/\/?$/, "/"), location.href).pathname;
  var OTHER_ROOT = "en/";

  /* The same place in the other language: same path below the root, same fragment. */
  function alternate(lang) {
    var rest = location.pathname.slice(root.length);
    if (rest.indexOf(OTHER_ROOT) === 0) rest = rest.slice(OTHER_ROOT.length);
    return root + (lang === "en" ? OTHER_ROOT : "") + rest + location.search + location.hash;
  }

  /* The switcher's links lead to this place in the other language, fragment included. */
  function pointSwitcherHere() {
    document.querySelectorAll("a.md-select__link[hreflang]").forEach(function (link) {
      link.href = alternate(link.getAttribute("hreflang"));
    });
  }
  pointSwitcherHere();
  window.addEventListener("hashchange", pointSwitcherHere);
  /* Material's own handler would look the page up in a sitemap and drop the fragment:
     take the click first, in the capture phase. */
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    location.href = alternate(link.getAttribute("hreflang"));
  }, true);

  var status = document.createElement("div");
  status.className = "copy-link-status";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  document.body.appendChild(status);

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var field = document.createElement("textarea");
      field.value = text;
      field.setAttribute("readonly", "");
      field.style.position = "fixed";
      field.style.opacity = "0";
      document.body.appendChild(field);
      field.select();
      var ok = document.execCommand("copy");
      field.remove();
      ok ? resolve() : reject(new Error("copy refused"));
    });
  }

  /* What a button names: a heading's text, a picture's title, a paragraph's or question's number. */
  function targetName(element) {
    if (element.classList.contains("question")) {
      var questions = Array.prototype.slice.call(element.parentNode.querySelectorAll(":scope > li"));
      return strings.dataset.question.replace("{n}", questions.indexOf(element) + 1);
    }
    if (/^H[23]$/.test(element.tagName)) {
      return Array.prototype.filter.call(element.childNodes, function (node) {
        return !(node.classList && (node.classList.contains("headerlink") || node.classList.contains("copy-link")));
      }).map(function (node) { return node.textContent; }).join("").trim();
    }
    var title = element.getAttribute("aria-labelledby") && document.getElementById(element.getAttribute("aria-labelledby"));
    if (title) return title.textContent.trim();
    var number = element.querySelector(":scope > .para-link");
    return number ? number.textContent.trim() : "#" + element.id;
  }

  var strings = document.querySelector(".copy-link-strings");
  var later = window.requestIdleCallback || window.setTimeout;  // after the page is usable, not before
  if (strings) later(function () {
    document.querySelectorAll("article " + strings.dataset.targets.split(",").join(", article ")).forEach(function (element) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy-link";
      button.dataset.fragment = element.id;
      button.setAttribute("aria-label", strings.dataset.label.replace("{target}", targetName(element)));
      if (/^H[23]$/.test(element.tagName)) element.appendChild(button);
      else element.insertBefore(button, element.firstChild);
      if (/^(H2|P|LI)$/.test(element.tagName) && !element.classList.contains("question")) {
        var name = element.classList.contains("parallel") ?
          strings.dataset.citeParagraph.replace("{n}", targetName(element).replace(/\D/g, "")) : targetName(element);
        citeButton(strings.dataset.citeThis.replace("{target}", name), {fragment: element.id, label: name}, element, button);
      }
      button.addEventListener("click", function () {
        var address = location.origin + location.pathname + "#" + element.id;
        copy(address).then(function () {
          button.dataset.state = "copied";
          status.textContent = "";
          window.setTimeout(function () { status.textContent = strings.dataset.copied; }, 50);
          window.setTimeout(function () { delete button.dataset.state; }, 2000);
        }, function () {
          window.prompt(button.getAttribute("aria-label"), address);
        });
      });
    });
    var title = document.querySelector("article h1");
    if (title) citeButton(strings.dataset.citePage, null, title, null);
  });

  /* Cite this page, section or paragraph: assets/cite-dialog.js and cite.js, loaded when a reader first
     asks, show a dialog with the citation in each style, formatted from the page's JSON-LD. */
  var citing = null;

  function citeButton(label, target, element, after) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "cite-button";
    button.setAttribute("aria-label", label);
    button.addEventListener("click", function () { cite(label, target, button); });
    if (after) after.after(button); else element.appendChild(button);
  }

  function load(name) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = root + "assets/" + name;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  function cite(label, target, opener) {
    citing = citing || Promise.all([load("cite.js"), load("cite-dialog.js")]);
    citing.then(function () {
      window.KlingCiteDialog(JSON.parse(document.querySelector('script[type="application/ld+json"]').textContent), {
        label: label, target: target, opener: opener, strings: strings.dataset, copy: copy,
        announce: function (text) {
          status.textContent = "";
          window.setTimeout(function () { status.textContent = text; }, 50);
        }});
    });
  }

  function annotateForPrint() {
    var canonical = document.querySelector('link[rel="canonical"]');
    var base = canonical ? canonical.href : location.href;
    document.querySelectorAll("article a[href]:not(.term):not(.headerlink):not(.para-link):not(.para-edit)")
      .forEach(function (link) {
        var href = link.getAttribute("href");
        if (href.charAt(0) !== "#") link.dataset.printUrl = new URL(href, base).href;
      });
  }
  window.addEventListener("beforeprint", annotateForPrint);
  later(annotateForPrint);

  /* Reading modes on the article page: the radio buttons work by CSS alone; this remembers the choice,
     for both languages' sites (one origin, one storage), and reading-mode.js applies it before the page is drawn. */
  var MODE = "kling-explainer.reading-mode";
  document.querySelectorAll('input[name="reading-mode"]').forEach(function (input) {
    var saved = document.documentElement.dataset.readingMode || "both";
    input.checked = input.value === saved;
    input.addEventListener("change", function () {
      delete document.documentElement.dataset.readingMode;
      try { localStorage.setItem(MODE, input.value); } catch (e) { /* private mode: not remembered */ }
    });
  });

  /* One tooltip, in Material's style, for what a link is about: a glossary term's definition, and the
     paragraph of the article a link leads to (or, for a figure, the sentence it comes from, its words
     marked). Made when first needed; the pointer may move onto it (WCAG 1.4.13), Escape hides it.
     Terms are described (aria-describedby) by the page's own list of definitions, without script;
     a previewed link is described by the tooltip while it shows. On a touch screen the first tap
     previews and the second follows the link. */
  var tip = null, hideTimer = 0, shownFor = null, reading = null, touched = false, shownBeforeTap = null, tapped = null;

  function tooltip() {
    if (tip) return tip;
    tip = document.createElement("div");
    tip.id = "site-tip";
    tip.className = "md-tooltip2 md-tooltip2--bottom";
    tip.setAttribute("role", "tooltip");
    tip.setAttribute("aria-hidden", "true");  // heard through the host's description, not as a region of its own
    tip.style.setProperty("--md-tooltip-tail", "0px");
    var inner = document.createElement("div");
    inner.className = "md-tooltip2__inner md-typeset";
    tip.appendChild(inner);
    tip.addEventListener("mouseenter", function () { window.clearTimeout(hideTimer); });
    tip.addEventListener("mouseleave", hideSoon);
    document.body.appendChild(tip);
    return tip;
  }

  function show(host, fill) {
    window.clearTimeout(hideTimer);
    var box = tooltip(), inner = box.firstChild, rect = host.getBoundingClientRect();
    inner.textContent = "";
    fill(inner);
    shownFor = host;
    box.style.setProperty("--md-tooltip-host-x", rect.left + window.scrollX + "px");
    box.style.setProperty("--md-tooltip-host-y", rect.top + window.scrollY + "px");
    box.style.setProperty("--md-tooltip-x", rect.width / 2 + "px");
    box.style.setProperty("--md-tooltip-width", inner.getBoundingClientRect().width + "px");
    var height = inner.getBoundingClientRect().height, above = rect.bottom + height + 16 > innerHeight && rect.top > height + 16;
    box.style.setProperty("--md-tooltip-y", (above ? -height - 8 : rect.height + 8) + "px");
    box.classList.add("md-tooltip2--active");
  }

  function hide() {
    window.clearTimeout(hideTimer);
    if (tip) tip.classList.remove("md-tooltip2--active");
    if (shownFor && shownFor.getAttribute("aria-describedby") === "site-tip") shownFor.removeAttribute("aria-describedby");
    shownFor = null;
  }

  function hideSoon() {
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(hide, 250);
  }

  function element(tag, className, text, lang) {
    var node = document.createElement(tag);
    node.className = className;
    if (text) node.textContent = text;
    if (lang) node.lang = lang;
    return node;
  }

  /* The article's paragraphs and figures in this page's language, from the site itself, fetched once. */
  function readingData() {
    var lang = document.documentElement.lang;
    if (!reading) {
      reading = fetch(root + (lang === "en" ? OTHER_ROOT : "") + "reading.json").then(function (r) { return r.json(); });
      reading.catch(function () { reading = null; });  // asked again next time
    }
    return reading;
  }

  function marked(parts, lang) {  // [before, the figure's words, after]
    var text = element("p", "site-preview__text", null, lang);
    text.appendChild(document.createTextNode(parts[0]));
    text.appendChild(element("mark", "", parts[1]));
    text.appendChild(document.createTextNode(parts[2]));
    return text;
  }

  var PARAGRAPH = /\/article\/#(p\d+)$/;

  function previewOf(link) {
    var url = new URL(link.href, location.href), match = PARAGRAPH.exec(url.pathname + url.hash);
    if (!match || url.pathname === location.pathname || url.origin !== location.origin) return null;
    var figure = link.closest("[data-figure]");
    return {block: match[1], figure: figure && figure.dataset.figure};
  }

  function showPreview(link, wanted) {
    link.setAttribute("aria-describedby", "site-tip");
    readingData().then(function (data) {
      var paragraph = data.paragraphs[wanted.block], figure = wanted.figure && data.figures[wanted.figure];
      var other = document.documentElement.lang === "en" ? "zh" : null;
      if (!paragraph) return;
      show(link, function (inner) {
        inner.classList.add("site-preview");
        inner.appendChild(element("p", "site-preview__label",
          (figure ? figure.label + " · " : "") + data.strings.passage_label.replace("{n}", paragraph.n)));
        inner.appendChild(figure ? marked(figure.sentence) : element("p", "site-preview__text", paragraph.text));
        if (other) {
          inner.appendChild(element("p", "site-preview__label", data.strings.preview_original));
          inner.appendChild(figure ? marked(figure.original, other) : element("p", "site-preview__text", paragraph.original, other));
        }
        var open = element("a", "site-preview__open", data.strings.preview_open);
        open.href = link.href;
        open.tabIndex = -1;  // the link itself leads there; the tooltip is no stop on the keyboard's way
        inner.appendChild(open);
      });
    }, function () { /* no preview: the link still leads to its paragraph */ });
  }

  function hostOf(event) {
    var target = event.target.closest && event.target.closest("a[href]");
    if (!target || target.closest("#site-tip")) return null;
    if (target.matches("a.term[aria-describedby]")) return {term: target};
    var wanted = previewOf(target);
    return wanted ? {link: target, wanted: wanted} : null;
  }

  function showFor(event) {
    var host = hostOf(event);
    if (!host) return;
    if (host.term) {
      var definition = document.getElementById(host.term.getAttribute("aria-describedby"));
      if (definition) show(host.term, function (inner) { inner.textContent = definition.textContent; });
    } else if (shownFor !== host.link) {
      showPreview(host.link, host.wanted);
    }
  }
  document.addEventListener("mouseover", function (event) { if (!touched) showFor(event); });
  document.addEventListener("focusin", showFor);
  document.addEventListener("mouseout", function (event) {
    var host = hostOf(event), link = host && (host.term || host.link);
    if (link && !link.contains(event.relatedTarget)) hideSoon();
  });
  document.addEventListener("focusout", function (event) { if (hostOf(event)) { hide(); tapped = null; } });
  document.addEventListener("keydown", function (event) {
    touched = false;  // Enter on a link follows it, whatever the last tap was
    if (event.key === "Escape") { hide(); tapped = null; }
  });
  /* A tap (finger or pen) previews; the next tap on the same link follows it, even where the preview
     could not be drawn. What showed before the tap counts, not after: the tap's own focus may show it. */
  document.addEventListener("pointerdown", function (event) {
    touched = event.pointerType !== "mouse";
    shownBeforeTap = shownFor;
    if (tapped && !tapped.contains(event.target)) tapped = null;
  }, true);
  document.addEventListener("click", function (event) {
    var host = touched && hostOf(event);
    if (!host || !host.link || host.link === tapped || host.link === shownBeforeTap) return;
    event.preventDefault();
    if (shownFor !== host.link) showPreview(host.link, host.wanted);
    tapped = host.link;
  });
})();

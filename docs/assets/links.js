/* Links a teacher can rely on.
 * - Switching language keeps the place: /organization/#structure ⇄ /en/organization/#structure,
 *   on every page, the 404 page included (its address is the one the reader asked for).
 * - Copy-link buttons copy the full address of a section, paragraph, question or picture,
 *   and say so; the page says which elements get one and what the buttons say, in its language.
 * - A printed page writes out where its links lead, as published addresses (data-print-url,
 *   shown by the print styles in site.css).
 * - A glossary term shows its definition in Material's tooltip style when hovered or focused.
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
  });

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

  /* Glossary terms. Each link is described (aria-describedby) by its definition in the page's list
     of the terms it uses, so screen readers have it without this script; sighted readers get it
     here, in one tooltip made when first needed rather than one per term when the page loads.
     The pointer may move onto the tooltip; Escape hides it. */
  var tip = null, hideTimer = 0;

  function tooltip() {
    if (tip) return tip;
    tip = document.createElement("div");
    tip.className = "md-tooltip2 md-tooltip2--bottom";
    tip.setAttribute("role", "tooltip");
    tip.setAttribute("aria-hidden", "true");  // announced already, through the term's description
    tip.style.setProperty("--md-tooltip-tail", "0px");
    var inner = document.createElement("div");
    inner.className = "md-tooltip2__inner md-typeset";
    tip.appendChild(inner);
    tip.addEventListener("mouseenter", function () { window.clearTimeout(hideTimer); });
    tip.addEventListener("mouseleave", hideSoon);
    document.body.appendChild(tip);
    return tip;
  }

  function show(term) {
    var definition = document.getElementById(term.getAttribute("aria-describedby"));
    if (!definition) return;
    window.clearTimeout(hideTimer);
    var box = tooltip(), inner = box.firstChild, rect = term.getBoundingClientRect();
    inner.textContent = definition.textContent;
    box.style.setProperty("--md-tooltip-host-x", rect.left + window.scrollX + "px");
    box.style.setProperty("--md-tooltip-host-y", rect.top + window.scrollY + "px");
    box.style.setProperty("--md-tooltip-x", rect.width / 2 + "px");
    box.style.setProperty("--md-tooltip-y", rect.height + 8 + "px");
    box.style.setProperty("--md-tooltip-width", inner.getBoundingClientRect().width + "px");
    box.classList.add("md-tooltip2--active");
  }

  function hide() {
    window.clearTimeout(hideTimer);
    if (tip) tip.classList.remove("md-tooltip2--active");
  }

  function hideSoon() {
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(hide, 250);
  }

  function termOf(event) {
    return event.target.closest ? event.target.closest("a.term[aria-describedby]") : null;
  }

  function showTerm(event) {
    var term = termOf(event);
    if (term) show(term);
  }
  document.addEventListener("mouseover", showTerm);
  document.addEventListener("focusin", showTerm);
  document.addEventListener("mouseout", function (event) {
    var term = termOf(event);
    if (term && !term.contains(event.relatedTarget)) hideSoon();
  });
  document.addEventListener("focusout", function (event) {
    if (termOf(event)) hide();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hide();
  });
})();

/* Links a teacher can rely on.
 * - Switching language keeps the place: /organization/#structure ⇄ /en/organization/#structure,
 *   on every page, the 404 page included (its address is the one the reader asked for).
 * - Copy-link buttons (rendered hidden at build time, with their labels) copy the full address
 *   of a section, paragraph, question or picture, and say so.
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

  /* Material's own handler would look the page up in a sitemap and drop the fragment:
     take the click first, in the capture phase. */
  document.querySelectorAll("a.md-select__link[hreflang]").forEach(function (link) {
    link.href = alternate(link.getAttribute("hreflang"));
  });
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    location.href = alternate(link.getAttribute("hreflang"));
  }, true);
  window.addEventListener("hashchange", function () {
    document.querySelectorAll("a.md-select__link[hreflang]").forEach(function (link) {
      link.href = alternate(link.getAttribute("hreflang"));
    });
  });

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

  document.querySelectorAll("button.copy-link[data-fragment]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var address = location.origin + location.pathname + "#" + button.dataset.fragment;
      copy(address).then(function () {
        button.dataset.state = "copied";
        status.textContent = "";
        window.setTimeout(function () { status.textContent = button.dataset.copied; }, 50);
        window.setTimeout(function () { delete button.dataset.state; }, 2000);
      }, function () {
        window.prompt(button.title, address);
      });
    });
  });
})();

/* Search: each language has its own index, below its root (scripts/explainer/search.py), and
 * no reader pays for it before they search. Material asks for search/search_index.json at the
 * site root as soon as a page loads; this sends that one request to the page's own language
 * (data-prefix: "" or "en/") and holds it until the reader opens the search (focus, click, or
 * Material's keys s, f, /). It must run before Material's script.
 */
(function (prefix) {
  "use strict";
  var base = new URL(JSON.parse(document.getElementById("__config").textContent).base, location.href);
  var shared = new URL("search/search_index.json", base).href;
  var own = new URL(prefix + "search/search_index.json", base).href;
  var held = [], wanted = false;

  function release() {
    if (wanted) return;
    wanted = true;
    held.forEach(function (send) { send(); });
  }
  document.addEventListener("focusin", function (e) { if (e.target.closest(".md-search")) release(); });
  document.addEventListener("click", function (e) { if (e.target.closest('.md-search, label[for="__search"]')) release(); });
  document.addEventListener("keydown", function (e) { if (["s", "f", "/"].indexOf(e.key) >= 0) release(); });

  var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    this.searchIndex = String(url) === shared;
    if (this.searchIndex) args[1] = own;
    return open.apply(this, args);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this, args = arguments;
    if (!xhr.searchIndex || wanted) return send.apply(xhr, args);
    held.push(function () { send.apply(xhr, args); });
  };
})(document.currentScript.dataset.prefix);

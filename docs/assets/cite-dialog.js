/* The "cite this" dialog, which links.js loads with cite.js when a reader first asks: the citation
 * in each style, the page's own convention first, each with a copy button. It lives apart from
 * links.js so that no page's first load carries it. KlingCiteDialog(page JSON-LD, {label, target,
 * opener, strings (the page's copy-link strings), copy(text), announce(text)}).
 */
(function () {
  "use strict";
  var NAMES = {gbt7714: "GB/T 7714—2015", apa7: "APA 7", mla9: "MLA 9", bibtex: "BibTeX"};

  function element(tag, className, text) {
    var node = document.createElement(tag);
    node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  window.KlingCiteDialog = function (work, o) {
    var lang = document.documentElement.lang, box = element("dialog", "cite-dialog md-typeset"), s = o.strings;
    box.setAttribute("aria-labelledby", "cite-title");
    var heading = element("h2", "", o.label);
    heading.id = "cite-title";
    box.appendChild(heading);
    (lang === "zh" ? ["gbt7714", "apa7", "mla9", "bibtex"] : ["apa7", "mla9", "gbt7714", "bibtex"]).forEach(function (style) {
      var text = window.KlingCite.format(work, {style: style, lang: lang, target: o.target});
      var part = element("section", "cite-dialog__style");
      part.appendChild(element("h3", "", NAMES[style]));
      part.appendChild(element("pre", "", text));
      var copyButton = element("button", "md-button", s.citeCopy);
      copyButton.type = "button";
      copyButton.setAttribute("aria-label", s.citeCopy + " " + NAMES[style]);
      copyButton.addEventListener("click", function () {
        o.copy(text).then(function () {
          copyButton.textContent = s.citeCopied;
          o.announce(NAMES[style] + " " + s.citeCopied);
        }, function () { window.prompt(NAMES[style], text); });
      });
      part.appendChild(copyButton);
      box.appendChild(part);
    });
    box.appendChild(element("p", "cite-dialog__note", s.citeNote));
    var close = element("button", "md-button md-button--primary", s.citeClose);
    close.type = "button";
    close.addEventListener("click", function () { box.close(); });
    box.appendChild(close);
    box.addEventListener("close", function () { box.remove(); o.opener.focus(); });
    document.body.appendChild(box);
    box.showModal();
  };
})();

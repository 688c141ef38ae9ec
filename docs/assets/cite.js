/* KlingCite.format(page JSON-LD, {style, lang, target, accessed}): plain-text citation. Gao
 * Heng wrote the article, the site translated and explained it; no title, outlet or date is
 * known: the access date is the only date. A target (own address) is a titled part, after the
 * style's subtitle colon. Reasons: tests/test_citations.py */
(function (root) {
  "use strict";
  var MONTHS = "January February March April May June July August September October November December".split(" ");
  var MINOR = /^(a|an|the|and|but|or|nor|for|so|yet|as|at|by|from|in|into|of|off|on|onto|over|per|to|up|via|with)$/;

  function cap(s) { return s.charAt(0).toUpperCase() + s.slice(1); }

  /* MLA title case: minor words stay lower case inside. */
  function titleCase(s) {
    var w = s.split(" "), n = w.length - 1;
    return w.map(function (x, i) { return i && i < n && !/:$/.test(w[i - 1]) && MINOR.test(x) ? x : cap(x); }).join(" ");
  }

  function tex(s) {
    return s.replace(/[\\{}&%$#_~^]/g, function (c) {
      return "\\" + ({"\\": "textbackslash{}", "~": "textasciitilde{}", "^": "textasciicircum{}"}[c] || c);
    });
  }

  function format(work, o) {
    o = o || {};
    var en = (o.lang || work.inLanguage).slice(0, 2) == "en";
    var t = o.target, label = t && t.label;
    var url = work.url + (t ? "#" + t.fragment : "");
    var site = work.creator.name, web = work.isPartOf.name;
    var person = (work.isBasedOn || work.translationOfWork).author;
    var latin = person.alternateName.split(" "), family = latin[0], given = latin.slice(1).join(" ");
    var day = o.accessed || new Date().toLocaleDateString("sv"); // today, local, as YYYY-MM-DD
    var d = day.split("-"), m = d[1] - 1, dd = +d[2];
    var title = work.name + (label ? (en ? ": " : "：") + label : "");
    switch (o.style) {
      /* GB/T 7714-2015 4.6 [EB/OL], 4.1.1 "X, 译", 8.1.1 GAO Heng, 6.1 the page's language;
         Chinese marks but "." [ ] - / in Chinese records, as in its examples. */
      case "gbt7714":
        return (en ? family.toUpperCase() + " " + given : person.name) + ". " + title + "[EB/OL]. " + site +
          (en ? ", trans. and explained" : "，译解") + ". [" + day + "]. " + url + ".";
      /* APA 7 10.16, 9.17 n.d., 9.39 translator, 6.17; 9.16 retrieved: the site is revised. */
      case "apa7":
        return family + ", " + given.replace(/(\S)[^\s-]*/g, "$1.") + " (n.d.). " +
          (en && label ? work.name + ": " + cap(label) : title) + " (" + site + ", Trans. & Explainer). " +
          web + ". Retrieved " + MONTHS[m] + " " + dd + ", " + d[0] + ", from " + url;
      /* MLA 9: a surname-first name is not inverted; no publisher when it is the website;
         no https:// (5.95); accessed, as there is no date. */
      case "mla9":
        if (en) title = titleCase(title), web = titleCase(web);
        return family + " " + given + ". \u201c" + title + (/[?!]$/.test(title) ? "" : ".") +
          "\u201d Translated and explained by " + site + ". " + web + ", " +
          url.replace(/^https?:\/\//, "") + ". Accessed " + dd + " " +
          MONTHS[m].replace(/^(Sept|Jan|Feb|Mar|Apr|Aug|Oct|Nov|Dec)\w+/, "$1.") + " " + d[0] + ".";
      /* No year field; the title braced whole so that no style changes its case. */
      case "bibtex":
        var key = (work.inLanguage == "en" ? "en-" : "") + (work.url.slice(work.isPartOf.url.length) || "home") +
          (t ? "-" + t.fragment : "");
        return "@misc{gao-kling-" + key.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/-$/, "") +
          ",\n  author = {" + (en ? family + ", " + given : person.name) +
          "},\n  title = {{" + tex(title) + "}},\n  url = {" + url + "},\n  note = {" +
          tex(en ? "Translated and explained by " + site + "; accessed " + day : site + "译解；引用日期：" + day) +
          "},\n  language = {" + (en ? "english" : "chinese") + "}\n}";
    }
    throw Error("no citation style " + o.style);
  }

  var api = {format: format, styles: ["gbt7714", "apa7", "mla9", "bibtex"]};
  if (typeof module === "object" && module.exports) module.exports = api; else root.KlingCite = api;
})(this);

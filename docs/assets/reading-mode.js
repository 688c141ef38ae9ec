/* Before the article page is drawn: the reading mode this reader chose last time (links.js keeps it). */
try {
  var mode = localStorage.getItem("kling-explainer.reading-mode");
  if (mode === "zh" || mode === "en") document.documentElement.dataset.readingMode = mode;
} catch (e) { /* storage refused: both languages, as without script */ }

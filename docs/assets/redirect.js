/* A moved page: go to its new address, keeping the fragment (#p17) of the one the reader used. */
(function () {
  var refresh = document.querySelector('meta[http-equiv="refresh"]');
  var target = refresh.getAttribute("content").split("url=")[1];
  location.replace(target + location.hash);
})();

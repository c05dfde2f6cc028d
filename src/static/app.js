/* Salesgarden's small script: progressive enhancements only; every page
 * works without it. Loaded with defer, so the DOM is ready. */
(function () {
  "use strict";
  // forms with data-confirm ask first (e.g. deactivating a user)
  document.querySelectorAll("form[data-confirm]").forEach(function (f) {
    f.addEventListener("submit", function (e) {
      if (!window.confirm(f.getAttribute("data-confirm"))) e.preventDefault();
    });
  });
})();

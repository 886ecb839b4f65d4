/* Discovery panel: "Copy" buttons copy the script or message next to them. The text is
   also in a plain textarea, so without JavaScript it can be selected and copied. */
(function () {
  "use strict";
  if (window.goodfitFit) return; // the panel may be swapped in again by htmx
  window.goodfitFit = true;

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-copy]");
    if (!button) return;
    var source = document.querySelector(button.dataset.copy);
    if (!source) return;
    var done = function () {
      var label = button.textContent;
      button.textContent = "Copied";
      setTimeout(function () { button.textContent = label; }, 1500);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(source.value).then(done);
    } else {
      source.select();
      document.execCommand("copy");
      done();
    }
  });
})();

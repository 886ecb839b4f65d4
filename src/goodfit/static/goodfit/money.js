/* Good money.
   1. Deal page: the money panel re-reads itself after an interaction is logged in the
      activity panel (the score was written by the same request that logged it).
   2. Walk-away page: "Copy message" copies the message to the clipboard. The button is
      hidden until this script runs, so it never shows where it cannot work.
   Loaded by the panel and the walk-away page, so it guards against running twice. */
(function () {
  "use strict";
  if (window.goodfitMoney) return;
  window.goodfitMoney = true;

  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail && event.detail.target;
    var panel = document.getElementById("money-panel");
    if (!panel || !target || target.id !== "activity" || !window.htmx) return;
    window.htmx.ajax("GET", panel.dataset.refreshUrl, { target: "#money-panel", swap: "outerHTML" });
  });

  function setUpCopy() {
    var buttons = document.querySelectorAll("[data-copy-target]");
    Array.prototype.forEach.call(buttons, function (button) {
      if (!navigator.clipboard) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        var source = document.getElementById(button.dataset.copyTarget);
        var status = button.parentNode.querySelector("[data-copy-status]");
        navigator.clipboard.writeText(source.value).then(
          function () { if (status) status.textContent = "Copied. Send it, then record it as sent."; },
          function () { if (status) status.textContent = "Could not copy: select the text and copy it."; }
        );
      });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpCopy);
  } else {
    setUpCopy();
  }
})();

/* Good-money panel: re-score when an interaction is logged on the deal page.
   The activity panel is swapped in place by htmx; the money panel then fetches its
   fresh self. Loaded by the panel, so it guards against running twice. */
(function () {
  "use strict";
  if (window.goodfitMoneyPanel) return;
  window.goodfitMoneyPanel = true;
  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail && event.detail.target;
    var panel = document.getElementById("money-panel");
    if (!panel || !target || target.id !== "activity" || !window.htmx) return;
    window.htmx.ajax("GET", panel.dataset.refreshUrl, { target: "#money-panel", swap: "outerHTML" });
  });
})();

/* goodfit page behaviour. Everything here is an enhancement: each action also works
   as a plain form without JavaScript. Loaded from our own origin (the CSP allows no
   inline scripts). */
(function () {
  "use strict";

  /* ---- Board: drag a card onto another column to move it ---------------------
     The drop posts the same request as the card's "Move" form, through htmx, and the
     board fragment that comes back replaces the board in place. */
  var dragged = null;

  function columnAt(node) {
    return node && node.closest ? node.closest("[data-stage-id]") : null;
  }

  function clearTargets() {
    document.querySelectorAll(".drop-target").forEach(function (el) {
      el.classList.remove("drop-target");
    });
  }

  document.addEventListener("dragstart", function (event) {
    var card = event.target.closest && event.target.closest(".deal-card[data-move-url]");
    if (!card) return;
    dragged = card;
    card.classList.add("dragging");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", card.dataset.dealId || "");
  });

  document.addEventListener("dragend", function () {
    if (dragged) dragged.classList.remove("dragging");
    dragged = null;
    clearTargets();
  });

  document.addEventListener("dragover", function (event) {
    var column = dragged && columnAt(event.target);
    if (!column) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    if (!column.classList.contains("drop-target")) {
      clearTargets();
      column.classList.add("drop-target");
    }
  });

  document.addEventListener("drop", function (event) {
    var card = dragged;
    var column = card && columnAt(event.target);
    if (!column) return;
    event.preventDefault();
    clearTargets();
    if (columnAt(card) === column || !window.htmx) return;
    window.htmx.ajax("POST", card.dataset.moveUrl, {
      source: card,
      target: "#board",
      swap: "outerHTML",
      values: { stage: column.dataset.stageId },
    });
  });

  /* ---- User menu: close the <details> menu on Escape or a click elsewhere. ---- */
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll("details.user-menu[open]").forEach(function (menu) {
      menu.removeAttribute("open");
      menu.querySelector("summary").focus();
    });
  });

  document.addEventListener("click", function (event) {
    document.querySelectorAll("details.user-menu[open]").forEach(function (menu) {
      if (!menu.contains(event.target)) menu.removeAttribute("open");
    });
  });
})();

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

  /* ---- Menus: close an open <details> menu (user menu, phone Menu drawer) on Escape
     or on a click elsewhere. ---- */
  var MENUS = "details.user-menu[open], details.nav-drawer[open]";

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll(MENUS).forEach(function (menu) {
      menu.removeAttribute("open");
      menu.querySelector("summary").focus();
    });
  });

  document.addEventListener("click", function (event) {
    document.querySelectorAll(MENUS).forEach(function (menu) {
      if (!menu.contains(event.target)) menu.removeAttribute("open");
    });
  });

  /* ---- No silent failure -------------------------------------------------------------
     The htmx-config meta (base.html) lets validation answers (400, 409, 422) swap in, so
     forms show their errors next to their fields. Everything else that fails (a server
     error, a page refused, no connection) is said in a toast. */
  var GENERIC = {
    0: "goodfit could not be reached. Check your connection; nothing was saved.",
    403: "That was refused. Reload the page (your session may have expired) and try again.",
    404: "That is no longer there. Reload the page to see what changed.",
    500: "Something went wrong on the server; nothing was saved. Try again in a moment."
  };

  function failureMessage(xhr) {
    var status = xhr ? xhr.status : 0;
    var said = xhr && xhr.getResponseHeader && xhr.getResponseHeader("X-Goodfit-Message");
    if (said) return said;
    if (GENERIC[status]) return GENERIC[status];
    if (status >= 500) return GENERIC[500];
    return "That did not work (error " + status + "); nothing was saved. Reload the page and try again.";
  }

  function toast(message) {
    var region = document.getElementById("toasts");
    if (!region) return;
    var box = document.createElement("div");
    box.className = "toast";
    box.setAttribute("role", "alert");
    var text = document.createElement("p");
    text.textContent = message;
    var close = document.createElement("button");
    close.type = "button";
    close.className = "btn btn-small";
    close.textContent = "Dismiss";
    close.addEventListener("click", function () { box.remove(); });
    box.appendChild(text);
    box.appendChild(close);
    region.appendChild(box);
  }
  window.goodfitToast = toast;

  document.addEventListener("htmx:beforeSwap", function (event) {
    var xhr = event.detail.xhr;
    // A whole error page (a 400 from a bad request, not a form) must not land inside a
    // panel: say it instead.
    if (event.detail.shouldSwap && xhr.status >= 400 &&
        /<html[\s>]/i.test(String(xhr.responseText || "").slice(0, 600))) {
      event.detail.shouldSwap = false;
      toast(failureMessage(xhr));
    }
  });
  document.addEventListener("htmx:responseError", function (event) {
    toast(failureMessage(event.detail.xhr));
  });
  document.addEventListener("htmx:sendError", function () { toast(GENERIC[0]); });
  document.addEventListener("htmx:timeout", function () { toast(GENERIC[0]); });
  document.addEventListener("htmx:swapError", function () {
    toast("The page could not show the answer. Reload the page to see what was saved.");
  });
  // A successful action clears the failures it replaces.
  document.addEventListener("htmx:afterRequest", function (event) {
    if (!event.detail.successful) return;
    var region = document.getElementById("toasts");
    if (region) region.replaceChildren();
  });

  /* ---- Length limits: never cut text silently ----------------------------------------
     A maxlength attribute makes the browser drop what is pasted past the limit without a
     word. Instead the field keeps everything, says the limit as soon as it is passed, and
     the server refuses the save with the same limit named. */
  function releaseLimits(root) {
    if (!root || !root.querySelectorAll) return;
    root.querySelectorAll("input[maxlength], textarea[maxlength]").forEach(function (field) {
      field.dataset.maxlength = field.getAttribute("maxlength");
      field.removeAttribute("maxlength");
    });
  }

  function checkLimit(field) {
    var limit = parseInt(field.dataset.maxlength, 10);
    if (!limit) return;
    var length = Array.from(field.value).length; // characters, as the server counts them
    var id = (field.id || field.name) + "-limit";
    var note = document.getElementById(id);
    if (length <= limit) {
      if (note) {
        note.remove();
        field.removeAttribute("aria-invalid");
      }
      return;
    }
    if (!note) {
      note = document.createElement("p");
      note.id = id;
      note.className = "field-error field-limit";
      note.setAttribute("aria-live", "polite");
      field.insertAdjacentElement("afterend", note);
      field.setAttribute("aria-invalid", "true");
    }
    note.textContent = "At most " + limit.toLocaleString() + " characters; this has " +
      length.toLocaleString() + ". Shorten it to save.";
  }

  releaseLimits(document);
  document.addEventListener("htmx:load", function (event) { releaseLimits(event.detail.elt); });
  document.addEventListener("input", function (event) {
    if (event.target.dataset && event.target.dataset.maxlength) checkLimit(event.target);
  });

  /* ---- Cut text shows its whole value on hover --------------------------------------
     Text cut short by CSS (an ellipsis, a two-line clamp) gets a tooltip with all of it,
     the first time the pointer or the focus reaches it. */
  var CUT = ".truncate, .picker-detail, .facts dd > a";

  function explainCut(event) {
    var el = event.target.closest && event.target.closest(CUT);
    if (!el || el.hasAttribute("title")) return;
    if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) {
      el.setAttribute("title", el.textContent.trim());
    }
  }
  document.addEventListener("mouseover", explainCut);
  document.addEventListener("focusin", explainCut);
})();

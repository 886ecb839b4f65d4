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

/* ==== search: the top bar's box and its drop-down ==================================
   "/" focuses the box; htmx fills #search-suggest while typing; arrow keys walk the
   options, Enter opens the active one (or the full results page), Escape closes. */
(function () {
  "use strict";

  function box() { return document.getElementById("top-search"); }
  function panel() { return document.getElementById("search-suggest"); }
  function options() {
    var p = panel();
    return p ? Array.prototype.slice.call(p.querySelectorAll("[role=option]")) : [];
  }

  function setOpen(open) {
    var input = box(), p = panel();
    if (!input || !p) return;
    p.hidden = !open;
    input.setAttribute("aria-expanded", open ? "true" : "false");
    if (!open) setActive(null);
  }

  function setActive(option) {
    var input = box();
    options().forEach(function (o) {
      o.classList.toggle("is-active", o === option);
      o.setAttribute("aria-selected", o === option ? "true" : "false");
    });
    if (!input) return;
    if (option) {
      input.setAttribute("aria-activedescendant", option.id);
      option.scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  document.addEventListener("htmx:afterSwap", function (event) {
    if (event.detail.target && event.detail.target.id === "search-suggest") {
      var input = box();
      setOpen(Boolean(input && input.value.trim() && panel().children.length));
    }
  });

  document.addEventListener("input", function (event) {
    if (event.target === box() && !event.target.value.trim()) setOpen(false);
  });

  document.addEventListener("keydown", function (event) {
    var input = box();
    if (!input || event.target !== input) return;
    var list = options();
    var current = list.indexOf(panel().querySelector("[role=option].is-active"));
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!list.length) return;
      event.preventDefault();
      setOpen(true);
      var step = event.key === "ArrowDown" ? 1 : -1;
      var next = current === -1 ? (step > 0 ? 0 : list.length - 1) : current + step;
      setActive(list[(next + list.length) % list.length]);
    } else if (event.key === "Enter" && current !== -1) {
      event.preventDefault();
      window.location.assign(list[current].href);
    } else if (event.key === "Escape") {
      if (!panel().hidden) { event.preventDefault(); setOpen(false); }
      else input.blur();
    }
  });

  document.addEventListener("click", function (event) {
    var form = document.querySelector("[data-search]");
    if (form && !form.contains(event.target)) setOpen(false);
  });
})();

/* ==== search: keyboard shortcuts for the daily moves ===============================
   Listed in the "?" dialog. None fires while typing in a field or with Ctrl/Alt/Meta. */
(function () {
  "use strict";

  var pendingG = 0;

  function typing(target) {
    if (!target || !target.closest) return false;
    if (target.isContentEditable) return true;
    return Boolean(target.closest("input, textarea, select, [contenteditable]"));
  }

  function dialog() { return document.getElementById("shortcuts"); }

  function go(name) {
    var d = dialog();
    var url = d && d.dataset["url" + name];
    if (url) window.location.assign(url);
  }

  /* j / k: walk the rows of a list, the results of a search or the cards of the board. */
  function walk(step) {
    var items = Array.prototype.slice.call(
      document.querySelectorAll("main [data-nav-item]")
    ).filter(function (el) { return el.offsetParent !== null; });
    if (!items.length) return;
    var at = items.indexOf(document.activeElement && document.activeElement.closest("[data-nav-item]"));
    var next = at === -1 ? (step > 0 ? 0 : items.length - 1) : Math.min(Math.max(at + step, 0), items.length - 1);
    var item = items[next];
    var target = item.matches("a, button") ? item : item.querySelector("a[href]") || item;
    items.forEach(function (el) { el.classList.toggle("is-current", el === item); });
    target.focus();
    item.scrollIntoView({ block: "nearest", inline: "nearest" });
  }

  function logInteraction() {
    var composer = document.getElementById("composer") ||
      document.querySelector("form[action*='/interactions/new/']");
    if (!composer) return false;
    var details = composer.closest("details");
    if (details) details.open = true;
    var field = composer.matches("input, textarea, select") ? composer :
      (composer.querySelector("input[type=text], textarea") ||
        composer.querySelector("input:not([type=hidden]), select"));
    (field || composer).focus();
    composer.scrollIntoView({ block: "center" });
    return true;
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
    if (typing(event.target)) return;
    var d = dialog();
    if (d && d.open) return;
    var key = event.key;
    if (pendingG && Date.now() - pendingG < 1500) {
      pendingG = 0;
      var where = { t: "Today", b: "Board", d: "Deals" }[key];
      if (where) { event.preventDefault(); go(where); }
      return;
    }
    pendingG = 0;
    if (key === "/") {
      var search = document.getElementById("top-search");
      if (search) { event.preventDefault(); search.focus(); search.select(); }
    } else if (key === "?") {
      if (d && d.showModal) { event.preventDefault(); d.showModal(); }
    } else if (key === "g") {
      pendingG = Date.now();
    } else if (key === "n") {
      event.preventDefault(); go("NewDeal");
    } else if (key === "l") {
      if (logInteraction()) event.preventDefault();
    } else if (key === "j" || key === "k") {
      event.preventDefault(); walk(key === "j" ? 1 : -1);
    }
  });
})();

/* ==== search: board card menus and keyboard moves ==================================
   Shift+ArrowRight / Shift+ArrowLeft on a focused card posts the same move as its menu
   to the next / previous column; focus returns to the card once the board is back. */
(function () {
  "use strict";

  var refocus = null;

  function closeMenus(except) {
    document.querySelectorAll("details.card-menu[open]").forEach(function (menu) {
      if (menu !== except) menu.removeAttribute("open");
    });
  }

  document.addEventListener("click", function (event) {
    closeMenus(event.target.closest && event.target.closest("details.card-menu"));
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      var open = event.target.closest && event.target.closest("details.card-menu[open]");
      if (open) { open.removeAttribute("open"); open.querySelector("summary").focus(); }
      return;
    }
    if (!event.shiftKey || (event.key !== "ArrowRight" && event.key !== "ArrowLeft")) return;
    var card = event.target.closest && event.target.closest(".deal-card[data-move-url]");
    if (!card || !window.htmx || event.target.closest("details.card-menu")) return;
    var columns = Array.prototype.slice.call(document.querySelectorAll("#board [data-stage-id]"));
    var here = columns.indexOf(card.closest("[data-stage-id]"));
    var to = columns[here + (event.key === "ArrowRight" ? 1 : -1)];
    if (here === -1 || !to) return;
    event.preventDefault();
    refocus = card.id;
    window.htmx.ajax("POST", card.dataset.moveUrl, {
      source: card, target: "#board", swap: "outerHTML",
      values: { stage: to.dataset.stageId },
    });
  });

  /* afterSwap, not afterSettle: the card is back in the page at once, so a second
     Shift+arrow pressed quickly still finds it focused. */
  document.addEventListener("htmx:afterSwap", function () {
    if (!refocus) return;
    var link = document.querySelector("#" + refocus + " .deal-card-title");
    refocus = null;
    if (link) link.focus();
  });
})();

/* ==== search: deal list bulk selection ============================================
   "Select all" ticks the page's rows; the bar says how many deals are ticked. */
(function () {
  "use strict";

  function update(form) {
    var boxes = form.ownerDocument.querySelectorAll("input[name=deal][form=" + form.id + "]");
    var ticked = Array.prototype.filter.call(boxes, function (b) { return b.checked; }).length;
    var count = form.querySelector("[data-bulk-count]");
    if (count) {
      count.textContent = ticked ? ticked + (ticked === 1 ? " deal selected" : " deals selected")
        : "Tick deals to change them together";
    }
    var all = form.querySelector("[data-bulk-all]");
    if (all) {
      all.checked = ticked > 0 && ticked === boxes.length;
      all.indeterminate = ticked > 0 && ticked < boxes.length;
    }
  }

  document.querySelectorAll("form[data-bulk]").forEach(function (form) {
    var all = form.querySelector("[data-bulk-all]");
    if (all) all.hidden = false;
    update(form);
  });

  document.addEventListener("change", function (event) {
    var target = event.target;
    var form = target.form || (target.closest && target.closest("form[data-bulk]"));
    if (!form || !form.hasAttribute("data-bulk")) return;
    if (target.hasAttribute("data-bulk-all")) {
      form.ownerDocument.querySelectorAll("input[name=deal][form=" + form.id + "]")
        .forEach(function (b) { b.checked = target.checked; });
    }
    update(form);
  });
})();

/* Deal page: the capability panels are tabs. Each tab is a plain link (?panel=<key>) that
   works without JavaScript; here a click shows the panel in place and the address bar
   keeps it, so a reload or a shared link opens the same panel. */
(function () {
  "use strict";

  function tabs() {
    return Array.prototype.slice.call(document.querySelectorAll('#panels [role="tab"]'));
  }

  function loadLazy(panel) {
    var url = panel.dataset.loadUrl;
    if (!url || !window.htmx) return;
    delete panel.dataset.loadUrl;
    window.htmx.ajax("GET", url, { target: panel, swap: "innerHTML" });
  }

  function show(key, focus) {
    var panel = document.getElementById("panel-" + key);
    if (!panel) return false;
    tabs().forEach(function (tab) {
      var on = tab.dataset.panel === key;
      tab.setAttribute("aria-selected", on ? "true" : "false");
      tab.tabIndex = on ? 0 : -1;
      var target = document.getElementById("panel-" + tab.dataset.panel);
      if (target) target.hidden = !on;
      if (on && focus) tab.focus();
    });
    loadLazy(panel);
    var url = new URL(window.location.href);
    url.searchParams.set("panel", key);
    url.hash = "panels";
    window.history.replaceState(window.history.state, "", url.toString());
    return true;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("#panels [role=tab], [data-panel-link]");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
    var key = link.dataset.panel || link.dataset.panelLink;
    if (!show(key, false)) return;
    event.preventDefault();
    if (link.dataset.panelLink) {
      document.getElementById("panels").scrollIntoView({ block: "start" });
    }
  });

  /* Arrow keys move between tabs, as in any tab list. */
  document.addEventListener("keydown", function (event) {
    var tab = event.target.closest && event.target.closest('#panels [role="tab"]');
    if (!tab || (event.key !== "ArrowRight" && event.key !== "ArrowLeft")) return;
    var all = tabs();
    var step = event.key === "ArrowRight" ? 1 : -1;
    var next = all[(all.indexOf(tab) + step + all.length) % all.length];
    event.preventDefault();
    show(next.dataset.panel, true);
  });

  /* The timeline filter links were drawn with the panel open at page load; keep the one
     open now, so the address still says which panel to show. */
  document.addEventListener("htmx:configRequest", function (event) {
    var source = event.detail.elt;
    if (!source || !source.closest || !source.closest("#timeline-card .pill-nav")) return;
    var open = document.querySelector('#panels [role="tab"][aria-selected="true"]');
    if (open) event.detail.parameters.panel = open.dataset.panel;
  });
})();

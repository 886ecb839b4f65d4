/* Discovery panel.
   - Answers save as they change (htmx attributes in the markup); this marks the field
     being saved, flags a refused one as invalid, and keeps Enter in a one-line answer
     from submitting the whole form (the change event already saves it).
   - "Copy" buttons copy the script or message next to them. The text is also in a plain
     textarea, so without JavaScript it can be selected and copied.
   Without JavaScript the form has one Save button and works as a plain form. */
(function () {
  "use strict";
  if (window.goodfitFit) return; // the panel may be swapped in again by htmx
  window.goodfitFit = true;

  function question(node) {
    return node && node.closest ? node.closest(".fit-question") : null;
  }

  function markAutosave() {
    document.querySelectorAll("#fit-discovery").forEach(function (form) {
      if (window.htmx) form.classList.add("is-autosaving");
    });
  }
  document.addEventListener("DOMContentLoaded", markAutosave);
  document.addEventListener("htmx:load", markAutosave);

  document.addEventListener("htmx:beforeRequest", function (event) {
    var box = question(event.detail.elt);
    if (!box) return;
    var status = box.querySelector(".fit-status");
    if (status) {
      status.className = "fit-status is-saving";
      status.textContent = "Saving…";
    }
  });

  function hasValue(box) {
    var found = false;
    box.querySelectorAll("input, select, textarea").forEach(function (field) {
      if (field.type === "hidden") return;
      if (field.type === "radio" || field.type === "checkbox") {
        if (field.checked && field.value) found = true;
      } else if (field.value.trim()) {
        found = true;
      }
    });
    return found;
  }

  // A new status element (swapped in by htmx) updates its question: error or answered.
  // htmx first inserts it with the old element's attributes and puts the new ones in
  // place when it settles, so class changes are watched as well as insertions.
  function sync(status) {
    var box = question(status);
    if (!box) return;
    var failed = status.classList.contains("is-error");
    box.classList.toggle("has-error", failed);
    if (status.classList.contains("is-saved")) box.classList.toggle("is-answered", hasValue(box));
    box.querySelectorAll("input[type=text], input[type=date], select, textarea").forEach(function (input) {
      if (failed) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    });
  }

  function isStatus(node) {
    return node.nodeType === 1 && node.classList.contains("fit-status");
  }

  new MutationObserver(function (records) {
    records.forEach(function (record) {
      if (record.type === "attributes") {
        if (isStatus(record.target) && !record.target.classList.contains("is-saving")) {
          sync(record.target);
        }
        return;
      }
      record.addedNodes.forEach(function (node) {
        if (isStatus(node)) sync(node);
      });
    });
  }).observe(document.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ["class"],
  });

  document.addEventListener("htmx:sendError", function (event) {
    var box = question(event.detail.elt);
    var status = box && box.querySelector(".fit-status");
    if (!status) return;
    status.className = "fit-status is-error";
    status.textContent = "Not saved: the server could not be reached. Try again, or use Save answers.";
  });

  document.addEventListener("htmx:responseError", function (event) {
    var box = question(event.detail.elt);
    var status = box && box.querySelector(".fit-status");
    if (!status) return;
    status.className = "fit-status is-error";
    status.textContent = "Not saved (error " + event.detail.xhr.status + "). Reload the page and try again.";
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" || !window.htmx) return;
    var input = event.target;
    if (!input.matches || !input.matches("#fit-discovery input[type=text]")) return;
    event.preventDefault();
    input.dispatchEvent(new Event("change", { bubbles: true }));
  });

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

// Follow-ups: "Copy message" buttons copy the text of the field they name.
// Delegated on the document, so buttons swapped in by htmx work too; loaded once.
(function () {
  if (window.goodfitFollowupsCopy) return;
  window.goodfitFollowupsCopy = true;
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy-target]");
    if (!button) return;
    var field = document.getElementById(button.getAttribute("data-copy-target"));
    if (!field) return;
    var label = button.textContent;
    var done = function (text) {
      button.textContent = text;
      window.setTimeout(function () { button.textContent = label; }, 2000);
    };
    var fallback = function () {
      field.select();
      done(document.execCommand("copy") ? "Copied" : "Select and copy");
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(function () { done("Copied"); }, fallback);
    } else {
      fallback();
    }
  });
})();

// Optional enhancements: the page is complete without them.
(function () {
  "use strict";
  var controls = document.getElementById("controls");
  if (!controls) { return; }
  controls.hidden = false;
  var box = document.getElementById("filter");
  var boxes = document.querySelectorAll("input[data-status]");
  function apply() {
    var query = box.value.trim().toLowerCase();
    var hidden = {};
    boxes.forEach(function (b) { hidden[b.getAttribute("data-status")] = !b.checked; });
    document.querySelectorAll("[data-filter]").forEach(function (el) {
      var status = el.getAttribute("data-status");
      var byStatus = status !== null && hidden[status];
      var byText = query !== "" && el.textContent.toLowerCase().indexOf(query) === -1;
      el.hidden = byStatus || byText;
    });
  }
  box.addEventListener("input", apply);
  boxes.forEach(function (b) { b.addEventListener("change", apply); });
  // Following a link into a collapsed block opens it.
  function revealTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    for (var el = target; el; el = el.parentElement) {
      if (el.tagName === "DETAILS") { el.open = true; }
    }
    if (target) { target.scrollIntoView(); }
  }
  window.addEventListener("hashchange", revealTarget);
  revealTarget();
  // Printing shows everything, expanded.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });
})();

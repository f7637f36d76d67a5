// Timeline filters: by person, tag and period, acting as soon as a choice changes.
// Without JavaScript the form stays hidden and the page shows every event.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  var cards = Array.prototype.slice.call(document.querySelectorAll(".timeline .card"));
  var years = Array.prototype.slice.call(document.querySelectorAll(".timeline .year"));
  var status = document.getElementById("filter-status");
  var noMatch = document.getElementById("no-match");
  var fields = ["person", "tag", "period"];

  function words(card, name) {
    var value = card.getAttribute("data-" + name) || "";
    return value ? value.split(" ") : [];
  }

  function matches(card, chosen) {
    if (chosen.person && words(card, "people").indexOf(chosen.person) < 0) { return false; }
    if (chosen.tag && words(card, "tags").indexOf(chosen.tag) < 0) { return false; }
    if (chosen.period && card.getAttribute("data-period") !== chosen.period) { return false; }
    return true;
  }

  function chosenValues() {
    var chosen = {};
    fields.forEach(function (name) { chosen[name] = form.elements[name].value; });
    return chosen;
  }

  function remember(chosen) {
    var params = new URLSearchParams();
    fields.forEach(function (name) { if (chosen[name]) { params.set(name, chosen[name]); } });
    var query = params.toString();
    var address = location.pathname + (query ? "?" + query : "") + location.hash;
    history.replaceState(null, "", address);
  }

  function apply() {
    var chosen = chosenValues();
    var shown = 0;
    cards.forEach(function (card) {
      var visible = matches(card, chosen);
      card.hidden = !visible;
      if (visible) { shown += 1; }
    });
    years.forEach(function (year) {
      year.hidden = !year.querySelector(".card:not([hidden])");
    });
    var filtered = fields.some(function (name) { return chosen[name]; });
    status.textContent = filtered
      ? "Showing " + shown + " of " + cards.length + " events."
      : "Showing all " + cards.length + " events.";
    noMatch.hidden = shown > 0;
    remember(chosen);
  }

  var params = new URLSearchParams(location.search);
  fields.forEach(function (name) {
    var select = form.elements[name];
    var wanted = params.get(name);
    if (wanted && select.querySelector("option[value='" + CSS.escape(wanted) + "']")) {
      select.value = wanted;
    }
    select.addEventListener("change", apply);
  });
  form.addEventListener("reset", function (event) {
    event.preventDefault();
    fields.forEach(function (name) { form.elements[name].value = ""; });
    apply();
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
  document.getElementById("clear-filters").addEventListener("click", function () {
    form.reset();
  });
  // A link to a year or an event that the filters hide shows everything again.
  function reveal() {
    var target = location.hash ? document.getElementById(location.hash.slice(1)) : null;
    if (target && target.closest(".timeline") && target.closest("[hidden]")) {
      form.reset();
      target.scrollIntoView();
    }
  }
  window.addEventListener("hashchange", reveal);
  form.hidden = false;
  apply();
  reveal();
}());

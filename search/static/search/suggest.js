/* Title suggestions as you type, for every search box with data-suggest-url. No libraries. */
(function () {
  "use strict";
  function attach(input) {
    var url = input.getAttribute("data-suggest-url");
    var list = document.createElement("ul");
    var timer = null;
    var last = "";
    var active = -1;
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    input.setAttribute("aria-autocomplete", "list");
    input.parentNode.classList.add("has-suggestions");
    input.parentNode.appendChild(list);

    function close() { list.hidden = true; list.innerHTML = ""; active = -1; }
    function show(items) {
      list.innerHTML = "";
      active = -1;
      items.forEach(function (item) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = item.url;
        a.textContent = item.title;  /* text, never HTML */
        a.setAttribute("role", "option");
        li.appendChild(a);
        list.appendChild(li);
      });
      list.hidden = items.length === 0;
    }
    function fetchSuggestions() {
      var q = input.value.trim();
      if (q === last) { return; }
      last = q;
      if (!q) { close(); return; }
      fetch(url + "?q=" + encodeURIComponent(q), { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
        .then(function (data) { if (input.value.trim() === q) { show(data.suggestions || []); } })
        .catch(close);
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, 150);
    });
    input.addEventListener("keydown", function (event) {
      var links = list.querySelectorAll("a");
      if (event.key === "Escape") { close(); return; }
      if (!links.length || (event.key !== "ArrowDown" && event.key !== "ArrowUp" && event.key !== "Enter")) { return; }
      if (event.key === "Enter") {
        if (active >= 0) { event.preventDefault(); window.location.href = links[active].href; }
        return;
      }
      event.preventDefault();
      active = (active + (event.key === "ArrowDown" ? 1 : -1) + links.length) % links.length;
      links.forEach(function (a, i) { a.classList.toggle("active", i === active); });
    });
    input.addEventListener("blur", function () { setTimeout(close, 200); });
  }
  document.querySelectorAll("input[data-suggest-url]").forEach(attach);
})();

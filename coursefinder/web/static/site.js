/* coursefinder: small enhancements of pages that work fully without this script.
   - The skip link moves focus into the main content, in every browser.
   - "Show N courses" under the filters returns to the results without a reload.
   - A link to a page of results moves focus to the results heading.
   - Changing a filter updates the results at once, announcing the new count politely. */
(function () {
  "use strict";

  // The same test as the server's privacy guard (web/privacy.py): text that looks like a
  // national identity number or an e-mail address is never sent by this script.
  function looksPersonal(text) {
    var plain = text.normalize ? text.normalize("NFKC") : text;
    var digits = plain.replace(/(\d)[\s.\/\-_,:]+(?=\d)/g, "$1");
    return /(^|\D)\d{11}(?!\d)/.test(digits) ||
      /(^|\D)(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])(19|20)\d{7}(?!\d)/.test(digits) ||
      /[^\s@]+\s*@\s*[^\s@]+\.[^\s@.]{2,}/.test(plain);
  }

  var skip = document.querySelector(".skip-link");
  var main = document.getElementById("main");
  if (skip && main) {
    skip.addEventListener("click", function () {
      main.focus();
    });
  }

  // "Copy link": the address is always shown in a field; the button copies it.
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    var field = document.getElementById(button.getAttribute("data-copy"));
    var status = button.closest(".share") && button.closest(".share").querySelector(".copy-status");
    if (!field || !navigator.clipboard) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(field.value).then(function () {
        if (status) {
          status.textContent = status.getAttribute("data-copied");
        }
      }, function () {
        field.select();
      });
    });
  });


  function focusResults() {
    var heading = document.getElementById("results-heading");
    if (heading) {
      heading.focus();
    }
  }
  if (window.location.hash === "#results-heading") {
    focusResults();
  }

  // Search as you type: titles and occupations after three letters, in a datalist.
  var q = document.getElementById("q");
  var list = document.getElementById("q-suggestions");
  if (q && list && q.dataset.suggest && window.fetch) {
    var timer = null;
    q.addEventListener("input", function () {
      window.clearTimeout(timer);
      var typed = q.value.trim();
      if (typed.length < 3 || looksPersonal(typed)) {
        list.replaceChildren();
        return;
      }
      timer = window.setTimeout(function () {
        var url = q.dataset.suggest + "&q=" + encodeURIComponent(typed);
        window.fetch(url, { credentials: "same-origin" })
          .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
          .then(function (body) {
            if (q.value.trim() !== typed) {
              return;
            }
            list.replaceChildren.apply(list, body.suggestions.map(function (text) {
              var option = document.createElement("option");
              option.value = text;
              return option;
            }));
          })
          .catch(function () { /* suggestions are a help, not a need */ });
      }, 150);
    });
  }

  var form = document.querySelector("form.search-form");
  var status = document.getElementById("result-status");
  if (!form || !status || !window.fetch || !window.DOMParser || !window.URLSearchParams || !window.history.pushState) {
    return;
  }

  function formUrl() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (value !== "") {
        params.append(name, value);
      }
    });
    var query = params.toString();
    return form.getAttribute("action") + (query ? "?" + query : "");
  }

  function replace(selector, fresh) {
    var old = document.querySelector(selector);
    var next = fresh.querySelector(selector);
    if (old && next) {
      old.replaceWith(document.importNode(next, true));
    }
  }

  var pending = null;
  function update(target) {
    if (looksPersonal(q ? q.value : "")) {
      return;  // the search button sends it, and the server answers with its plain refusal
    }
    if (pending && pending.abort) {
      pending.abort();
    }
    pending = window.AbortController ? new AbortController() : null;
    window.fetch(target, { signal: pending ? pending.signal : undefined, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("status " + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html");
        if (!fresh.querySelector("section.results") || !document.querySelector("section.results")) {
          throw new Error("no results section");
        }
        replace("section.results", fresh);
        replace(".language-switch", fresh);
        var freshButton = fresh.querySelector(".show-courses");
        var myButton = document.querySelector(".show-courses");
        if (freshButton && myButton) {
          myButton.textContent = freshButton.textContent;
        }
        fresh.querySelectorAll(".filters label[for]").forEach(function (label) {
          var count = label.querySelector(".count");
          var mine = document.querySelector('.filters label[for="' + label.getAttribute("for") + '"] .count');
          if (count && mine) {
            mine.textContent = count.textContent;
          }
        });
        document.title = fresh.title;
        window.history.pushState(null, "", target);
        shown = window.location.pathname + window.location.search;
        var heading = document.getElementById("results-heading");
        status.textContent = heading ? heading.textContent.trim() : "";
      })
      .catch(function (error) {
        if (!error || error.name !== "AbortError") {
          window.location.assign(target);
        }
      });
  }

  function onChange(event) {
    // Typing a search text waits for the search button; every other choice applies at once.
    if (event.target && event.target.name !== "q") {
      update(formUrl());
    }
  }
  form.addEventListener("change", onChange);
  var panel = document.getElementById("filters");
  if (panel) {
    // The filters' fields belong to the form through their form attribute, outside it.
    panel.addEventListener("change", onChange);
    var show = panel.querySelector(".show-courses");
    if (show) {
      show.addEventListener("click", function (event) {
        if (window.location.pathname + window.location.search === formUrl()) {
          // The results already show these filters: go back up to them.
          event.preventDefault();
          var heading = document.getElementById("results-heading");
          if (heading) {
            heading.scrollIntoView();
          }
          focusResults();
        }
      });
    }
  }
  // Back and forward between filter states reload that state; a jump to an anchor
  // on the same page (the skip link) also fires popstate and must not reload.
  var shown = window.location.pathname + window.location.search;
  window.addEventListener("popstate", function () {
    if (window.location.pathname + window.location.search !== shown) {
      window.location.reload();
    }
  });
}());

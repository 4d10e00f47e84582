// Commune picker (ancrage.territory.forms.CommuneField): htmx fetches the
// options; this script lets a person choose one with the mouse or the keyboard
// (ARIA combobox pattern) and keeps the hidden INSEE code in step with the text.
(function () {
  if (window.ancrageCommunePicker) return;
  window.ancrageCommunePicker = true;

  function parts(element) {
    var picker = element.closest("[data-commune-picker]");
    if (!picker) return null;
    return {
      picker: picker,
      input: picker.querySelector("[role=combobox]"),
      code: picker.querySelector("[data-commune-code]"),
      listbox: picker.querySelector("[role=listbox]"),
      status: picker.querySelector("[data-commune-status]"),
    };
  }

  function options(p) {
    return Array.prototype.slice.call(p.listbox.querySelectorAll("[role=option]"));
  }

  function close(p) {
    p.listbox.hidden = true;
    p.input.setAttribute("aria-expanded", "false");
    p.input.removeAttribute("aria-activedescendant");
  }

  function activate(p, option) {
    options(p).forEach(function (each) {
      var active = each === option;
      each.classList.toggle("active", active);
      each.setAttribute("aria-selected", active ? "true" : "false");
    });
    p.input.setAttribute("aria-activedescendant", option.id);
    option.scrollIntoView({ block: "nearest" });
  }

  function choose(p, option) {
    p.input.value = option.dataset.label;
    p.code.value = option.dataset.code;
    p.status.textContent = option.dataset.label;
    close(p);
    p.input.focus();
  }

  document.addEventListener("htmx:afterSwap", function (event) {
    var p = parts(event.detail.target);
    if (!p || event.detail.target !== p.listbox) return;
    var count = options(p).length;
    p.listbox.hidden = count === 0;
    p.input.setAttribute("aria-expanded", count ? "true" : "false");
    p.input.removeAttribute("aria-activedescendant");
    var empty = p.input.value.trim() === "";
    p.status.textContent = empty ? "" : count ? p.picker.dataset.some.replace("%s", count) : p.picker.dataset.none;
  });

  document.addEventListener("input", function (event) {
    var p = parts(event.target);
    if (p && event.target === p.input) p.code.value = "";
  });

  document.addEventListener("keydown", function (event) {
    var p = parts(event.target);
    if (!p || event.target !== p.input) return;
    var list = options(p);
    var current = list.indexOf(document.getElementById(p.input.getAttribute("aria-activedescendant")));
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!list.length) return;
      event.preventDefault();
      p.listbox.hidden = false;
      p.input.setAttribute("aria-expanded", "true");
      var step = event.key === "ArrowDown" ? 1 : -1;
      var next = current < 0 ? (step > 0 ? 0 : list.length - 1) : (current + step + list.length) % list.length;
      activate(p, list[next]);
    } else if (event.key === "Enter" && !p.listbox.hidden && current >= 0) {
      event.preventDefault();
      choose(p, list[current]);
    } else if (event.key === "Escape" && !p.listbox.hidden) {
      event.preventDefault();
      close(p);
    }
  });

  document.addEventListener("mousedown", function (event) {
    var option = event.target.closest("[data-commune-picker] [role=option]");
    if (!option) return;
    event.preventDefault();
    choose(parts(option), option);
  });

  document.addEventListener("focusout", function (event) {
    var p = parts(event.target);
    if (p && event.target === p.input) close(p);
  });
})();

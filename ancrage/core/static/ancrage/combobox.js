// Combobox (ancrage/core/widgets.py): htmx fetches the options; this script
// lets a person choose one with the mouse or the keyboard (ARIA combobox
// pattern). Single choice: the hidden code follows the text. Multiple choice:
// the option becomes a chip (a checked checkbox), the input is emptied for the
// next item, and unchecking a chip removes it.
(function () {
  if (window.ancrageCombobox) return;
  window.ancrageCombobox = true;

  function parts(element) {
    var box = element.closest("[data-combobox]");
    if (!box) return null;
    return {
      box: box,
      input: box.querySelector("[role=combobox]"),
      code: box.querySelector("[data-combobox-code]"),
      chips: box.querySelector("[data-combobox-chips]"),
      listbox: box.querySelector("[role=listbox]"),
      status: box.querySelector("[data-combobox-status]"),
    };
  }

  function say(p, template, value) {
    p.status.textContent = template.replace("%s", value);
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

  function addChip(p, code, label) {
    var existing = Array.prototype.some.call(p.chips.querySelectorAll("input"), function (input) {
      return input.value === code && input.checked;
    });
    if (existing) {
      say(p, p.box.dataset.already, label);
      return;
    }
    var model = p.box.querySelector("template[data-combobox-chip]").content;
    var chip = model.firstElementChild.cloneNode(true);
    var checkbox = chip.querySelector("input");
    var id = p.input.id + "-chip-" + code;
    checkbox.value = code;
    checkbox.id = id;
    chip.querySelector("label").htmlFor = id;
    chip.querySelector("[data-chip-label]").textContent = label;
    var stale = document.getElementById(id);
    if (stale) stale.closest("li").remove();
    p.chips.appendChild(chip);
    say(p, p.box.dataset.added, label);
  }

  function choose(p, option) {
    if (p.chips) {
      addChip(p, option.dataset.code, option.dataset.label);
      p.input.value = "";
      p.listbox.replaceChildren();
    } else {
      p.input.value = option.dataset.label;
      p.code.value = option.dataset.code;
      p.status.textContent = option.dataset.label;
    }
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
    p.status.textContent = empty ? "" : count ? p.box.dataset.some.replace("%s", count) : p.box.dataset.none;
  });

  document.addEventListener("input", function (event) {
    var p = parts(event.target);
    if (p && p.code && event.target === p.input) p.code.value = "";
  });

  // Unchecking a chip removes it; focus goes to the next chip, or the input.
  document.addEventListener("change", function (event) {
    var p = parts(event.target);
    if (!p || !p.chips || !p.chips.contains(event.target)) return;
    if (event.target.type !== "checkbox" || event.target.checked) return;
    var chip = event.target.closest("li");
    var next = chip.nextElementSibling || chip.previousElementSibling;
    say(p, p.box.dataset.removed, chip.querySelector("[data-chip-label]").textContent);
    chip.remove();
    (next ? next.querySelector("input") : p.input).focus();
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
    var option = event.target.closest("[data-combobox] [role=option]");
    if (!option) return;
    event.preventDefault();
    choose(parts(option), option);
  });

  document.addEventListener("focusout", function (event) {
    var p = parts(event.target);
    if (p && event.target === p.input) close(p);
  });
})();

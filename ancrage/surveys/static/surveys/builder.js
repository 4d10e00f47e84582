// Questionnaire builder (surveys/builder/_plan.html): drag and drop of the
// sections and of the questions (also from one section to another). The new
// order is posted to the reorder view, which answers with the outline. The
// up and down buttons do the same without JavaScript.
(function () {
  "use strict";

  let dragged = null;

  function post(plan) {
    const data = new FormData();
    data.append("csrfmiddlewaretoken", plan.querySelector("[name=csrfmiddlewaretoken]").value);
    plan.querySelectorAll(".builder-section").forEach(function (section) {
      data.append("section", section.dataset.section);
      section.querySelectorAll(".builder-questions > .builder-question").forEach(function (item) {
        data.append("question", section.dataset.section + ":" + item.dataset.question);
      });
    });
    fetch(plan.dataset.reorderUrl, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "HX-Request": "true" },
    })
      .then(function (response) {
        return response.text();
      })
      .then(function (html) {
        const page = new DOMParser().parseFromString(html, "text/html");
        const fresh = page.getElementById("plan");
        const messages = page.getElementById("messages");
        if (messages && document.getElementById("messages")) {
          document.getElementById("messages").innerHTML = messages.innerHTML;
        }
        if (fresh) {
          plan.replaceWith(fresh);
          if (window.htmx) window.htmx.process(fresh);
          init();
        }
      });
  }

  function draggable(element, kind) {
    element.draggable = true;
    element.addEventListener("dragstart", function (event) {
      event.stopPropagation();
      dragged = { element: element, kind: kind };
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", kind);
      element.classList.add("opacity-50");
    });
    element.addEventListener("dragend", function () {
      element.classList.remove("opacity-50");
    });
  }

  function dropTarget(element, kind, plan) {
    element.addEventListener("dragover", function (event) {
      if (!dragged || dragged.kind !== kind || dragged.element === element) return;
      event.preventDefault();
      event.stopPropagation();
    });
    element.addEventListener("drop", function (event) {
      if (!dragged || dragged.kind !== kind || dragged.element === element) return;
      event.preventDefault();
      event.stopPropagation();
      const box = element.getBoundingClientRect();
      const after = event.clientY > box.top + box.height / 2;
      element.parentNode.insertBefore(dragged.element, after ? element.nextSibling : element);
      dragged = null;
      post(plan);
    });
  }

  function emptyListTarget(list, plan) {
    list.addEventListener("dragover", function (event) {
      if (dragged && dragged.kind === "question") event.preventDefault();
    });
    list.addEventListener("drop", function (event) {
      if (!dragged || dragged.kind !== "question" || event.target !== list) return;
      event.preventDefault();
      list.querySelectorAll(":scope > li:not(.builder-question)").forEach(function (li) {
        li.remove();
      });
      list.appendChild(dragged.element);
      dragged = null;
      post(plan);
    });
  }

  function init() {
    const plan = document.getElementById("plan");
    if (!plan || plan.dataset.dragReady) return;
    plan.dataset.dragReady = "1";
    plan.querySelectorAll(".builder-section").forEach(function (section) {
      draggable(section, "section");
      dropTarget(section, "section", plan);
    });
    plan.querySelectorAll(".builder-questions").forEach(function (list) {
      emptyListTarget(list, plan);
    });
    plan.querySelectorAll(".builder-question").forEach(function (item) {
      draggable(item, "question");
      dropTarget(item, "question", plan);
    });
  }

  document.addEventListener("DOMContentLoaded", init);
  document.addEventListener("htmx:load", init);
})();

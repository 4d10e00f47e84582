// Conditional questions (surveys/respond/_question.html): a question whose
// condition is not met is hidden as the person answers. Without JavaScript
// it stays shown with its « À remplir seulement si… » note.
(function () {
  "use strict";

  function valuesOf(form, key) {
    const values = [];
    form.querySelectorAll("[name]").forEach(function (input) {
      if (input.name !== key) {
        return;
      }
      if ((input.type === "radio" || input.type === "checkbox") && !input.checked) {
        return;
      }
      if (input.value !== "") {
        values.push(input.value);
      }
    });
    return values;
  }

  function update(form) {
    const questions = form.querySelectorAll("[data-condition-key]");
    // Twice, so that a question depending on a hidden one is hidden too.
    for (let pass = 0; pass < 2; pass += 1) {
      questions.forEach(function (question) {
        const parent = form.querySelector("#q-" + CSS.escape(question.dataset.conditionKey));
        const wanted = question.dataset.conditionValues.split("|");
        const met =
          !(parent && parent.hidden) &&
          valuesOf(form, question.dataset.conditionKey).some(function (value) {
            return wanted.indexOf(value) !== -1;
          });
        question.hidden = !met;
      });
    }
  }

  function init() {
    document.querySelectorAll("form[data-answer-form]").forEach(function (form) {
      if (form.dataset.conditionsReady) {
        return;
      }
      form.dataset.conditionsReady = "1";
      update(form);
      form.addEventListener("change", function () {
        update(form);
      });
    });
  }

  document.addEventListener("DOMContentLoaded", init);
  document.addEventListener("htmx:load", init);
})();

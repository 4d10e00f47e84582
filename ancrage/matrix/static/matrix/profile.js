// Key skills of the matrix profile form (matrix/profile_skills_widget.html):
// a chip added by ancrage/combobox.js comes from a model without a code; give
// its comment field the name, id and label of the skill it comments.
(function () {
  if (window.ancrageMatrixProfile) return;
  window.ancrageMatrixProfile = true;

  function name(row, list) {
    var checkbox = row.querySelector("input[type=checkbox]");
    var comment = row.querySelector("[data-skill-comment]");
    var label = row.querySelector("[data-comment-label]");
    if (!checkbox || !comment || !checkbox.value) return;
    var chip = row.querySelector("[data-chip-label]").textContent;
    comment.name = list.dataset.commentPrefix + checkbox.value;
    comment.id = checkbox.id + "-comment";
    label.htmlFor = comment.id;
    label.textContent = list.dataset.commentLabel.replace("%s", chip);
  }

  function watch(list) {
    new MutationObserver(function (records) {
      records.forEach(function (record) {
        record.addedNodes.forEach(function (node) {
          if (node.nodeType === 1) name(node, list);
        });
      });
    }).observe(list, { childList: true });
  }

  function start() {
    document.querySelectorAll("[data-comment-prefix]").forEach(watch);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

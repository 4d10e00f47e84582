// Ancrage: what htmx does not do by itself.
// An htmx action that fails (403, 404, 500…) swaps nothing: say so in the
// page's live region (#messages), with the French texts it carries.
document.addEventListener("htmx:responseError", (event) => {
  const region = document.getElementById("messages");
  if (!region) {
    return;
  }
  const xhr = event.detail.xhr;
  const kind = xhr.getResponseHeader("X-Ancrage-Error") || xhr.status;
  const text = region.getAttribute(`data-error-${kind}`) || region.dataset.errorOther;
  const alert = document.createElement("div");
  alert.className = "alert alert-danger";
  alert.textContent = text;
  region.replaceChildren(alert);
  region.scrollIntoView({ block: "nearest" });
});

// Ancrage: what htmx does not do by itself.
// An htmx action that fails swaps nothing: say so in the page's live region
// (#messages), with the French texts it carries (data-error-403, -404, -csrf,
// -network, -other).
function explainFailure(kind) {
  const region = document.getElementById("messages");
  if (!region) {
    return;
  }
  const alert = document.createElement("div");
  alert.className = "alert alert-danger";
  alert.textContent = region.getAttribute(`data-error-${kind}`) || region.dataset.errorOther;
  region.replaceChildren(alert);
  region.scrollIntoView({ block: "nearest" });
}

// The server answered with an error (403, 404, 500…).
document.addEventListener("htmx:responseError", (event) => {
  const xhr = event.detail.xhr;
  explainFailure(xhr.getResponseHeader("X-Ancrage-Error") || xhr.status);
});

// The server could not be reached (network down, server restarting).
document.addEventListener("htmx:sendError", () => explainFailure("network"));

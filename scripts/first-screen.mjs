// Marks when the first screen with stored data is drawn (the home screen,
// or a meeting's 签到 list) as `window.__ready`, in every page of `context`:
// what bench-data.mjs and profile-startup.mjs time a start-up to.
export async function markFirstScreen(context) {
  await context.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector(".home-header, .attendance-row")) {
        window.__ready = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
}

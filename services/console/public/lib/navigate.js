/**
 * Moves the console to another route. The browser changes the URL at once but fires `hashchange`
 * in a later task; the ready flag is cleared here, in between, so that nothing (a user's script or
 * a browser test) reads the view being replaced as the one asked for. Asking for the route already
 * shown renders it again, as a resubmitted search should.
 */
export function navigate(hash) {
  document.body.dataset.ready = '';
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = hash;
}

/** Plain left clicks on the console's own links go through navigate(); other clicks (new tab, new window) keep the browser's behaviour. */
export function routeLinkClicks(root) {
  root.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href^="#/"]') : null;
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(link.getAttribute('href'));
  });
}

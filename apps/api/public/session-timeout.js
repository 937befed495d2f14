// Warns a signed-in user two minutes before their session would end for want of activity,
// and lets them stay signed in. Without JavaScript the server still ends the session on time.
const body = document.body;
const idleMinutes = Number(body.dataset.sessionIdleMinutes);
const dialog = document.getElementById('session-timeout-warning');
const WARN_BEFORE_MS = 2 * 60_000;

if (idleMinutes > 0 && dialog && typeof dialog.showModal === 'function') {
  let warnTimer;
  let endTimer;
  const schedule = () => {
    clearTimeout(warnTimer);
    clearTimeout(endTimer);
    const idleMs = idleMinutes * 60_000;
    warnTimer = setTimeout(() => dialog.showModal(), Math.max(idleMs - WARN_BEFORE_MS, 0));
    endTimer = setTimeout(() => window.location.assign('/signed-out?reason=timeout'), idleMs);
  };
  dialog.querySelector('[data-stay-signed-in]').addEventListener('click', async () => {
    const response = await fetch('/session/keep-alive', { credentials: 'same-origin' });
    if (response.status === 204) {
      dialog.close();
      schedule();
    } else {
      window.location.assign('/signed-out?reason=timeout');
    }
  });
  schedule();
}

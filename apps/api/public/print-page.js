// A "Print" button can only work with JavaScript, so it is shown only then.
for (const button of document.querySelectorAll('[data-print-page]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}

// Applies the reader's saved theme before first paint, then wires the toggle button.
(function () {
  var root = document.documentElement;
  var saved = null;
  try {
    saved = localStorage.getItem('theme');
  } catch (e) {}
  if (saved === 'light' || saved === 'dark') root.dataset.theme = saved;
  function current() {
    return (
      root.dataset.theme || (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light')
    );
  }
  document.addEventListener('DOMContentLoaded', function () {
    var button = document.getElementById('theme-toggle');
    if (!button) return;
    button.hidden = false;
    button.setAttribute('aria-pressed', String(current() === 'dark'));
    button.addEventListener('click', function () {
      var next = current() === 'dark' ? 'light' : 'dark';
      root.dataset.theme = next;
      try {
        localStorage.setItem('theme', next);
      } catch (e) {}
      button.setAttribute('aria-pressed', String(next === 'dark'));
    });
  });
})();

// Applies the reader's saved theme before first paint, then wires the toggle button; on a narrow
// screen, folds the release filters as they are parsed (before they are painted: no layout shift).
(function () {
  var root = document.documentElement;
  var saved = null;
  try {
    saved = localStorage.getItem('theme');
  } catch (e) {}
  if (saved === 'light' || saved === 'dark') root.dataset.theme = saved;
  if (window.MutationObserver && matchMedia('(max-width: 40rem)').matches) {
    var folder = new MutationObserver(function () {
      var fold = document.querySelector('details.filters-fold');
      if (!fold) return;
      fold.open = false;
      folder.disconnect();
    });
    folder.observe(root, { childList: true, subtree: true });
    document.addEventListener('DOMContentLoaded', function () {
      folder.disconnect();
    });
  }
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

// Sends the reader to the language of the browser; the page's meta refresh goes to Chinese without JavaScript.
(function () {
  var script = document.currentScript;
  var langs =
    navigator.languages && navigator.languages.length
      ? navigator.languages
      : [navigator.language || ''];
  var preferred = null;
  for (var i = 0; i < langs.length && !preferred; i += 1) {
    var code = String(langs[i]).toLowerCase();
    if (code.indexOf('zh') === 0) preferred = 'zh';
    else if (code.indexOf('en') === 0) preferred = 'en';
  }
  var target = script && script.getAttribute(preferred === 'en' ? 'data-en' : 'data-zh');
  if (target) location.replace(target + location.search + location.hash);
})();

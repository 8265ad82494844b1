// The article's two small behaviours, without any third-party script: a video player loaded only on the reader's
// click (privacy-friendly hosts only, allowed by the page's content security policy), and copying the article's link.
document.querySelectorAll('.video-frame').forEach(function (frame) {
  var button = frame.querySelector('.video-play');
  button.addEventListener('click', function () {
    var iframe = document.createElement('iframe');
    iframe.src = frame.dataset.player;
    iframe.title = frame.dataset.title;
    iframe.allow = 'autoplay; encrypted-media; picture-in-picture; fullscreen';
    iframe.referrerPolicy = 'strict-origin-when-cross-origin';
    iframe.setAttribute('allowfullscreen', '');
    iframe.loading = 'lazy';
    frame.replaceChildren(iframe);
    iframe.focus();
  });
});

document.querySelectorAll('.share-copy').forEach(function (button) {
  var status = button.parentElement.querySelector('.share-status');
  button.addEventListener('click', function () {
    var url = button.dataset.url;
    var done = function () { status.textContent = 'Tautan disalin.'; };
    var fallback = function () {
      var field = document.createElement('input');
      field.value = url;
      field.setAttribute('aria-label', 'Tautan berita');
      field.readOnly = true;
      button.after(field);
      field.select();
      status.textContent = document.execCommand && document.execCommand('copy') ? 'Tautan disalin.' : 'Salin tautan dari kotak ini.';
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(done, fallback);
    } else {
      fallback();
    }
  });
});

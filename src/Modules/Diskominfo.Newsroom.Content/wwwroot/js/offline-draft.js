// A draft is never lost: what is typed in the item form is kept in this browser (localStorage, per user and item) as it
// is typed. Saving goes through fetch; when the device is offline or the server cannot be reached, the copy stays, the
// banner says so, and it is sent when the connection returns (the "online" event, and a retry every 15 seconds). A
// copy that never reached the server is offered back when the form is opened again. A refusal by the server (a field
// to correct, a conflict) is shown by the server's own page, the copy kept until a save succeeds.
(function () {
    'use strict';
    var form = document.querySelector('form[data-draft-key]');
    if (!form || !window.fetch || !window.URLSearchParams) { return; }
    var storage;
    try { storage = window.localStorage; storage.getItem('x'); } catch (e) { return; }

    var key = 'newsroom.draft:' + form.dataset.draftKey;
    var base = form.dataset.draftBase || '';
    var banner = document.getElementById('draft-banner');
    var offer = document.getElementById('draft-offer');
    var sending = false;
    var native = false;
    var bannerText = banner ? banner.textContent : '';

    function fields() {
        return Array.prototype.filter.call(form.elements, function (e) {
            return e.name && e.name.indexOf('Form.') === 0 && e.type !== 'hidden' && e.type !== 'submit' && e.type !== 'button';
        });
    }

    function values() {
        var v = {};
        fields().forEach(function (e) { v[e.name] = e.value; });
        return v;
    }

    function same(a, b) {
        return Object.keys(a).concat(Object.keys(b)).every(function (k) { return (a[k] || '') === (b[k] || ''); });
    }

    function read() {
        try { return JSON.parse(storage.getItem(key)); } catch (e) { return null; }
    }

    function keep(pending) {
        var previous = read();
        try {
            storage.setItem(key, JSON.stringify({
                values: values(), base: base, savedAt: new Date().toISOString(), pending: pending || (previous && previous.pending) || false,
            }));
        } catch (e) { /* storage full: the form still holds the text */ }
    }

    function drop() { storage.removeItem(key); }

    function showBanner(text) {
        if (!banner) { return; }
        banner.textContent = text || bannerText;
        banner.hidden = false;
    }

    var serverValues = values();
    var local = read();
    if (local && local.values && !same(local.values, serverValues)) {
        if (offer) {
            var when = new Date(local.savedAt).toLocaleString('id-ID', { dateStyle: 'medium', timeStyle: 'short' });
            document.getElementById('draft-offer-text').textContent =
                'Ada salinan naskah di perangkat ini (disimpan ' + when + ') yang lebih baru dari yang ada di server.'
                + (local.base && local.base !== base ? ' Naskah di server sudah berubah sejak salinan ini dibuat; periksa sebelum menyimpan.' : '');
            offer.hidden = false;
            document.getElementById('draft-restore').addEventListener('click', function () {
                fields().forEach(function (e) { if (Object.prototype.hasOwnProperty.call(local.values, e.name)) { e.value = local.values[e.name]; } });
                offer.hidden = true;
                showBanner('Salinan dari perangkat ini dipulihkan; simpan untuk mengirimnya ke server.');
            });
            document.getElementById('draft-discard').addEventListener('click', function () {
                drop();
                offer.hidden = true;
            });
        }
    } else if (local) {
        drop();
    }

    var timer = null;
    form.addEventListener('input', function () {
        clearTimeout(timer);
        timer = setTimeout(function () { keep(false); }, 300);
    });

    async function send() {
        if (sending) { return; }
        if (!navigator.onLine) { showBanner(); return; }
        sending = true;
        var response;
        try {
            response = await fetch(form.action, {
                method: 'POST', body: new URLSearchParams(new FormData(form)), credentials: 'same-origin', redirect: 'follow',
            });
        } catch (e) {
            sending = false;
            showBanner();
            return;
        }
        sending = false;
        var path = new URL(response.url).pathname;
        if (response.ok && response.redirected && /^\/admin\/naskah\/[0-9a-f-]{36}$/i.test(path)) {
            drop();
            window.location.assign(response.url);
            return;
        }
        if (response.redirected && path.indexOf('/masuk') === 0) {
            showBanner('Sesi Anda berakhir. Naskah tersimpan di perangkat ini: masuk kembali di tab lain, lalu kembali ke sini dan simpan.');
            return;
        }
        if (response.status >= 500) {
            showBanner('Server sedang bermasalah. ' + bannerText);
            return;
        }
        // Refused (a field to correct, a conflict): the server's page says why; the copy stays until a save succeeds.
        native = true;
        HTMLFormElement.prototype.submit.call(form);
    }

    form.addEventListener('submit', function (e) {
        if (native) { return; }
        var submitter = e.submitter;
        clearTimeout(timer);
        if (submitter && submitter.hasAttribute('formaction')) {
            // The preview needs the server; offline it waits, and the text stays.
            if (!navigator.onLine) {
                e.preventDefault();
                keep(false);
                showBanner('Pratinjau memerlukan sambungan. Tersimpan di perangkat ini; akan dikirim saat tersambung kembali.');
            }
            return;
        }
        e.preventDefault();
        keep(true);
        send();
    });

    // Only the page that holds the typed text sends it: a copy not yet restored here is never overwritten by the server's.
    function retry() {
        var copy = read();
        if (copy && copy.pending && navigator.onLine && same(copy.values, values())) { send(); }
    }

    window.addEventListener('online', retry);
    window.addEventListener('offline', function () {
        var copy = read();
        if (copy && copy.pending) { showBanner(); }
    });
    setInterval(retry, 15000);
})();

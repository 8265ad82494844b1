// Drag and drop on the desk calendar: an entry the user may move is dropped on a day (keeping its time) or, in the
// day view, on an hour (keeping its minutes). The move is posted to the page's own "Pindahkan" handler with the
// antiforgery token, as the forms do; the page reloads to show the result. Without script the "Pindahkan" forms remain.
(function () {
    var page = document.querySelector('.calendar-page');
    if (!page) { return; }
    var message = document.getElementById('calendar-message');
    var tokenInput = document.querySelector('input[name="__RequestVerificationToken"]');
    var dragged = null;

    function say(text) {
        if (!message) { return; }
        message.textContent = text;
        message.hidden = false;
    }

    page.addEventListener('dragstart', function (e) {
        var link = e.target.closest ? e.target.closest('a.movable') : null;
        if (!link) { return; }
        dragged = link;
        e.dataTransfer.effectAllowed = 'move';
        e.dataTransfer.setData('text/plain', link.dataset.id);
    });
    page.addEventListener('dragend', function () { dragged = null; clearTargets(); });

    function targetOf(e) {
        var el = e.target.nodeType === 1 ? e.target : e.target.parentElement;
        return el ? el.closest('[data-drop-date]') : null;
    }

    function clearTargets() {
        page.querySelectorAll('.drop-target').forEach(function (t) { t.classList.remove('drop-target'); });
    }

    page.addEventListener('dragover', function (e) {
        var target = targetOf(e);
        if (!dragged || !target) { return; }
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
        clearTargets();
        target.classList.add('drop-target');
    });

    page.addEventListener('drop', function (e) {
        var target = targetOf(e);
        if (!dragged || !target) { return; }
        e.preventDefault();
        clearTargets();
        var start = dragged.dataset.start; // yyyy-MM-ddTHH:mm (WIB)
        var time = start.substring(11);
        if (target.dataset.dropHour) { time = target.dataset.dropHour + ':' + start.substring(14); }
        var moved = target.dataset.dropDate + 'T' + time;
        if (moved === start) { return; }
        var body = new URLSearchParams();
        body.append('id', dragged.dataset.id);
        body.append('mulai', moved);
        if (tokenInput) { body.append('__RequestVerificationToken', tokenInput.value); }
        say('Memindahkan…');
        fetch(page.dataset.moveUrl, {
            method: 'POST',
            credentials: 'same-origin',
            headers: { 'Accept': 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
            body: body.toString()
        }).then(function (response) {
            return response.json().then(function (answer) {
                if (response.ok && answer.ok) {
                    window.location.reload();
                } else {
                    say(answer.message || 'Jadwal tidak dapat dipindahkan.');
                }
            });
        }).catch(function () { say('Jadwal tidak dapat dipindahkan: sambungan terputus. Coba lagi.'); });
    });
})();

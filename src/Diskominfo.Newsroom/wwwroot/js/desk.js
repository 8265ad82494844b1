// The desk on a phone: the menu folds behind a button on narrow screens, and each table cell carries its column's
// heading so that a table read as stacked cards still says what each value is. Without the script the menu stays open
// and the tables are still readable.
(function () {
    'use strict';
    var toggle = document.querySelector('.menu-toggle');
    var nav = document.getElementById('menu-meja');
    if (toggle && nav) {
        document.documentElement.classList.add('js-menu');
        toggle.hidden = false;
        toggle.addEventListener('click', function () {
            var open = toggle.getAttribute('aria-expanded') !== 'true';
            toggle.setAttribute('aria-expanded', String(open));
            nav.classList.toggle('open', open);
        });
    }

    Array.prototype.forEach.call(document.querySelectorAll('main table'), function (table) {
        var headings = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) { return th.textContent.trim(); });
        if (headings.length === 0) { return; }
        table.classList.add('reflow');
        Array.prototype.forEach.call(table.querySelectorAll('tbody tr'), function (row) {
            Array.prototype.forEach.call(row.children, function (cell, i) {
                if (headings[i] && !cell.hasAttribute('data-label')) { cell.setAttribute('data-label', headings[i]); }
            });
        });
    });
})();

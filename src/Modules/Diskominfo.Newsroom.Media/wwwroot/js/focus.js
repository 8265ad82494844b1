// The focal point picker: a click on the photo fills in the two percentages and saves them.
(function () {
    var photo = document.getElementById('focus-photo');
    if (!photo) { return; }
    var mark = document.querySelector('.focus-mark');
    if (mark) {
        mark.style.left = mark.dataset.x + '%';
        mark.style.top = mark.dataset.y + '%';
    }
    photo.addEventListener('click', function (e) {
        var r = photo.getBoundingClientRect();
        document.getElementById('focus-x').value = (100 * (e.clientX - r.left) / r.width).toFixed(1);
        document.getElementById('focus-y').value = (100 * (e.clientY - r.top) / r.height).toFixed(1);
        photo.closest('form').submit();
    });
})();

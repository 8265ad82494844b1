// The adventorial form's budget warning, live as the PPTK types the cost, the budget line or the publication date:
// what remains of the year's adventorial budget and of the budget line (entered by the admin, without this order's own
// cost), and a warning when the cost passes it. It warns; the form is still sent.
(function () {
    "use strict";
    var note = document.getElementById("budget-note");
    if (!note) { return; }
    var remainders = JSON.parse(note.getAttribute("data-remainders") || "[]");
    var thisYear = parseInt(note.getAttribute("data-year"), 10);
    var cost = document.getElementById("Form_Cost");
    var lineInput = document.getElementById("Form_BudgetLine");
    var date = document.getElementById("Form_PublicationDate");
    var remaining = document.getElementById("budget-remaining");
    var warning = document.getElementById("budget-warning");
    var rupiah = function (n) { return (n < 0 ? "-Rp " : "Rp ") + Math.abs(n).toLocaleString("id-ID", { maximumFractionDigits: 0 }); };
    var key = function (s) { return (s || "").trim().toUpperCase(); };

    function update() {
        var year = date && date.value ? parseInt(date.value.substring(0, 4), 10) : thisYear;
        var code = key(lineInput ? lineInput.value : "");
        var total = remainders.find(function (r) { return r.year === year && r.line === null; });
        var line = code ? remainders.find(function (r) { return r.year === year && r.line !== null && key(r.line) === code; }) : null;
        if (!total && !line) {
            remaining.textContent = "Belum ada pagu adventorial tahun " + year + " yang dimasukkan admin.";
        } else {
            remaining.textContent = "Sisa pagu adventorial tahun " + year + (total ? ": " + rupiah(total.remaining) : "") +
                (line ? "; kode rekening " + line.line + ": " + rupiah(line.remaining) : "") + ".";
        }
        var value = cost && cost.value ? parseFloat(cost.value) : NaN;
        var over = [];
        if (!isNaN(value)) {
            if (total && value > total.remaining) { over.push("sisa pagu tahun " + year + " (" + rupiah(total.remaining) + ")"); }
            if (line && value > line.remaining) { over.push("sisa pagu kode rekening " + line.line + " (" + rupiah(line.remaining) + ")"); }
        }
        if (over.length > 0) {
            warning.textContent = "Peringatan: biaya " + rupiah(value) + " melebihi " + over.join(" dan ") + ". Adventorial tetap dapat disimpan; pastikan anggarannya tersedia.";
            warning.hidden = false;
        } else {
            warning.hidden = true;
            warning.textContent = "";
        }
    }

    [cost, lineInput, date].forEach(function (input) { if (input) { input.addEventListener("input", update); } });
})();

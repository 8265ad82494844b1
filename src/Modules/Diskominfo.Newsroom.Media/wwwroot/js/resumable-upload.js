// The desk's photo uploader: several photos, each made smaller in the browser (longest edge 2560 px, JPEG 0.85,
// turned upright by its EXIF orientation) unless "Kirim foto asli" is ticked, then sent in pieces with the tus 1.0.0
// protocol to /admin/unggahan. A dropped connection is waited out and the photo continues from the server's offset.
// Each photo has its own progress bar and, when refused, the server's own reason. Without this script the one-file
// form of the page does the work.
(function () {
    'use strict';
    var root = document.getElementById('kirim-foto');
    if (!root || !window.fetch || !window.XMLHttpRequest || !window.Blob) { return; }

    var TUS = '1.0.0';
    var LONGEST_EDGE = 2560;
    var QUALITY = 0.85;
    var CHUNK = 1024 * 1024;
    var endpoint = root.dataset.endpoint;
    var itemId = root.dataset.item;
    var maxBytes = Number(root.dataset.maxBytes);
    var tokenInput = document.querySelector('input[name="__RequestVerificationToken"]');
    var token = tokenInput ? tokenInput.value : '';
    var picker = document.getElementById('foto-pilih');
    var original = document.getElementById('foto-asli');
    var credit = document.getElementById('foto-fotografer');
    var list = document.getElementById('foto-daftar');
    var sendButton = document.getElementById('foto-kirim');
    var summary = document.getElementById('foto-ringkasan');
    var entries = [];
    var busy = false;

    root.hidden = false;
    var fallback = document.getElementById('unggah-satu');
    if (fallback && !fallback.hasAttribute('data-keep')) { fallback.hidden = true; }

    function megabytes(n) { return (n / 1024 / 1024).toLocaleString('id-ID', { maximumFractionDigits: 1 }) + ' MB'; }

    function base64(text) {
        var bytes = new TextEncoder().encode(text);
        var binary = '';
        for (var i = 0; i < bytes.length; i++) { binary += String.fromCharCode(bytes[i]); }
        return btoa(binary);
    }

    function sleep(ms) { return new Promise(function (resolve) { setTimeout(resolve, ms); }); }

    function waitForConnection() {
        if (navigator.onLine) { return Promise.resolve(); }
        return new Promise(function (resolve) { window.addEventListener('online', function () { resolve(); }, { once: true }); });
    }

    function RefusedError(message) { this.message = message; }

    // The server's reason from problem details (detail and field errors), never a bare "error".
    function reasonOf(status, text) {
        try {
            var problem = JSON.parse(text);
            var parts = [];
            if (problem.errors) {
                Object.keys(problem.errors).forEach(function (k) { parts = parts.concat(problem.errors[k]); });
            }
            if (parts.length === 0 && problem.detail) { parts.push(problem.detail); }
            if (parts.length === 0 && problem.title) { parts.push(problem.title); }
            if (parts.length > 0) { return parts.join(' '); }
        } catch (e) { /* not JSON */ }
        if (status === 401 || status === 302) { return 'Sesi Anda berakhir. Masuk kembali di tab lain, lalu kirim lagi; foto tetap di daftar.'; }
        if (status === 413) { return 'Foto terlalu besar untuk diterima server.'; }
        if (status === 429) { return 'Terlalu banyak unggahan dalam waktu singkat; tunggu beberapa menit lalu kirim lagi.'; }
        return 'Server menolak foto ini (status ' + status + ').';
    }

    function addEntry(file) {
        var index = entries.length + 1;
        var li = document.createElement('li');
        li.className = 'upload-item';
        var name = document.createElement('p');
        name.className = 'upload-name';
        name.textContent = 'Foto ' + index + ': ' + file.name + ' (' + megabytes(file.size) + ')';
        var captionLabel = document.createElement('label');
        captionLabel.htmlFor = 'foto-keterangan-' + index;
        captionLabel.textContent = 'Keterangan foto ' + index;
        var caption = document.createElement('input');
        caption.id = 'foto-keterangan-' + index;
        caption.maxLength = 1000;
        var progress = document.createElement('progress');
        progress.id = 'foto-kemajuan-' + index;
        progress.max = 100;
        progress.value = 0;
        var state = document.createElement('p');
        state.className = 'upload-state';
        state.id = 'foto-status-' + index;
        state.textContent = 'Menunggu dikirim';
        progress.setAttribute('aria-labelledby', name.id = 'foto-nama-' + index);
        progress.setAttribute('aria-describedby', state.id);
        var problem = document.createElement('p');
        problem.className = 'upload-error';
        problem.setAttribute('role', 'alert');
        li.append(name, captionLabel, caption, progress, state, problem);
        list.appendChild(li);
        var entry = { file: file, li: li, caption: caption, progress: progress, state: state, problem: problem, done: false, url: null };
        entries.push(entry);
        return entry;
    }

    picker.addEventListener('change', function () {
        Array.prototype.forEach.call(picker.files, addEntry);
        picker.value = '';
        sendButton.disabled = busy || entries.every(function (e) { return e.done; });
        summary.textContent = entries.length + ' foto dipilih.';
    });

    // Made smaller as a JPEG, upright; the file as it is when asked for, when already small, or when it cannot be read
    // (the server then says what is wrong with it).
    async function prepare(file) {
        if (original.checked || !window.createImageBitmap) { return file; }
        try {
            var bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
            var scale = Math.min(1, LONGEST_EDGE / Math.max(bitmap.width, bitmap.height));
            var canvas = document.createElement('canvas');
            canvas.width = Math.round(bitmap.width * scale);
            canvas.height = Math.round(bitmap.height * scale);
            canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
            if (bitmap.close) { bitmap.close(); }
            var blob = await new Promise(function (resolve) { canvas.toBlob(resolve, 'image/jpeg', QUALITY); });
            if (!blob || (scale === 1 && blob.size >= file.size && file.type === 'image/jpeg')) { return file; }
            return new File([blob], file.name.replace(/\.[^.]*$/, '') + '.jpg', { type: 'image/jpeg' });
        } catch (e) {
            return file;
        }
    }

    function request(method, url, headers, body, onProgress) {
        return new Promise(function (resolve, reject) {
            var xhr = new XMLHttpRequest();
            xhr.open(method, url);
            xhr.setRequestHeader('Tus-Resumable', TUS);
            xhr.setRequestHeader('RequestVerificationToken', token);
            Object.keys(headers).forEach(function (k) { xhr.setRequestHeader(k, headers[k]); });
            if (onProgress && xhr.upload) { xhr.upload.onprogress = function (e) { onProgress(e.loaded); }; }
            xhr.onload = function () { resolve(xhr); };
            xhr.onerror = xhr.onabort = xhr.ontimeout = function () { reject(new Error('network')); };
            xhr.send(body === undefined ? null : body);
        });
    }

    function show(entry, sent, total) {
        var percent = total > 0 ? Math.floor(100 * sent / total) : 0;
        entry.progress.value = percent;
        entry.state.textContent = 'Terkirim ' + percent + '% (' + megabytes(sent) + ' dari ' + megabytes(total) + ')';
    }

    async function offsetOf(entry) {
        var head = await request('HEAD', entry.url, {});
        if (head.status === 404 || head.status === 410) { entry.url = null; return 0; }
        if (head.status >= 400) { throw new RefusedError(reasonOf(head.status, '')); }
        if (head.getResponseHeader('Upload-Result') === 'refused') {
            throw new RefusedError(decodeURIComponent(head.getResponseHeader('Upload-Refusal') || ''));
        }
        return Number(head.getResponseHeader('Upload-Offset'));
    }

    async function create(entry, blob) {
        var metadata = [
            'itemId ' + base64(itemId),
            'filename ' + base64(blob.name || entry.file.name),
            'caption ' + base64(entry.caption.value.trim()),
            'credit ' + base64(credit.value.trim()),
            'filetype ' + base64(blob.type || 'application/octet-stream'),
        ].join(',');
        var created = await request('POST', endpoint, { 'Upload-Length': String(blob.size), 'Upload-Metadata': metadata });
        if (created.status !== 201) { throw new RefusedError(reasonOf(created.status, created.responseText)); }
        entry.url = created.getResponseHeader('Location');
    }

    async function send(entry) {
        entry.problem.textContent = '';
        entry.state.textContent = original.checked ? 'Menyiapkan foto asli' : 'Memperkecil foto';
        var blob = entry.blob || (entry.blob = await prepare(entry.file));
        if (blob.size > maxBytes) {
            throw new RefusedError('Foto ' + megabytes(blob.size) + ' melebihi batas ' + megabytes(maxBytes) + '.'
                + (original.checked ? ' Hapus centang "Kirim foto asli" agar foto diperkecil.' : ''));
        }
        var offset = 0;
        var waits = 0;
        while (true) {
            try {
                if (!entry.url) { await create(entry, blob); offset = 0; } else if (waits > 0) { offset = await offsetOf(entry); if (!entry.url) { continue; } }
                show(entry, offset, blob.size);
                var start = offset;
                var patch = await request('PATCH', entry.url,
                    { 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream' },
                    blob.slice(offset, Math.min(blob.size, offset + CHUNK)),
                    function (loaded) { show(entry, start + loaded, blob.size); });
                if (patch.status === 409 || patch.status === 423) { waits++; await sleep(1000); continue; }
                if (patch.status >= 400) { throw new RefusedError(reasonOf(patch.status, patch.responseText)); }
                offset = Number(patch.getResponseHeader('Upload-Offset'));
                waits = 0;
                if (offset >= blob.size) { return patch.getResponseHeader('Upload-Media-Id'); }
            } catch (e) {
                if (e instanceof RefusedError) { throw e; }
                // The connection dropped: wait for it, then ask the server where to go on from.
                waits++;
                entry.state.textContent = 'Sambungan terputus; menunggu untuk melanjutkan dari ' + megabytes(offset) + '.';
                await waitForConnection();
                await sleep(Math.min(15000, 500 * Math.pow(2, Math.min(waits, 5))));
            }
        }
    }

    sendButton.addEventListener('click', async function () {
        busy = true;
        sendButton.disabled = true;
        picker.disabled = true;
        var attached = 0;
        var refused = 0;
        for (var i = 0; i < entries.length; i++) {
            var entry = entries[i];
            if (entry.done) { continue; }
            try {
                await send(entry);
                entry.done = true;
                attached++;
                entry.progress.value = 100;
                entry.state.textContent = 'Terlampir pada naskah.';
                entry.caption.disabled = true;
                entry.li.classList.add('upload-done');
            } catch (e) {
                refused++;
                entry.state.textContent = 'Tidak terkirim.';
                entry.problem.textContent = e.message || 'Foto ini tidak dapat dikirim.';
                entry.blob = null;
                entry.url = null;
            }
        }
        busy = false;
        picker.disabled = false;
        sendButton.disabled = entries.every(function (e) { return e.done; });
        summary.textContent = attached + ' foto terlampir' + (refused > 0 ? ', ' + refused + ' ditolak (lihat alasannya di atas; naskah Anda tidak berubah).' : '.');
        root.dataset.finished = String(entries.filter(function (e) { return e.done; }).length);
    });
})();

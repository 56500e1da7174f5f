// The scanning page's camera. A button opens the camera and the first QR code read goes into the code
// field and the form is sent. The browser's own BarcodeDetector reads the frames where it exists;
// elsewhere (Firefox, Safari, desktop Chromium on Linux) the html5-qrcode decoder from its WebJar,
// loaded by this page only, does. With neither, or no camera, the button stays hidden and the code is
// typed. No inline script, no eval: the strict Content-Security-Policy holds.
(function () {
  var box = document.getElementById('scanner');
  if (!box || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    return;
  }
  if (!('BarcodeDetector' in window) && !window.Html5Qrcode) {
    return;
  }
  var start = document.getElementById('scan-start');
  var video = document.getElementById('scan-video');
  var region = document.getElementById('scan-region');
  var status = document.getElementById('scan-status');
  var input = document.getElementById('tagCode');
  var form = document.getElementById('handover-find-form');
  var done = false;
  box.hidden = false;

  function found(text) {
    if (done) {
      return;
    }
    done = true;
    input.value = text;
    form.submit();
  }

  function noCamera() {
    start.hidden = false;
    status.textContent = status.getAttribute('data-no-camera');
  }

  function nativeScan() {
    var detector = new window.BarcodeDetector({ formats: ['qr_code'] });
    navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } }).then(function (stream) {
      video.srcObject = stream;
      video.hidden = false;
      video.play();
      var tick = function () {
        detector.detect(video).then(function (codes) {
          if (codes.length > 0) {
            stream.getTracks().forEach(function (track) { track.stop(); });
            found(codes[0].rawValue);
          } else {
            window.requestAnimationFrame(tick);
          }
        }).catch(function () { window.requestAnimationFrame(tick); });
      };
      tick();
    }).catch(noCamera);
  }

  function fallbackScan() {
    box.setAttribute('data-decoder', 'html5-qrcode');
    region.hidden = false;
    var reader = new window.Html5Qrcode(region.id, {
      formatsToSupport: [window.Html5QrcodeSupportedFormats.QR_CODE], verbose: false
    });
    reader.start({ facingMode: 'environment' }, { fps: 8 }, function (text) {
      if (done) {
        return;
      }
      reader.stop().then(function () { found(text); }, function () { found(text); });
    }, function () { /* no code in this frame: keep looking */ }).catch(function () {
      region.hidden = true;
      noCamera();
    });
  }

  start.addEventListener('click', function () {
    start.hidden = true;
    status.textContent = '';
    // asked at the click, not at load: a browser may gain the detector (or a test may take it away)
    if ('BarcodeDetector' in window) {
      nativeScan();
    } else {
      fallbackScan();
    }
  });
})();

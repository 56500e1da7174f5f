// The handover desk's camera scanner: where the browser has BarcodeDetector, a button opens the
// camera, the first QR code read goes into the code field and the form is sent. Elsewhere the button
// stays hidden and the code is typed.
(function () {
  var box = document.getElementById('scanner');
  if (!box || !('BarcodeDetector' in window) || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    return;
  }
  var start = document.getElementById('scan-start');
  var video = document.getElementById('scan-video');
  var status = document.getElementById('scan-status');
  var input = document.getElementById('tagCode');
  var form = document.getElementById('handover-find-form');
  box.hidden = false;
  start.addEventListener('click', function () {
    var detector = new window.BarcodeDetector({ formats: ['qr_code'] });
    navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } }).then(function (stream) {
      video.srcObject = stream;
      video.hidden = false;
      start.hidden = true;
      video.play();
      var tick = function () {
        detector.detect(video).then(function (codes) {
          if (codes.length > 0) {
            stream.getTracks().forEach(function (track) { track.stop(); });
            input.value = codes[0].rawValue;
            form.submit();
          } else {
            window.requestAnimationFrame(tick);
          }
        }).catch(function () { window.requestAnimationFrame(tick); });
      };
      tick();
    }).catch(function () {
      status.textContent = status.getAttribute('data-no-camera');
    });
  });
})();

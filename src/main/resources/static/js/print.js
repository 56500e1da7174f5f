// The print button of the gift tag and the tree tag: the browser's own print dialogue.
document.querySelectorAll('[data-print]').forEach(function (button) {
  button.addEventListener('click', function () {
    window.print();
  });
});

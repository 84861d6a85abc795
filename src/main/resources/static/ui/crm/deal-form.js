// The deal form's product lines: a product fills in its price, rows can be added and removed.
// Without this script the form still offers its empty rows.
(function () {
  var table = document.getElementById('deal-lines-form');
  if (!table) {
    return;
  }
  var body = table.querySelector('tbody');
  var add = document.getElementById('add-line');
  add.hidden = false;
  body.querySelectorAll('.line-remove').forEach(function (b) { b.hidden = false; });

  body.addEventListener('change', function (event) {
    if (event.target.matches('.line-product')) {
      var option = event.target.selectedOptions[0];
      var row = event.target.closest('tr');
      var price = row.querySelector('.line-price');
      var quantity = row.querySelector('.line-quantity');
      if (option && option.dataset.price && !price.value) {
        price.value = option.dataset.price;
      }
      if (option && option.value && !quantity.value) {
        quantity.value = '1';
      }
    }
  });
  body.addEventListener('click', function (event) {
    if (event.target.matches('.line-remove')) {
      var row = event.target.closest('tr');
      row.querySelectorAll('input').forEach(function (i) { i.value = ''; });
      row.querySelectorAll('select').forEach(function (s) { s.value = ''; });
      row.hidden = true;
    }
  });
  add.addEventListener('click', function () {
    var rows = body.querySelectorAll('tr.line-row');
    var last = rows[rows.length - 1];
    var index = rows.length;
    var copy = last.cloneNode(true);
    copy.hidden = false;
    copy.dataset.line = String(index);
    copy.querySelectorAll('input, select').forEach(function (field) {
      field.name = field.name.replace(/lines\[\d+\]/, 'lines[' + index + ']');
      field.id = field.id.replace(/lines\d+/, 'lines' + index);
      field.value = '';
      field.classList.remove('is-invalid');
    });
    copy.querySelectorAll('.invalid-feedback').forEach(function (e) { e.remove(); });
    body.appendChild(copy);
  });
})();

// The order form: choosing a customer fills in the delivery address with the customer's address, unless someone
// typed another. Without this script a blank address is the customer's when the order is created.
(function () {
  var customer = document.getElementById('order-customer');
  var address = document.getElementById('order-delivery-address');
  if (!customer || !address) {
    return;
  }
  var filled = address.value;
  customer.addEventListener('change', function () {
    var option = customer.selectedOptions[0];
    if (address.value.trim() === '' || address.value === filled) {
      address.value = (option && option.dataset.address) ? option.dataset.address : '';
      filled = address.value;
    }
  });
})();

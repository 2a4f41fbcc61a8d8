// Mortgage arithmetic for the app's calculators: standard amortisation, no rounding until display.
(function () {
  'use strict';

  // Payment per dollar borrowed, per month, for an annual rate in percent over `years`.
  function paymentFactor(ratePct, years) {
    var n = years * 12;
    var r = ratePct / 100 / 12;
    return r === 0 ? 1 / n : r / (1 - Math.pow(1 + r, -n));
  }

  function payment(input) {
    var loan = input.price * (1 - input.downPct / 100);
    var pi = loan * paymentFactor(input.rate, input.years);
    var ti = input.price * input.taxPct / 100 / 12 + input.insurance / 12;
    return { loan: loan, principalAndInterest: pi, taxesAndInsurance: ti, total: pi + ti,
      totalInterest: pi * input.years * 12 - loan };
  }

  // The highest price whose payment (P&I + tax + insurance) fits 28% of income and 36% less other debts.
  function affordability(input) {
    var monthlyIncome = input.income / 12;
    var budget = Math.min(monthlyIncome * 0.28, monthlyIncome * 0.36 - input.debts);
    var f = paymentFactor(input.rate, 30);
    var tax = 0.011 / 12;
    var insurance = 1500 / 12;
    var price = (budget - insurance + input.down * f) / (f + tax);
    if (!(budget > insurance) || price <= input.down) {
      return { budget: Math.max(budget, 0), price: 0, loan: 0 };
    }
    return { budget: budget, price: price, loan: price - input.down };
  }

  // A number from a text field ("450,000", "$6.5") within [min, max], or an error message.
  function read(text, label, min, max) {
    var cleaned = String(text).replace(/[$,%\s]/g, '');
    if (cleaned === '') { return { error: label + ' is required.' }; }
    if (!/^\d+(\.\d+)?$/.test(cleaned)) { return { error: label + ' must be a number.' }; }
    var value = Number(cleaned);
    if (value < min || value > max) {
      return { error: label + ' must be between ' + min.toLocaleString('en-US') + ' and ' + max.toLocaleString('en-US') + '.' };
    }
    return { value: value };
  }

  window.RapportCalc = { payment: payment, affordability: affordability, read: read, paymentFactor: paymentFactor };
}());

// @ts-check
'use strict';

/**
 * The one order for every list the generator sorts. Not the machine's locale (String#localeCompare
 * without a locale): under da_DK or et_EE the same specs gave other bytes. en-US is the order n8n's
 * lint rules check options in on an English or C.UTF-8 machine, where CI runs.
 */
const collator = new Intl.Collator('en-US');

/** @type {(a: string, b: string) => number} */
const compareText = (a, b) => collator.compare(a, b);

/**
 * Comparator of objects by one text key.
 * @template {string} K
 * @param {K} key
 * @returns {(a: { [P in K]: string }, b: { [P in K]: string }) => number}
 */
const byText = (key) => (a, b) => compareText(a[key], b[key]);

module.exports = { compareText, byText };

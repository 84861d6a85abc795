/** The documents' REST API. */
package kz.prometric.erp.document.web;

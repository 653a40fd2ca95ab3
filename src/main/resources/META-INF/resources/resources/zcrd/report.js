/* 数据上报: "全选本页" in the select column's header ticks or clears every row of the page shown; it follows the
   rows when they are ticked one by one or the page changes (PrimeFaces re-renders the rows by ajax). A static file
   (the pages' Content-Security-Policy allows no inline handlers). What is reported is decided on the server. */
(function () {
    'use strict';
    function picks() {
        return Array.prototype.slice.call(document.querySelectorAll('input.report-pick'));
    }
    function sync() {
        var all = document.getElementById('report-select-page');
        if (all) {
            var rows = picks();
            all.checked = rows.length > 0 && rows.every(function (c) { return c.checked; });
        }
    }
    document.addEventListener('change', function (event) {
        var target = event.target;
        if (target.id === 'report-select-page') {
            picks().forEach(function (c) { c.checked = target.checked; });
        } else if (target.classList && target.classList.contains('report-pick')) {
            sync();
        }
    });
    document.addEventListener('DOMContentLoaded', sync);
    if (window.jQuery) {
        window.jQuery(document).on('pfAjaxComplete', sync);
    }
}());

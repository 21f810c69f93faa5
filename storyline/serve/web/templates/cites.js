// Citations: hover shows the cited passage; a click or tap (or Enter) keeps it open; Escape closes.
(function () {
  function closeAll(except) {
    document.querySelectorAll('.cite.open').forEach(function (c) {
      if (c !== except) { c.classList.remove('open'); c.setAttribute('aria-expanded', 'false'); }
    });
  }
  function toggle(c) {
    var open = !c.classList.contains('open');
    closeAll(c);
    c.classList.toggle('open', open);
    c.setAttribute('aria-expanded', open ? 'true' : 'false');
  }
  document.addEventListener('click', function (ev) {
    var c = ev.target.closest ? ev.target.closest('.cite') : null;
    if (!c) { closeAll(null); return; }
    if (ev.target.closest('.pop a')) { return; }  // the link to the passage in its article
    ev.preventDefault();
    toggle(c);
  });
  document.addEventListener('keydown', function (ev) {
    if (ev.key === 'Escape') { closeAll(null); return; }
    var c = document.activeElement;
    if ((ev.key === 'Enter' || ev.key === ' ') && c && c.classList && c.classList.contains('cite')) {
      ev.preventDefault();
      toggle(c);
    }
  });
})();

/** The story page's inline stylesheet (screen and print) and script (selection, explanation panel, step-through mode). */

/** Screen and print CSS. Decisions differ by colour AND shape AND glyph, so the page reads in greyscale and on paper. */
export const STORY_CSS = `
:root{--allow:#1a7f37;--explicit:#b42318;--implicit:#9a6700;--other:#4b5563;--fail:#d00;--bg:#fff;--fg:#1f2328;--muted:#59636e;--line:#d0d7de;--weekend:#eef1f5;--window:#dbeafe}
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
header{padding:16px 24px;border-bottom:1px solid var(--line)}
h1{margin:0 0 4px;font-size:22px}
.muted{color:var(--muted)}
.summary{display:flex;gap:12px;flex-wrap:wrap;align-items:center;margin-top:8px}
.badge{display:inline-block;padding:2px 8px;border-radius:10px;border:1px solid var(--line);font-size:13px}
.badge.ok{border-color:var(--allow);color:var(--allow)}
.badge.bad{border-color:var(--fail);color:var(--fail);font-weight:700}
button{font:inherit;cursor:pointer}
.legend{display:flex;gap:14px;flex-wrap:wrap;font-size:13px;padding:6px 24px;align-items:center}
.legend .mark{position:static;display:inline-flex;vertical-align:middle;margin-right:4px}
#timeline{overflow-x:auto;padding:4px 24px 12px;border-bottom:1px solid var(--line)}
.days{display:flex;align-items:stretch;min-width:max-content}
.day{position:relative;border-left:1px solid var(--line);flex:none}
.day.weekend{background:var(--weekend)}
.day .dh{font-size:12px;padding:2px 4px;white-space:nowrap;overflow:hidden;height:20px}
.day.weekend .dh::after{content:" weekend";color:var(--muted)}
.day.fill .dh{font-size:11px}
.track{position:relative}
.hour{position:absolute;top:0;bottom:0;border-left:1px dotted var(--line);font-size:10px;color:var(--muted);padding-left:2px}
.window{position:absolute;top:0;bottom:0;background:var(--window);border-left:2px solid #3b82f6;border-right:2px solid #3b82f6}
.window span{position:absolute;bottom:1px;left:3px;font-size:10px;color:#1e40af;white-space:nowrap}
.tick{position:absolute;bottom:0;width:2px;height:8px;background:#3b82f6}
.tick.failed{background:var(--fail);height:12px}
.gap{flex:none;display:flex;align-items:center;justify-content:center;text-align:center;font-size:11px;color:var(--muted);border-left:1px dashed var(--line);background:repeating-linear-gradient(135deg,#fff,#fff 6px,#f3f4f6 6px,#f3f4f6 12px)}
.mark{position:absolute;width:22px;height:22px;margin-left:-11px;display:flex;align-items:center;justify-content:center;border:2px solid #fff;color:#fff;font-weight:700;font-size:13px;padding:0;line-height:1}
.mark.allow{background:var(--allow);border-radius:50%}
.mark.explicit{background:var(--explicit);border-radius:2px}
.mark.implicit{background:var(--implicit);transform:rotate(45deg) scale(.85)}
.mark.implicit .g{transform:rotate(-45deg)}
.mark.other{background:var(--other);border-radius:6px;font-size:11px}
.mark.missed{outline:3px solid var(--fail);outline-offset:2px;z-index:2;box-shadow:0 0 0 6px rgba(221,0,0,.25)}
.mark.missed::after{content:"!";position:absolute;top:-12px;right:-10px;background:var(--fail);color:#fff;border-radius:50%;width:14px;height:14px;font-size:10px;display:flex;align-items:center;justify-content:center}
.mark.selected{outline:3px solid #111;outline-offset:3px}
.layout{display:grid;grid-template-columns:minmax(0,1fr) minmax(320px,42%);gap:0}
#steps{list-style:none;margin:0;padding:8px 24px 40px}
.step{border-left:4px solid var(--line);padding:6px 10px;margin:6px 0;scroll-margin:80px}
.step.fail{border-left-color:var(--fail);background:#fff5f5}
.step.selected{background:#f0f6ff;border-left-color:#0969da}
.step.current{box-shadow:0 0 0 2px #0969da}
.step .when{font-size:12px;color:var(--muted)}
.step .title{font-weight:600}
.step.kind-note{border-left-color:#8250df;font-style:italic}
.step .res{margin-left:2px}
.status{font-weight:700}
.status.pass{color:var(--allow)}
.status.fail{color:var(--fail)}
.exp{font-size:13px;margin:4px 0 0;padding-left:18px}
.exp li.no{color:var(--fail);font-weight:600}
.findings,.diff{font-size:13px;margin:4px 0;padding:6px 8px;background:#f6f8fa;border-radius:4px;list-style:none}
.diff{font-family:ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap;word-break:break-all}
.diff .add{color:#116329;background:#dafbe1}.diff .del{color:#82071e;background:#ffebe9}.diff .chg{color:#6f4b00;background:#fff8c5}
.sev{display:inline-block;min-width:58px;font-size:11px;font-weight:700;text-transform:uppercase}
.sev-critical,.sev-high{color:var(--explicit)}.sev-medium{color:var(--implicit)}.sev-low{color:var(--muted)}
.explain-btn{font-size:12px;margin-top:4px;padding:1px 8px;border:1px solid var(--line);background:#fff;border-radius:4px}
.explain-src{display:none}
#panel{position:sticky;top:0;align-self:start;max-height:100vh;overflow:auto;border-left:1px solid var(--line);padding:12px 16px}
#panel h3{margin:0 0 6px;font-size:16px}
.explanation h4{margin:10px 0 4px;font-size:13px;text-transform:uppercase;color:var(--muted)}
.stmts,.flow{padding-left:18px;margin:0;font-size:13px}
.stmt{margin:4px 0}.stmt.deciding{background:#dafbe1}
.pk,.eff,.tag{font-size:11px;border:1px solid var(--line);border-radius:8px;padding:0 5px}
.m.ok{color:var(--allow)}.m.no{color:var(--explicit)}
table{border-collapse:collapse;font-size:12px;margin:4px 0}
th,td{border:1px solid var(--line);padding:2px 6px;text-align:left;vertical-align:top}
tr.cond-no td{background:#ffebe9}tr.cond-ok td{background:#f0fff4}
.flow-deny .out,.flow-allow .out{font-weight:700}
#stage{position:fixed;inset:0;background:rgba(13,17,23,.94);color:#fff;display:flex;flex-direction:column;justify-content:center;padding:6vh 8vw;z-index:10}
#stage[hidden]{display:none}
#stage .count{font-size:16px;opacity:.8}
#stage .narration{font-size:clamp(24px,3.6vw,44px);line-height:1.3;margin:16px 0;max-width:60ch}
#stage .sub{font-size:20px;opacity:.9}
#stage .keys{position:absolute;bottom:16px;right:24px;font-size:13px;opacity:.7}
@media print{
  #panel,#stage,.legend button,.explain-btn,#start{display:none!important}
  .layout{display:block}
  #timeline{overflow:visible}
  .days{flex-wrap:wrap;min-width:0}
  .explain-src{display:block;border-top:1px dashed var(--line);margin-top:4px}
  .step{break-inside:avoid}
  body{font-size:11pt}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`;

/** The page script: click a mark or a step to explain it; arrow keys step through with the narration large on screen. */
export const STORY_JS = `
(function(){
  'use strict';
  var steps = Array.prototype.slice.call(document.querySelectorAll('#steps > li.step'));
  var panel = document.getElementById('panel');
  var stage = document.getElementById('stage');
  var current = -1;
  function byIndex(i){ return document.getElementById('step-' + i); }
  function select(i, scroll){
    var li = byIndex(i); if (!li) return;
    document.querySelectorAll('.selected').forEach(function(n){ n.classList.remove('selected'); });
    li.classList.add('selected');
    var mark = document.querySelector('.mark[data-step="' + i + '"]'); if (mark) mark.classList.add('selected');
    var src = li.querySelector('.explain-src');
    panel.innerHTML = '<h3>' + li.querySelector('.title').innerHTML + '</h3><p class="muted">' + li.querySelector('.when').textContent + '</p>' +
      '<p>' + li.querySelector('.res').innerHTML + '</p>' + (src ? src.innerHTML : '<p class="muted">No decision to explain for this step.</p>');
    panel.setAttribute('data-step', String(i));
    if (scroll && li.scrollIntoView) li.scrollIntoView({block: 'nearest'});
  }
  document.addEventListener('click', function(ev){
    var t = ev.target; if (!(t instanceof Element)) return;
    var hit = t.closest('[data-step]');
    if (hit && !hit.closest('#panel')) { select(Number(hit.getAttribute('data-step')), true); }
    if (t.closest('#start')) { show(current < 0 ? 0 : current); }
  });
  function show(pos){
    if (steps.length === 0) return;
    current = Math.max(0, Math.min(steps.length - 1, pos));
    var li = steps[current];
    document.querySelectorAll('.current').forEach(function(n){ n.classList.remove('current'); });
    li.classList.add('current');
    var i = Number(li.getAttribute('data-step'));
    select(i, true);
    var note = li.getAttribute('data-note');
    stage.querySelector('.count').textContent = 'Step ' + (current + 1) + ' of ' + steps.length + ' · ' + li.querySelector('.when').textContent;
    stage.querySelector('.narration').textContent = note || li.querySelector('.title').textContent;
    stage.querySelector('.sub').textContent = note ? '' : li.querySelector('.res').textContent;
    stage.hidden = false;
    stage.setAttribute('data-step', String(i));
  }
  document.addEventListener('keydown', function(ev){
    if (ev.key === 'ArrowRight' || ev.key === 'ArrowDown' || ev.key === 'PageDown' || ev.key === ' ') { ev.preventDefault(); show(current + 1); }
    else if (ev.key === 'ArrowLeft' || ev.key === 'ArrowUp' || ev.key === 'PageUp') { ev.preventDefault(); show(current - 1); }
    else if (ev.key === 'Home') { ev.preventDefault(); show(0); }
    else if (ev.key === 'End') { ev.preventDefault(); show(steps.length - 1); }
    else if (ev.key === 'Escape') { stage.hidden = true; }
  });
  stage.addEventListener('click', function(){ stage.hidden = true; });
  var firstFail = document.querySelector('#steps > li.step.fail');
  if (firstFail) select(Number(firstFail.getAttribute('data-step')), false);
})();
`;

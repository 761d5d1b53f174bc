"""The chat's look: colours that keep WCAG AA contrast (>= 4.5:1) in light and dark mode, the phone layout,
and the small scripts that keep a new reply's start in view and tidy a shared '?q=' link."""

from __future__ import annotations

# Every coloured background sets its own text colour, in both schemes (Gradio puts .dark on the page in dark mode).
# One selector per rule: Gradio scopes custom CSS, and a '.dark A, .dark B' list loses its second half.
CSS = """
.fqa-reply, .fqa-source { font-size: 15px; line-height: 1.6; }
.fqa-answer { margin-bottom: .5em; }
.fqa-heading { font-weight: 600; margin: .4em 0 .2em; }
.fqa-term { color: #92400e; font-weight: 700; }
.fqa-support { background: #fef08a; color: #1f2937; padding: 0 .1em; }
.fqa-support .fqa-term { color: #7c2d12; }
.fqa-passage { border-left: 3px solid #60a5fa; padding: .2em .6em; margin: .4em 0; }
.fqa-cite { font-size: 13px; color: #1e3a8a; }
.fqa-num, .fqa-ref { font-weight: 700; }
.fqa-abstain { color: #9a3412; }
.fqa-understood { font-size: 13px; color: #1e3a8a; background: #dbeafe; padding: .1em .4em; border-radius: 4px;
  margin-bottom: .3em; }
.fqa-filters { font-size: 13px; color: #78350f; background: #fef3c7; padding: .1em .4em; border-radius: 4px;
  margin-bottom: .3em; }
.fqa-notice, .fqa-meta { font-size: 12px; color: #4b5563; }
.fqa-meta a.fqa-share { color: #1d4ed8; }
.fqa-error { color: #b91c1c; }
.fqa-src-title { font-weight: 600; margin-bottom: .3em; }
.fqa-page { font-weight: 600; color: #4b5563; border-top: 1px solid #e5e7eb; margin: .25em 0; }
.dark .fqa-page { color: #d4d4d8; border-top-color: #3f3f46; }
.fqa-src > summary { cursor: pointer; font-size: 13px; color: #1e40af; }
.fqa-src[open] > summary { margin-bottom: .2em; }
.fqa-lines-box { font-family: ui-monospace, monospace; font-size: 13px; max-height: 520px; overflow-y: auto; }
.fqa-src .fqa-lines-box { max-height: 320px; }
.fqa-line { display: flex; gap: .5em; white-space: pre-wrap; }
.fqa-ln { color: #4b5563; min-width: 3em; text-align: right; user-select: none; }
.fqa-mark { color: #1d4ed8; width: 1em; }
.fqa-cited { background: #eff6ff; color: #111827; }
.fqa-support-line { background: #fef9c3; color: #111827; }
.dark .fqa-term { color: #fcd34d; }
.dark .fqa-support { background: #713f12; color: #fefce8; }
.dark .fqa-support .fqa-term { color: #fde68a; }
.dark .fqa-passage { border-left-color: #3b82f6; }
.dark .fqa-cite { color: #93c5fd; }
.dark .fqa-abstain { color: #fdba74; }
.dark .fqa-understood { color: #dbeafe; background: #1e3a8a; }
.dark .fqa-filters { color: #fef3c7; background: #78350f; }
.dark .fqa-notice { color: #d4d4d8; }
.dark .fqa-meta { color: #d4d4d8; }
.dark .fqa-meta a.fqa-share { color: #93c5fd; }
.dark .fqa-error { color: #fca5a5; }
.dark .fqa-src > summary { color: #93c5fd; }
.dark .fqa-ln { color: #d4d4d8; }
.dark .fqa-mark { color: #93c5fd; }
.dark .fqa-cited { background: #172554; color: #f4f4f5; }
.dark .fqa-support-line { background: #422006; color: #fefce8; }
#fqa-chat .message-row { scroll-margin-top: 44px; }
#fqa-send { background: #c2410c !important; border-color: #c2410c !important; color: #ffffff !important; }
#fqa-send:hover { background: #9a3412 !important; border-color: #9a3412 !important; }
#fqa-k .min_value { color: #52525b; }
#fqa-k .max_value { color: #52525b; }
.dark #fqa-k .min_value { color: #d4d4d8; }
.dark #fqa-k .max_value { color: #d4d4d8; }
footer .show-api { color: #52525b !important; }
footer .divider { color: #52525b !important; }
.dark footer .show-api { color: #d4d4d8 !important; }
.dark footer .divider { color: #d4d4d8 !important; }
@media (max-width: 480px) {
  #fqa-citations { display: none !important; }
  #fqa-viewer { display: none !important; }
}
"""

# After a reply: bring the last question (and the answer line under it) to the top, in the chat and in the page.
SCROLL_JS = """
() => {
  const show = () => {
    const all = document.querySelectorAll('#fqa-chat .fqa-question');
    if (!all.length) return false;
    const last = all[all.length - 1];
    const row = last.closest('.message-row') || last.closest('.message-wrap > div') || last;
    row.scrollIntoView({block: 'start', inline: 'nearest'});
    return true;
  };
  let tries = 0;
  const again = () => { show(); if (++tries < 6) setTimeout(again, 120); };
  requestAnimationFrame(again);
}
"""

# A '?q=' link has asked its question: take it out of the address, so a reload does not ask it again.
STRIP_QUERY_JS = """
() => {
  const url = new URL(window.location.href);
  if (url.searchParams.has('q')) { url.searchParams.delete('q'); window.history.replaceState(null, '', url); }
  const all = document.querySelectorAll('#fqa-chat .fqa-question');
  if (all.length) setTimeout(() => all[all.length - 1].scrollIntoView({block: 'start'}), 150);
}
"""

// PageLayoutBrowserIT: what a user would see as broken layout on the page shown, one line per problem.
// Run by WebDriver's executeScript; returns an array of strings (empty: the page holds).
const problems = [];
const han = /\p{Script=Han}/gu;
const number = /[1-9]\d{16}[\dXx]|ZC\d{16}/g;
const when = /\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}(?::\d{2})?)?/g;

function describe(el) {
  let s = el.tagName.toLowerCase();
  if (el.id) {
    s += '#' + el.id;
  } else if (typeof el.className === 'string' && el.className.trim()) {
    s += '.' + el.className.trim().split(/\s+/).slice(0, 3).join('.');
  }
  const parent = el.parentElement;
  if (!el.id && parent && parent.id) {
    s = parent.tagName.toLowerCase() + '#' + parent.id + ' > ' + s;
  }
  return s;
}

function visible(el) {
  if (!el || !el.getClientRects().length) return false;
  const style = getComputedStyle(el);
  return style.visibility !== 'hidden' && style.display !== 'none';
}

// the number of line boxes the rectangles of one piece of text lie on (rectangles of one line overlap vertically)
function lines(rects) {
  const sorted = Array.from(rects).filter(r => r.width > 0.5 && r.height > 0.5).sort((a, b) => a.top - b.top);
  let count = 0;
  let bottom = -Infinity;
  for (const r of sorted) {
    if (r.top >= bottom - 2) {
      count++;
      bottom = r.bottom;
    } else {
      bottom = Math.max(bottom, r.bottom);
    }
  }
  return count;
}

function rangeOf(node, start, end) {
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, end);
  return range;
}

// 1. short Chinese texts (labels, buttons, headers, menu entries, short cells) must stay on one line
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
const skip = new Set(['SCRIPT', 'STYLE', 'OPTION', 'TEXTAREA', 'NOSCRIPT', 'TITLE']);
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  const parent = node.parentElement;
  if (!parent || skip.has(parent.tagName)) continue;
  const data = node.data;
  const text = data.trim();
  if (!text) continue;
  const start = data.search(/\S/);
  const end = start + text.length;
  const chinese = (text.match(han) || []).length;
  if (chinese >= 1 && chinese <= 8 && text.length <= 16 && visible(parent)) {
    const n = lines(rangeOf(node, start, end).getClientRects());
    if (n > 1) {
      problems.push('broken over ' + n + ' lines: ' + describe(parent) + ' "' + text + '"');
    }
  }
  // dates and times (2026-07-01 09:30:00) on one line
  for (const match of data.matchAll(when)) {
    if (!visible(parent)) break;
    if (lines(rangeOf(node, match.index, match.index + match[0].length).getClientRects()) > 1) {
      problems.push('date broken over lines: ' + describe(parent) + ' "' + match[0] + '"');
    }
  }
  // 2. ID numbers and certificate numbers: whole, on one line, not cut off by a box that hides its overflow
  for (const match of data.matchAll(number)) {
    if (!visible(parent)) break;
    const range = rangeOf(node, match.index, match.index + match[0].length);
    const rects = range.getClientRects();
    if (lines(rects) > 1) {
      problems.push('number broken over lines: ' + describe(parent) + ' "' + match[0] + '"');
    }
    const box = range.getBoundingClientRect();
    for (let up = parent; up && up !== document.body; up = up.parentElement) {
      const style = getComputedStyle(up);
      if (style.overflowX === 'hidden' || style.overflowX === 'clip') {
        const frame = up.getBoundingClientRect();
        const left = frame.left + up.clientLeft;
        const right = left + up.clientWidth;
        if (box.right > right + 1 || box.left < left - 1) {
          problems.push('number clipped by ' + describe(up) + ': ' + describe(parent) + ' "' + match[0] + '"');
          break;
        }
      }
    }
  }
}

// 3. inputs showing a number, and selects, wide enough for what they show
const canvas = document.createElement('canvas').getContext('2d');
function textWidth(el, text) {
  const style = getComputedStyle(el);
  canvas.font = style.fontWeight + ' ' + style.fontSize + ' ' + style.fontFamily;
  return canvas.measureText(text).width;
}
for (const input of document.querySelectorAll('input[type=text], input:not([type])')) {
  if (!visible(input)) continue;
  const value = input.value || '';
  if (value.match(number) && input.scrollWidth > input.clientWidth + 1) {
    problems.push('number clipped in ' + describe(input) + ' "' + value + '"');
  }
}
for (const select of document.querySelectorAll('select')) {
  if (!visible(select) || select.multiple || select.selectedIndex < 0) continue;
  const shown = select.options[select.selectedIndex].text.trim();
  const style = getComputedStyle(select);
  const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
  // the drop-down arrow takes about 20 px
  if ((shown.match(han) || []).length > 0 && textWidth(select, shown) + padding + 20 > select.clientWidth + 1) {
    problems.push('select too narrow for "' + shown + '": ' + describe(select) + ' ' + select.clientWidth + 'px');
  }
}

// 4. radio buttons and their labels side by side
for (const radio of document.querySelectorAll('input[type=radio]')) {
  const box = radio.closest('.ui-radiobutton') || radio;
  if (!visible(box) || !radio.id) continue;
  const label = document.querySelector('label[for="' + CSS.escape(radio.id) + '"]');
  if (!label || !visible(label)) continue;
  const b = box.getBoundingClientRect();
  const l = label.getBoundingClientRect();
  const gap = l.left - b.right;
  const apart = Math.abs((l.top + l.bottom) / 2 - (b.top + b.bottom) / 2);
  if (gap < -1 || gap > 16 || apart > 12) {
    problems.push('radio label apart from its button (' + Math.round(gap) + 'px): ' + describe(label) + ' "'
        + label.textContent.trim() + '"');
  }
}

// 5. buttons: the theme's colours (no blue), one height side by side
const buttons = Array.from(document.querySelectorAll(
    'button, input[type=submit], input[type=button], a.zcrd-button, a.ui-button')).filter(visible)
    .filter(b => !b.closest('.ui-datepicker, .ui-datepicker-panel'));
for (const button of buttons) {
  const rgb = (getComputedStyle(button).backgroundColor.match(/[\d.]+/g) || []).map(Number);
  if (rgb.length >= 3 && (rgb.length < 4 || rgb[3] > 0) && rgb[2] > rgb[0] + 40) {
    problems.push('blue button: ' + describe(button) + ' "' + (button.textContent || button.value).trim() + '"');
  }
}
const byParent = new Map();
for (const button of buttons) {
  if (button.classList.contains('zcrd-link-button')) continue;
  const list = byParent.get(button.parentElement) || [];
  list.push(button);
  byParent.set(button.parentElement, list);
}
for (const list of byParent.values()) {
  for (let i = 1; i < list.length; i++) {
    const a = list[i - 1].getBoundingClientRect();
    const b = list[i].getBoundingClientRect();
    const sameLine = Math.abs((a.top + a.bottom) / 2 - (b.top + b.bottom) / 2) < a.height / 2;
    if (sameLine && Math.abs(a.height - b.height) > 2) {
      problems.push('buttons of different heights side by side (' + Math.round(a.height) + 'px, '
          + Math.round(b.height) + 'px): ' + describe(list[i - 1]) + ', ' + describe(list[i]));
    }
  }
}
return problems;

'use strict';
// Shared readline helpers: CSI builds ANSI control sequences (as a tagged
// template: CSI`${n}G`), with the clear sequences as constants.

const kEscape = '\x1b';

function CSI(strings, ...args) {
  let out = `${kEscape}[`;
  for (let i = 0; i < strings.length; i++) {
    out += strings[i];
    if (i < args.length) out += args[i];
  }
  return out;
}

CSI.kEscape = kEscape;
CSI.kClearToLineBeginning = CSI`1K`;
CSI.kClearToLineEnd = CSI`0K`;
CSI.kClearLine = CSI`2K`;
CSI.kClearScreenDown = CSI`0J`;

// charLengthLeft/At: how many UTF-16 code units the character before/at
// index i of str takes.
function charLengthLeft(str, i) {
  if (i <= 0) return 0;
  const c = str.charCodeAt(i - 1);
  if (i > 1 && c >= 0xdc00 && c <= 0xdfff) {
    const h = str.charCodeAt(i - 2);
    if (h >= 0xd800 && h <= 0xdbff) return 2;
  }
  return 1;
}

function charLengthAt(str, i) {
  if (str.length <= i) return 1;
  return str.codePointAt(i) >= 0x10000 ? 2 : 1;
}

// isSpace and isWord: the code units that a RegExp's \s and \w match.
function isSpace(c) {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 ||
    c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function isWord(c) {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
}

// wordLeftLength returns how many code units at the end of str the word
// before the cursor takes: trailing white space, and before it a run of
// word characters or a run of other non-space characters (the match of
// /(?:[^\w\s]+|\w+|)\s*$/, found in one backward pass: the RegExp
// retries from every position and is quadratic on long white space).
function wordLeftLength(str) {
  let i = str.length;
  while (i > 0 && isSpace(str.charCodeAt(i - 1))) i--;
  if (i > 0) {
    const word = isWord(str.charCodeAt(i - 1));
    while (i > 0) {
      const c = str.charCodeAt(i - 1);
      if (word ? !isWord(c) : isWord(c) || isSpace(c)) break;
      i--;
    }
  }
  return str.length - i;
}

module.exports = { CSI, kEscape, charLengthAt, charLengthLeft, wordLeftLength };

'use strict';

// Helpers of the REPL: deciding whether a syntax error means "the input
// is not finished yet", and rewriting input that uses top-level await.

// scan walks code roughly as a tokenizer would and reports the state at
// the end: how many brackets are still open, and whether the end falls
// inside a template literal, a block comment or a one-line string.
function scan(code) {
  let depth = 0;
  const stack = []; // '`' for template, '{' '(' '[' for brackets
  let i = 0;
  const n = code.length;
  let inPlainString = false;
  let inComment = false;
  let inTemplate = false;
  while (i < n) {
    const c = code[i];
    const top = stack[stack.length - 1];
    if (top === '`') {
      if (c === '\\') { i += 2; continue; }
      if (c === '`') { stack.pop(); i++; continue; }
      if (c === '$' && code[i + 1] === '{') { stack.push('${'); i += 2; continue; }
      i++;
      continue;
    }
    if (c === '/' && code[i + 1] === '/') {
      while (i < n && code[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && code[i + 1] === '*') {
      const end = code.indexOf('*/', i + 2);
      if (end === -1) { inComment = true; break; }
      i = end + 2;
      continue;
    }
    if (c === '\'' || c === '"') {
      let j = i + 1;
      let closed = false;
      while (j < n) {
        if (code[j] === '\\') { j += 2; continue; }
        if (code[j] === c) { closed = true; break; }
        if (code[j] === '\n') break;
        j++;
      }
      if (!closed) { inPlainString = true; break; }
      i = j + 1;
      continue;
    }
    if (c === '`') { stack.push('`'); i++; continue; }
    if (c === '(' || c === '[' || c === '{') { stack.push(c); i++; continue; }
    if (c === ')' || c === ']' || c === '}') {
      if (top === '${' && c === '}') { stack.pop(); i++; continue; }
      if (stack.length) stack.pop();
      i++;
      continue;
    }
    i++;
  }
  for (const s of stack) {
    if (s === '`') inTemplate = true;
    else depth++;
  }
  return { depth, inTemplate, inComment, inPlainString };
}

// isRecoverableError tells whether err, a SyntaxError from compiling
// code, comes from input that is merely incomplete, so that more lines
// may finish it.
function isRecoverableError(err, code) {
  if (err === null || typeof err !== 'object' || err.name !== 'SyntaxError') return false;
  const st = scan(code);
  if (st.inPlainString) return false;
  if (st.inTemplate || st.inComment || st.depth > 0) return true;
  const msg = String(err.message);
  return /unexpected end of (?:input|script|file)/i.test(msg) || /: ''$/.test(msg);
}

const kIdent = /^[A-Za-z_$][\w$]*$/;

// Splits code at top-level semicolons and newlines that end statements
// (brackets and strings respected), so that declarations can be found.
function splitTopLevel(code) {
  const parts = [];
  let start = 0;
  for (let i = 0; i <= code.length; i++) {
    if (i === code.length || code[i] === ';' || code[i] === '\n') {
      const head = code.slice(start, i + 1);
      const st = scan(head);
      if (i === code.length || (st.depth === 0 && !st.inTemplate && !st.inComment && !st.inPlainString)) {
        parts.push(head);
        start = i + 1;
      }
    }
  }
  return parts.filter((p) => p.length > 0);
}

// wrapAwait rewrites code that uses top-level await into an async
// function call. It returns null when the code does not need it. The
// result is [source, isExpression]: an expression's value is the
// completion value; otherwise simple top-level `let`, `const` and `var`
// declarations become assignments to globals, so they outlive the call.
function wrapAwait(code) {
  if (!/\bawait\b/.test(code)) return null;
  const exprSource = `(async () => { return (\n${code.replace(/;\s*$/, '')}\n); })()`;
  const stmts = splitTopLevel(code).map((s) => {
    const m = /^(\s*)(?:let|const|var)\s+([\s\S]*)$/.exec(s);
    if (m === null) return s;
    const body = m[2];
    const id = /^([A-Za-z_$][\w$]*)\s*(=|;|\n|$)/.exec(body);
    if (id !== null && kIdent.test(id[1])) {
      if (id[2] === '=') return `${m[1]}void (globalThis.${id[1]} = ${body.slice(id[0].length).replace(/;?\s*$/, '')});\n`;
      return `${m[1]}void (globalThis.${id[1]} = undefined);\n`;
    }
    // Destructuring: assign through a parenthesised pattern.
    const eq = body.indexOf('=');
    if (eq > 0) return `${m[1]}void (${body.slice(0, eq)} = ${body.slice(eq + 1).replace(/;?\s*$/, '')});\n`;
    return s;
  });
  // The last statement's value is the completion value when it is an
  // expression statement.
  let last = stmts.length - 1;
  while (last >= 0 && stmts[last].trim() === '') last--;
  if (last >= 0) {
    const t = stmts[last].trim().replace(/;$/, '');
    if (t !== '' && !/^(?:void\s|if\b|for\b|while\b|do\b|try\b|switch\b|function\b|async\s+function\b|class\b|return\b|throw\b|\{|let\b|const\b|var\b)/.test(t)) {
      stmts[last] = `return (${t});\n`;
    }
  }
  const stmtSource = `(async () => {\n${stmts.join('')}\n})()`;
  return { exprSource, stmtSource };
}

module.exports = { scan, isRecoverableError, wrapAwait };

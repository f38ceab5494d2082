const e = new DOMException('boom', 'AbortError');
console.log(e.name, e.message, e.code, e instanceof Error, e instanceof DOMException, String(e), Object.prototype.toString.call(e));
console.log(DOMException.ABORT_ERR, e.DATA_CLONE_ERR, new DOMException().name, new DOMException('x').code, new DOMException('m', { name: 'TimeoutError', cause: 1 }).cause);
console.log(e.stack.split('\n')[0], Object.keys(e).length, JSON.stringify(Object.keys(DOMException.prototype).slice(0, 4)));

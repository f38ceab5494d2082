'use strict';
// DOMException, as WebIDL defines it: a name, a message and a legacy code.

const legacyCodes = [
  ['IndexSizeError', 'INDEX_SIZE_ERR', 1],
  ['DOMStringSizeError', 'DOMSTRING_SIZE_ERR', 2],
  ['HierarchyRequestError', 'HIERARCHY_REQUEST_ERR', 3],
  ['WrongDocumentError', 'WRONG_DOCUMENT_ERR', 4],
  ['InvalidCharacterError', 'INVALID_CHARACTER_ERR', 5],
  ['NoDataAllowedError', 'NO_DATA_ALLOWED_ERR', 6],
  ['NoModificationAllowedError', 'NO_MODIFICATION_ALLOWED_ERR', 7],
  ['NotFoundError', 'NOT_FOUND_ERR', 8],
  ['NotSupportedError', 'NOT_SUPPORTED_ERR', 9],
  ['InUseAttributeError', 'INUSE_ATTRIBUTE_ERR', 10],
  ['InvalidStateError', 'INVALID_STATE_ERR', 11],
  ['SyntaxError', 'SYNTAX_ERR', 12],
  ['InvalidModificationError', 'INVALID_MODIFICATION_ERR', 13],
  ['NamespaceError', 'NAMESPACE_ERR', 14],
  ['InvalidAccessError', 'INVALID_ACCESS_ERR', 15],
  ['ValidationError', 'VALIDATION_ERR', 16],
  ['TypeMismatchError', 'TYPE_MISMATCH_ERR', 17],
  ['SecurityError', 'SECURITY_ERR', 18],
  ['NetworkError', 'NETWORK_ERR', 19],
  ['AbortError', 'ABORT_ERR', 20],
  ['URLMismatchError', 'URL_MISMATCH_ERR', 21],
  ['QuotaExceededError', 'QUOTA_EXCEEDED_ERR', 22],
  ['TimeoutError', 'TIMEOUT_ERR', 23],
  ['InvalidNodeTypeError', 'INVALID_NODE_TYPE_ERR', 24],
  ['DataCloneError', 'DATA_CLONE_ERR', 25],
];
const nameToCode = new Map(legacyCodes.map(([name, , code]) => [name, code]));

const kState = Symbol('DOMException state');

class DOMException {
  constructor(message = '', options = 'Error') {
    // Make the instance a real Error (stack, Error.prototype.toString).
    const self = Reflect.construct(Error, [], new.target);
    let name = 'Error';
    let cause;
    let hasCause = false;
    if (options !== null && typeof options === 'object') {
      if ('name' in options) name = `${options.name}`;
      if ('cause' in options) {
        hasCause = true;
        cause = options.cause;
      }
    } else if (options !== undefined) {
      name = `${options}`;
    }
    Object.defineProperty(self, kState, { value: { message: `${message}`, name } });
    if (hasCause) {
      Object.defineProperty(self, 'cause', { value: cause, writable: true, enumerable: false, configurable: true });
    }
    const frames = typeof self.stack === 'string' ? self.stack : '';
    Object.defineProperty(self, 'stack', {
      value: `${name}: ${message}${frames ? `\n${frames.split('\n').filter((l) => l).join('\n')}` : ''}`,
      writable: true, enumerable: false, configurable: true,
    });
    return self;
  }

  get name() {
    const s = this?.[kState];
    if (s === undefined) throw new TypeError('Value of "this" must be of type DOMException');
    return s.name;
  }

  get message() {
    const s = this?.[kState];
    if (s === undefined) throw new TypeError('Value of "this" must be of type DOMException');
    return s.message;
  }

  get code() {
    const s = this?.[kState];
    if (s === undefined) throw new TypeError('Value of "this" must be of type DOMException');
    return nameToCode.get(s.name) ?? 0;
  }
}

Object.setPrototypeOf(DOMException.prototype, Error.prototype);
Object.setPrototypeOf(DOMException, Error);
Object.defineProperty(DOMException.prototype, Symbol.toStringTag, { value: 'DOMException', configurable: true });
for (const name of ['name', 'message', 'code']) {
  const d = Object.getOwnPropertyDescriptor(DOMException.prototype, name);
  d.enumerable = true;
  Object.defineProperty(DOMException.prototype, name, d);
}
for (const [, constant, code] of legacyCodes) {
  const d = { value: code, enumerable: true, writable: false, configurable: false };
  Object.defineProperty(DOMException, constant, d);
  Object.defineProperty(DOMException.prototype, constant, d);
}

module.exports = { DOMException };

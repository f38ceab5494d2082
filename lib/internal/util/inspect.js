'use strict';
// util.inspect and util.format: Node's output format, rebuilt from its
// documented and observed behaviour (line breaking at breakLength with
// `compact` levels, array grouping, circular markers, colors).

const {
  getProxyDetails,
  getPromiseDetails,
  previewEntries,
  kPending,
  kRejected,
  getClassId,
  classIds: C,
  getOwnEntries,
  getArrayValues,
  isPlainString,
  formatSimple,
  getOwnNonIndexProperties,
  ALL_PROPERTIES,
  ONLY_ENUMERABLE,
} = internalBinding('util');
const types = require('internal/util/types');

// formatRaw tells classes apart by one getClassId call; these are for the
// rest.
const {
  isModuleNamespaceObject, isNativeError,
  isAsyncFunction, isGeneratorFunction, isNumberObject, isStringObject,
  isBooleanObject, isBigIntObject, typedArrayName,
} = types;

// Built-ins captured at load: inspect must keep working (it prints the
// errors) when user code replaces them.
const {
  keys: ObjectKeys,
  getOwnPropertyNames: ObjectGetOwnPropertyNames,
  getOwnPropertySymbols: ObjectGetOwnPropertySymbols,
  getOwnPropertyDescriptor: ObjectGetOwnPropertyDescriptor,
  getPrototypeOf: ObjectGetPrototypeOf,
  is: ObjectIs,
  assign: ObjectAssign,
  create: ObjectCreate,
  defineProperty: ObjectDefineProperty,
} = Object;
const { ownKeys: ReflectOwnKeys } = Reflect;
const ObjectPrototypeHasOwnProperty = Object.prototype.hasOwnProperty;
const FunctionPrototypeHasInstance = Function.prototype[Symbol.hasInstance];
const { isArray: ArrayIsArray } = Array;

const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');

// An internal inspect option (assert's diffs): a Set of errors printed
// without their stack, as "[Error: message]".
const kStacklessErrors = Symbol('kStacklessErrors');

const defaultOptions = {
  showHidden: false,
  depth: 2,
  colors: false,
  customInspect: true,
  showProxy: false,
  maxArrayLength: 100,
  maxStringLength: 10000,
  breakLength: 80,
  compact: 3,
  sorted: false,
  getters: false,
  numericSeparator: false,
};

// Kinds of entries: object properties ("key: value"), array elements (bare
// values), and the extra named properties of array-likes (which make the
// list eligible for column grouping).
const kObjectType = 0;
const kArrayType = 1;
const kArrayExtrasType = 2;

// Strings shorter than this are never split over lines.
const kMinLineWidth = 16;

const builtInObjects = new Set(
  ObjectGetOwnPropertyNames(globalThis).filter((name) => /^[A-Z][a-zA-Z0-9]+$/.test(name)),
);

const identifierKey = /^[a-zA-Z_][a-zA-Z_0-9]*$/;

const kProxyClass = C.proxy;
const kObjectClass = C.object;
const kArrayClass = C.array;
// Markers of getArrayValues: a missing element, an accessor element.
const kHole = Symbol('hole');
const kAccessor = Symbol('accessor');

// ---- strings ---------------------------------------------------------------

const escapeSingle = /[\x00-\x1f\x27\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const escapeSingleG = new RegExp(escapeSingle.source, 'g');
const escapeOther = /[\x00-\x1f\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const escapeOtherG = new RegExp(escapeOther.source, 'g');

const namedEscapes = { 8: '\\b', 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r', 39: "\\'", 92: '\\\\' };

function escapeChar(ch) {
  const code = ch.charCodeAt(0);
  const named = namedEscapes[code];
  if (named !== undefined) return named;
  if (code >= 0xd800 && code <= 0xdfff) return `\\u${code.toString(16)}`;
  return `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`;
}

// Quotes a string as Node does: single quotes unless the string holds one,
// then double quotes, then backticks; escapes control characters.
function strEscape(str) {
  if (isPlainString(str)) return `'${str}'`;
  let quote = "'";
  let test = escapeSingle;
  let all = escapeSingleG;
  if (str.includes("'")) {
    if (!str.includes('"')) quote = '"';
    else if (!str.includes('`') && !str.includes('${')) quote = '`';
    if (quote !== "'") {
      test = escapeOther;
      all = escapeOtherG;
    }
  }
  if (str.length < 5000 && !test.test(str)) return quote + str + quote;
  all.lastIndex = 0;
  return quote + str.replace(all, escapeChar) + quote;
}

// Symbols' descriptions are escaped the same way, without quotes.
function symbolToString(sym) {
  const s = sym.toString();
  escapeSingleG.lastIndex = 0;
  return s.replace(escapeOtherG, escapeChar);
}

// ---- colors ----------------------------------------------------------------

const colors = ObjectAssign(ObjectCreate(null), {
  reset: [0, 0], bold: [1, 22], dim: [2, 22], italic: [3, 23], underline: [4, 24],
  blink: [5, 25], inverse: [7, 27], hidden: [8, 28], strikethrough: [9, 29],
  doubleunderline: [21, 24], black: [30, 39], red: [31, 39], green: [32, 39],
  yellow: [33, 39], blue: [34, 39], magenta: [35, 39], cyan: [36, 39], white: [37, 39],
  bgBlack: [40, 49], bgRed: [41, 49], bgGreen: [42, 49], bgYellow: [43, 49],
  bgBlue: [44, 49], bgMagenta: [45, 49], bgCyan: [46, 49], bgWhite: [47, 49],
  framed: [51, 54], overlined: [53, 55], gray: [90, 39], redBright: [91, 39],
  greenBright: [92, 39], yellowBright: [93, 39], blueBright: [94, 39],
  magentaBright: [95, 39], cyanBright: [96, 39], whiteBright: [97, 39],
  bgGray: [100, 49], bgRedBright: [101, 49], bgGreenBright: [102, 49],
  bgYellowBright: [103, 49], bgBlueBright: [104, 49], bgMagentaBright: [105, 49],
  bgCyanBright: [106, 49], bgWhiteBright: [107, 49],
});

function defineColorAlias(target, alias) {
  ObjectDefineProperty(colors, alias, {
    get() { return this[target]; },
    set(value) { this[target] = value; },
    configurable: true,
    enumerable: false,
  });
}
defineColorAlias('gray', 'grey');
defineColorAlias('gray', 'blackBright');
defineColorAlias('bgGray', 'bgGrey');
defineColorAlias('bgGray', 'bgBlackBright');
defineColorAlias('dim', 'faint');
defineColorAlias('strikethrough', 'crossedout');
defineColorAlias('strikethrough', 'strikeThrough');
defineColorAlias('strikethrough', 'crossedOut');
defineColorAlias('hidden', 'conceal');
defineColorAlias('inverse', 'swapColors');
defineColorAlias('inverse', 'swapcolors');
defineColorAlias('doubleunderline', 'doubleUnderline');

const styles = ObjectAssign(ObjectCreate(null), {
  special: 'cyan', number: 'yellow', bigint: 'yellow', boolean: 'yellow',
  undefined: 'grey', null: 'bold', string: 'green', symbol: 'green',
  date: 'magenta', regexp: 'red', module: 'underline',
});

function stylizeWithColor(str, styleType) {
  const style = styles[styleType];
  if (style !== undefined) {
    const color = colors[style];
    if (color !== undefined) return `\u001b[${color[0]}m${str}\u001b[${color[1]}m`;
  }
  return str;
}

function stylizeNoColor(str) {
  return str;
}

// OSC sequences (ESC ] ... ended by BEL, ESC \\ or ST) first, then CSI and
// the other escapes.
const ansiPattern = new RegExp('\\u001B\\][\\s\\S]*?(?:\\u0007|\\u001B\\u005C|\\u009C)|' +
  /[\u001B\u009B][[\]()#;?]*(?:(?:(?:(?:;[-a-zA-Z\d/#&.:=?%@~_]+)*|[a-zA-Z\d]+(?:;[-a-zA-Z\d/#&.:=?%@~_]*)*)?\u0007)|(?:(?:\d{1,4}(?:;\d{0,4})*)?[\dA-PR-TZcf-ntqry=><~]))/.source, 'g');

function removeColors(str) {
  return String(str).replace(ansiPattern, '');
}

// ---- the entry point ---------------------------------------------------------

function inspect(value, opts) {
  const ctx = {
    budget: {},
    indentationLvl: 0,
    seen: [],
    currentDepth: 0,
    stylize: stylizeNoColor,
    showHidden: defaultOptions.showHidden,
    depth: defaultOptions.depth,
    colors: defaultOptions.colors,
    customInspect: defaultOptions.customInspect,
    showProxy: defaultOptions.showProxy,
    maxArrayLength: defaultOptions.maxArrayLength,
    maxStringLength: defaultOptions.maxStringLength,
    breakLength: defaultOptions.breakLength,
    compact: defaultOptions.compact,
    sorted: defaultOptions.sorted,
    getters: defaultOptions.getters,
    numericSeparator: defaultOptions.numericSeparator,
  };
  if (arguments.length > 1) {
    // The legacy signature: inspect(value, showHidden, depth, colors).
    if (arguments.length > 2) {
      if (arguments[2] !== undefined) ctx.depth = arguments[2];
      if (arguments.length > 3 && arguments[3] !== undefined) ctx.colors = arguments[3];
    }
    if (typeof opts === 'boolean') {
      ctx.showHidden = opts;
    } else if (opts) {
      for (const key of ObjectKeys(opts)) {
        if (Object.prototype.hasOwnProperty.call(defaultOptions, key) || key === 'stylize') {
          ctx[key] = opts[key];
        } else if (ctx.userOptions === undefined) {
          ctx.userOptions = opts;
        }
      }
    }
  }
  if (opts && typeof opts === 'object' && opts[kStacklessErrors] !== undefined) {
    ctx.stacklessErrors = opts[kStacklessErrors];
  }
  if (ctx.colors) ctx.stylize = stylizeWithColor;
  if (ctx.maxArrayLength === null) ctx.maxArrayLength = Infinity;
  if (ctx.maxStringLength === null) ctx.maxStringLength = Infinity;
  return formatValue(ctx, value, 0);
}

inspect.custom = customInspectSymbol;

ObjectDefineProperty(inspect, 'defaultOptions', {
  get() { return defaultOptions; },
  set(options) {
    if (options === null || typeof options !== 'object') {
      const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
      throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    ObjectAssign(defaultOptions, options);
  },
});

ObjectDefineProperty(inspect, 'colors', {
  get() { return colors; },
  set(value) { ObjectAssign(colors, value); },
  enumerable: false,
  configurable: true,
});
ObjectDefineProperty(inspect, 'styles', {
  get() { return styles; },
  set(value) { ObjectAssign(styles, value); },
  enumerable: false,
  configurable: true,
});

// What a custom inspect function receives as its options argument.
function userOptionsOf(ctx) {
  const out = {
    stylize: ctx.stylize,
    showHidden: ctx.showHidden,
    depth: ctx.depth,
    colors: ctx.colors,
    customInspect: ctx.customInspect,
    showProxy: ctx.showProxy,
    maxArrayLength: ctx.maxArrayLength,
    maxStringLength: ctx.maxStringLength,
    breakLength: ctx.breakLength,
    compact: ctx.compact,
    sorted: ctx.sorted,
    getters: ctx.getters,
    numericSeparator: ctx.numericSeparator,
    ...ctx.userOptions,
  };
  return out;
}

// ---- values ------------------------------------------------------------------

function formatValue(ctx, value, recurseTimes, typedArray) {
  const type = typeof value;
  if (type !== 'object' && type !== 'function') {
    if (type === 'number' && ctx.stylize === stylizeNoColor && !ctx.numericSeparator) {
      return value === 0 && 1 / value < 0 ? '-0' : `${value}`;
    }
    return formatPrimitive(ctx.stylize, value, ctx);
  }
  if (value === null) return ctx.stylize('null', 'null');

  // Plain data (plain objects and arrays, Dates, primitives) is formatted
  // in Go when the options allow; undefined means that value is not.
  if (ctx.simple === undefined) ctx.simple = simpleEligible(ctx);
  if (ctx.simple && (ctx.simpleSkip === undefined || !ctx.simpleSkip.has(value))) {
    const res = formatSimple(ctx, value, recurseTimes, simpleIntrinsics);
    if (typeof res === 'string') return res;
    if (res !== undefined) {
      // Objects below value that formatSimple would give up on again.
      if (ctx.simpleSkip === undefined) ctx.simpleSkip = new Set();
      for (let i = 0; i < res.length; i++) ctx.simpleSkip.add(res[i]);
    }
  }

  const original = value;
  // One engine-class lookup per object decides every brand check below.
  let cls = getClassId(value);
  if (cls === kProxyClass) {
    const proxy = getProxyDetails(value, !!ctx.showProxy);
    if (proxy !== undefined) {
      if (proxy === null || proxy[0] === null) return ctx.stylize('<Revoked Proxy>', 'special');
      if (ctx.showProxy) return formatProxy(ctx, proxy, recurseTimes);
      value = proxy;
      cls = getClassId(value);
    }
  }

  if (ctx.customInspect) {
    let custom;
    try {
      custom = value[customInspectSymbol];
    } catch {
      custom = undefined;
    }
    if (typeof custom === 'function' && custom !== inspect &&
        !(value.constructor && value.constructor.prototype === value)) {
      const depth = ctx.depth === null ? null : ctx.depth - recurseTimes;
      const ret = custom.call(original, depth, userOptionsOf(ctx), inspect);
      if (ret !== original) {
        if (typeof ret !== 'string') return formatValue(ctx, ret, recurseTimes);
        return ret.replaceAll('\n', `\n${' '.repeat(ctx.indentationLvl)}`);
      }
    }
  }

  if (ctx.seen.includes(value)) {
    if (ctx.circular === undefined) ctx.circular = new Map();
    let index = ctx.circular.get(value);
    if (index === undefined) {
      index = ctx.circular.size + 1;
      ctx.circular.set(value, index);
    }
    return ctx.stylize(`[Circular *${index}]`, 'special');
  }
  return formatRaw(ctx, value, recurseTimes, typedArray, cls);
}

const ObjectPrototype = Object.prototype;
const ArrayPrototype = Array.prototype;
const DatePrototype = Date.prototype;
const DatePrototypeGetTime = Date.prototype.getTime;
const DatePrototypeToISOString = Date.prototype.toISOString;
// What formatSimple compares with (see internal/ops/util/inspect.go).
const simpleIntrinsics = [
  customInspectSymbol, ObjectPrototype, ArrayPrototype, DatePrototype, DatePrototypeGetTime,
  Symbol.toStringTag, Symbol.iterator,
];

// Whether proto.constructor is ctor, named name, with the default
// instanceof: getConstructorName then names proto's objects name.
function constructorIs(proto, ctor, name) {
  const desc = ObjectGetOwnPropertyDescriptor(proto, 'constructor');
  return desc !== undefined && desc.value === ctor && ctor.name === name &&
    ctor[Symbol.hasInstance] === FunctionPrototypeHasInstance;
}

// Whether formatSimple may be used with ctx's options (it checks the
// numeric ones itself) and the built-ins it relies on are untouched.
function simpleEligible(ctx) {
  return ctx.stylize === stylizeNoColor && !ctx.colors && !ctx.showHidden && !ctx.sorted &&
    !ctx.numericSeparator && typeof ctx.compact === 'number' &&
    constructorIs(ObjectPrototype, Object, 'Object') && constructorIs(ArrayPrototype, Array, 'Array') &&
    constructorIs(DatePrototype, Date, 'Date') && DatePrototype.getTime === DatePrototypeGetTime &&
    DatePrototype.toISOString === DatePrototypeToISOString;
}

function formatProxy(ctx, proxy, recurseTimes) {
  if (recurseTimes > ctx.depth && ctx.depth !== null) return ctx.stylize('Proxy [Array]', 'special');
  recurseTimes += 1;
  ctx.indentationLvl += 2;
  const parts = [formatValue(ctx, proxy[0], recurseTimes), formatValue(ctx, proxy[1], recurseTimes)];
  ctx.indentationLvl -= 2;
  return reduceToSingleString(ctx, parts, '', ['Proxy [', ']'], kArrayExtrasType, recurseTimes);
}

let URLClass;
function isURLObject(value) {
  URLClass ??= require('internal/url').URL;
  return value instanceof URLClass;
}

function isInstanceof(obj, ctor) {
  try {
    return obj instanceof ctor;
  } catch {
    return false;
  }
}

// The name of the nearest constructor on the prototype chain, null for a
// null-prototype object, or "Name <proto>" when the chain was tampered with.
function getConstructorName(obj, ctx, recurseTimes, protoProps) {
  let firstProto;
  const start = obj;
  while (obj) {
    const desc = ObjectGetOwnPropertyDescriptor(obj, 'constructor');
    if (desc !== undefined && typeof desc.value === 'function' && desc.value.name !== '' &&
        isInstanceof(start, desc.value)) {
      if (protoProps !== undefined && (firstProto !== obj || !builtInObjects.has(desc.value.name))) {
        addPrototypeProperties(ctx, start, firstProto || start, recurseTimes, protoProps);
      }
      return String(desc.value.name);
    }
    obj = ObjectGetPrototypeOf(obj);
    if (firstProto === undefined) firstProto = obj;
  }
  if (firstProto === null) return null;
  const res = engineClassName(start);
  if (recurseTimes > ctx.depth && ctx.depth !== null) return `${res} <Complex prototype>`;
  const protoName = getConstructorName(firstProto, ctx, recurseTimes + 1, protoProps);
  if (protoName === null) {
    return `${res} <${inspect(firstProto, { ...ctx, customInspect: false, depth: -1 })}>`;
  }
  return `${res} <${protoName}>`;
}

// getConstructorName for an object without an own "constructor": the
// answer depends only on its prototype, so it is kept per prototype for
// the rest of the inspect call (unless a constructor has its own
// Symbol.hasInstance, or the chain holds no named constructor).
function constructorNameOf(obj, ctx, recurseTimes, cls) {
  if (cls === kProxyClass) return getConstructorName(obj, ctx, recurseTimes);
  const proto = ObjectGetPrototypeOf(obj);
  if (proto === null || ObjectPrototypeHasOwnProperty.call(obj, 'constructor')) {
    return getConstructorName(obj, ctx, recurseTimes);
  }
  let cache = ctx.constructorNames;
  if (cache === undefined) {
    cache = new Map();
    ctx.constructorNames = cache;
  } else {
    const name = cache.get(proto);
    if (name !== undefined) return name;
  }
  let p = proto;
  while (p !== null) {
    const desc = ObjectGetOwnPropertyDescriptor(p, 'constructor');
    if (desc !== undefined && typeof desc.value === 'function' && desc.value.name !== '') {
      const ctor = desc.value;
      if (ctor[Symbol.hasInstance] !== FunctionPrototypeHasInstance) break;
      if (isInstanceof(obj, ctor)) {
        const name = String(ctor.name);
        cache.set(proto, name);
        return name;
      }
    }
    p = ObjectGetPrototypeOf(p);
  }
  return getConstructorName(obj, ctx, recurseTimes);
}

// With showHidden, the non-method properties (accessors mostly) of up to
// three user-defined prototypes are listed too.
function addPrototypeProperties(ctx, main, obj, recurseTimes, output) {
  let seenKeys;
  let keys;
  for (let level = 0; level < 3; level++) {
    if (level !== 0 || main === obj) {
      obj = ObjectGetPrototypeOf(obj);
      if (obj === null) return;
      const desc = ObjectGetOwnPropertyDescriptor(obj, 'constructor');
      if (desc !== undefined && typeof desc.value === 'function' && builtInObjects.has(desc.value.name)) return;
    }
    if (level === 0) seenKeys = new Set();
    else for (const k of keys) seenKeys.add(k);
    keys = ReflectOwnKeys(obj);
    ctx.seen.push(main);
    for (const key of keys) {
      if (key === 'constructor' || Object.prototype.hasOwnProperty.call(main, key) ||
          (level !== 0 && seenKeys.has(key))) continue;
      const desc = ObjectGetOwnPropertyDescriptor(obj, key);
      if (typeof desc.value === 'function') continue;
      const str = formatProperty(ctx, obj, recurseTimes, key, kObjectType, desc, main);
      output.push(ctx.colors ? `\u001b[2m${str}\u001b[22m` : str);
    }
    ctx.seen.pop();
  }
}

function engineClassName(value) {
  if (typeof value === 'function') return 'Function';
  if (ArrayIsArray(value)) return 'Array';
  if (isNativeError(value)) return 'Error';
  return 'Object';
}

function getPrefix(constructor, tag, fallback, size = '') {
  if (constructor === null) {
    if (tag !== '' && fallback !== tag) return `[${fallback}${size}: null prototype] [${tag}] `;
    return `[${fallback}${size}: null prototype] `;
  }
  if (tag !== '' && constructor !== tag) return `${constructor}${size} [${tag}] `;
  return `${constructor}${size} `;
}

function propertyIsEnumerable(obj, key) {
  return Object.prototype.propertyIsEnumerable.call(obj, key);
}

function getKeys(value, showHidden) {
  const symbols = ObjectGetOwnPropertySymbols(value);
  let keys;
  if (showHidden) {
    keys = ObjectGetOwnPropertyNames(value);
    if (symbols.length !== 0) keys.push(...symbols);
  } else {
    try {
      keys = ObjectKeys(value);
    } catch (err) {
      if (isModuleNamespaceObject(value)) keys = ObjectGetOwnPropertyNames(value);
      else throw err;
    }
    for (const sym of symbols) if (propertyIsEnumerable(value, sym)) keys.push(sym);
  }
  return keys;
}

function isIndexKey(key) {
  if (typeof key !== 'string' || key === '') return false;
  const n = Number(key);
  return n >= 0 && n < 4294967295 && Number.isInteger(n) && String(n) === key;
}

// What formatRaw lists as entries before the properties (no closure is
// made per object).
const kFmtNone = 0;
const kFmtArray = 1;
const kFmtSet = 2;
const kFmtMap = 3;
const kFmtTypedArray = 4;
const kFmtIterator = 5;
const kFmtArrayBuffer = 6;
const kFmtPromise = 7;
const kFmtWeak = 8;
const kFmtNamespace = 9;

function isTypedArrayClass(cls) {
  return cls >= C.firstTypedArray && cls <= C.lastTypedArray;
}

// The keys of getOwnEntries' [key, value, flags] triples.
function keysOfEntries(entries) {
  const keys = [];
  for (let i = 0; i < entries.length; i += 3) keys.push(entries[i]);
  return keys;
}

function formatRaw(ctx, value, recurseTimes, typedArray, cls) {
  let keys;
  // An ordinary object's own enumerable properties as getOwnEntries gives
  // them, used instead of keys (no descriptor object per property).
  let entries;
  let nKeys = 0;
  let protoProps;
  if (ctx.showHidden && (recurseTimes <= ctx.depth || ctx.depth === null)) protoProps = [];
  const constructor = protoProps === undefined ?
    constructorNameOf(value, ctx, recurseTimes, cls) :
    getConstructorName(value, ctx, recurseTimes, protoProps);
  if (protoProps !== undefined && protoProps.length === 0) protoProps = undefined;
  let tag = value[Symbol.toStringTag];
  if (typeof tag !== 'string' ||
      (tag !== '' && (ctx.showHidden ?
        ObjectPrototypeHasOwnProperty.call(value, Symbol.toStringTag) :
        propertyIsEnumerable(value, Symbol.toStringTag)))) {
    tag = '';
  }
  let base = '';
  let fmt = kFmtNone;
  let size = 0;
  let braces;
  let noIterator = true;
  let extrasType = kObjectType;
  // Accessors of the prototype shown like own non-enumerable properties.
  let hiddenKeys;

  // Only these classes (or a Proxy's target that is itself a Proxy) can be
  // listed as iterables; the `in` check is skipped for the others.
  if ((cls === kArrayClass || cls === C.set || cls === C.map || isTypedArrayClass(cls) ||
       cls === C.mapIterator || cls === C.setIterator || cls === kProxyClass) &&
      (Symbol.iterator in value || constructor === null)) {
    noIterator = false;
    if (cls === kArrayClass || (cls === kProxyClass && ArrayIsArray(value))) {
      const prefix = (constructor !== 'Array' || tag !== '') ?
        getPrefix(constructor, tag, 'Array', `(${value.length})`) : '';
      keys = getOwnNonIndexProperties(value, ctx.showHidden ? ALL_PROPERTIES : ONLY_ENUMERABLE);
      braces = [`${prefix}[`, ']'];
      if (value.length === 0 && keys.length === 0 && protoProps === undefined) return `${braces[0]}]`;
      extrasType = kArrayExtrasType;
      fmt = kFmtArray;
    } else if (cls === C.set) {
      size = sizeOf(Set, value);
      const prefix = getPrefix(constructor, tag, 'Set', `(${size})`);
      keys = getKeys(value, ctx.showHidden);
      fmt = kFmtSet;
      if (size === 0 && keys.length === 0 && protoProps === undefined) return `${prefix}{}`;
      braces = [`${prefix}{`, '}'];
    } else if (cls === C.map) {
      size = sizeOf(Map, value);
      const prefix = getPrefix(constructor, tag, 'Map', `(${size})`);
      keys = getKeys(value, ctx.showHidden);
      fmt = kFmtMap;
      if (size === 0 && keys.length === 0 && protoProps === undefined) return `${prefix}{}`;
      braces = [`${prefix}{`, '}'];
    } else if (isTypedArrayClass(cls)) {
      keys = getOwnNonIndexProperties(value, ctx.showHidden ? ALL_PROPERTIES : ONLY_ENUMERABLE);
      const name = typedArrayName(value);
      size = typedArrayLength(value);
      const prefix = getPrefix(constructor, tag, constructor === null ? name : '', `(${size})`);
      braces = [`${prefix}[`, ']'];
      if (size === 0 && keys.length === 0 && !ctx.showHidden) return `${braces[0]}]`;
      fmt = kFmtTypedArray;
      extrasType = kArrayExtrasType;
    } else if (cls === C.mapIterator) {
      keys = getKeys(value, ctx.showHidden);
      braces = iteratorBraces('Map', tag);
      fmt = kFmtIterator;
    } else if (cls === C.setIterator) {
      keys = getKeys(value, ctx.showHidden);
      braces = iteratorBraces('Set', tag);
      fmt = kFmtIterator;
    } else {
      noIterator = true;
    }
  }
  if (noIterator) {
    if (cls === kObjectClass && !ctx.showHidden) {
      entries = getOwnEntries(value);
      nKeys = entries.length / 3;
    } else {
      keys = getKeys(value, ctx.showHidden);
      nKeys = keys.length;
    }
    braces = ['{', '}'];
    if (constructor === 'Object') {
      if (cls === C.arguments || cls === C.mappedArguments) {
        braces[0] = '[Arguments] {';
      } else if (tag !== '') {
        braces[0] = `${getPrefix(constructor, tag, 'Object')}{`;
      }
      if (nKeys === 0 && protoProps === undefined) return `${braces[0]}}`;
    } else if (typeof value === 'function') {
      base = functionBase(value, constructor, tag);
      if (nKeys === 0 && protoProps === undefined) return ctx.stylize(base, 'special');
    } else if (cls === C.regexp) {
      base = RegExp.prototype.toString.call(constructor !== null ? value : new RegExp(value));
      const prefix = getPrefix(constructor, tag, 'RegExp');
      if (prefix !== 'RegExp ') base = `${prefix}${base}`;
      if ((nKeys === 0 && protoProps === undefined) || (recurseTimes > ctx.depth && ctx.depth !== null)) {
        return ctx.stylize(base, 'regexp');
      }
    } else if (cls === C.date) {
      const t = Date.prototype.getTime.call(value);
      base = Number.isNaN(t) ? 'Invalid Date' : Date.prototype.toISOString.call(value);
      const prefix = getPrefix(constructor, tag, 'Date');
      if (prefix !== 'Date ') base = `${prefix}${base}`;
      if (nKeys === 0 && protoProps === undefined) return ctx.stylize(base, 'date');
    } else if (cls === C.error || value instanceof Error) {
      if (entries !== undefined) {
        keys = keysOfEntries(entries);
        entries = undefined;
      }
      base = formatError(value, constructor, tag, ctx, keys);
      nKeys = keys.length;
      if (nKeys === 0 && protoProps === undefined) return base;
    } else if (cls === C.arrayBuffer || cls === C.sharedArrayBuffer) {
      const kind = cls === C.arrayBuffer ? 'ArrayBuffer' : 'SharedArrayBuffer';
      const prefix = getPrefix(constructor, tag, kind);
      if (typedArray === undefined) {
        fmt = kFmtArrayBuffer;
      } else if (nKeys === 0 && protoProps === undefined) {
        return `${prefix}{ [byteLength]: ${formatNumber(ctx.stylize, value.byteLength, false)} }`;
      }
      braces[0] = `${prefix}{`;
      hiddenKeys = ['byteLength'];
    } else if (cls === C.dataView) {
      braces[0] = `${getPrefix(constructor, tag, 'DataView')}{`;
      hiddenKeys = ['byteLength', 'byteOffset', 'buffer'];
    } else if (cls === C.promise) {
      braces[0] = `${getPrefix(constructor, tag, 'Promise')}{`;
      fmt = kFmtPromise;
    } else if (cls === C.weakSet) {
      braces[0] = `${getPrefix(constructor, tag, 'WeakSet')}{`;
      fmt = kFmtWeak;
    } else if (cls === C.weakMap) {
      braces[0] = `${getPrefix(constructor, tag, 'WeakMap')}{`;
      fmt = kFmtWeak;
    } else if (cls === C.moduleNamespace) {
      braces[0] = `${getPrefix(constructor, tag, 'Module')}{`;
      fmt = kFmtNamespace;
    } else if (cls === kObjectClass && isURLObject(value)) {
      // Reached without its custom inspect (customInspect: false): the href.
      base = value.href;
      if (nKeys === 0 && protoProps === undefined) return base;
    } else if (cls === C.number || cls === C.string || cls === C.boolean ||
               cls === C.symbol || cls === C.bigint) {
      base = boxedBase(value, ctx, keys, constructor, tag);
      nKeys = keys.length;
      if (nKeys === 0 && protoProps === undefined) return base;
    } else {
      if (nKeys === 0 && protoProps === undefined) return `${getPrefix(constructor, tag, 'Object')}{}`;
      braces[0] = `${getPrefix(constructor, tag, 'Object')}{`;
    }
  }

  if (recurseTimes > ctx.depth && ctx.depth !== null) {
    let name = getPrefix(constructor, tag, 'Object').slice(0, -1);
    if (constructor !== null) name = `[${name}]`;
    return ctx.stylize(name, 'special');
  }
  recurseTimes += 1;
  ctx.seen.push(value);
  ctx.currentDepth = recurseTimes;
  let output;
  const indentationLvl = ctx.indentationLvl;
  try {
    switch (fmt) {
      case kFmtNone: output = []; break;
      case kFmtArray: output = formatArray(ctx, value, recurseTimes); break;
      case kFmtSet: output = formatSet(Set.prototype.values.call(value), size, ctx, recurseTimes); break;
      case kFmtMap: output = formatMap(Map.prototype.entries.call(value), size, ctx, recurseTimes); break;
      case kFmtTypedArray: output = formatTypedArray(value, size, ctx, recurseTimes); break;
      case kFmtIterator: output = formatIterator(braces, ctx, value, recurseTimes); break;
      case kFmtArrayBuffer: output = formatArrayBuffer(ctx, value); break;
      case kFmtPromise: output = formatPromise(ctx, value, recurseTimes); break;
      case kFmtWeak: output = formatWeakCollection(ctx); break;
      default: output = formatNamespaceObject(keys, ctx, value, recurseTimes);
    }
    if (hiddenKeys !== undefined) {
      for (const key of hiddenKeys) {
        output.push(formatProperty(ctx, value, recurseTimes, key, extrasType, { value: value[key], enumerable: false }));
      }
    }
    if (entries !== undefined) {
      for (let i = 0; i < entries.length; i += 3) {
        const flags = entries[i + 2];
        output.push((flags & 1) === 0 ?
          formatEntry(ctx, entries[i], entries[i + 1], flags, recurseTimes) :
          formatProperty(ctx, value, recurseTimes, entries[i], kObjectType));
      }
    } else {
      for (let i = 0; i < keys.length; i++) {
        output.push(formatProperty(ctx, value, recurseTimes, keys[i], extrasType));
      }
    }
    if (protoProps !== undefined) output.push(...protoProps);
  } catch (err) {
    if (!isStackOverflow(err)) throw err;
    ctx.seen.pop();
    ctx.indentationLvl = indentationLvl;
    const name = getPrefix(constructor, tag, 'Object').slice(0, -1);
    return ctx.stylize(`[${name}: Inspection interrupted prematurely. Maximum call stack size exceeded.]`, 'special');
  }
  if (ctx.circular !== undefined) {
    const index = ctx.circular.get(value);
    if (index !== undefined) {
      const ref = ctx.stylize(`<ref *${index}>`, 'special');
      if (ctx.compact !== true) base = base === '' ? ref : `${ref} ${base}`;
      else braces[0] = `${ref} ${braces[0]}`;
    }
  }
  ctx.seen.pop();

  if (ctx.sorted) {
    const compare = ctx.sorted === true ? undefined : ctx.sorted;
    if (extrasType === kObjectType) {
      output.sort(compare);
    } else if (keys.length > 1) {
      const tail = output.slice(output.length - keys.length).sort(compare);
      output.splice(output.length - keys.length, keys.length, ...tail);
    }
  }

  const res = reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value);
  const budget = ctx.budget[ctx.indentationLvl] || 0;
  const newLength = budget + res.length;
  ctx.budget[ctx.indentationLvl] = newLength;
  // Stop descending once an enormous amount of text was produced at one level.
  if (newLength > 2 ** 27) ctx.depth = -1;
  return res;
}

function isStackOverflow(err) {
  return err instanceof RangeError && /call stack|stack overflow/i.test(err.message);
}

function sizeOf(Ctor, value) {
  return ObjectGetOwnPropertyDescriptor(Ctor.prototype, 'size').get.call(value);
}

const typedArrayLengthGetter = ObjectGetOwnPropertyDescriptor(
  ObjectGetPrototypeOf(Uint8Array.prototype), 'length').get;

function typedArrayLength(value) {
  return typedArrayLengthGetter.call(value);
}

function iteratorBraces(type, tag) {
  if (tag !== `${type} Iterator`) {
    if (tag !== '') tag += '] [';
    tag += `${type} Iterator`;
  }
  return [`[${tag}] {`, '}'];
}

function functionBase(value, constructor, tag) {
  let source;
  try {
    source = Function.prototype.toString.call(value);
  } catch {
    source = '';
  }
  if (source.startsWith('class') && source.endsWith('}')) {
    const body = source.slice(5, -1);
    const brace = body.indexOf('{');
    if (brace !== -1 && (!body.slice(0, brace).includes('(') ||
        /^\s*(?:extends\s+[^{]*)?\s*{/.test(body.replace(/\/\/.*?\n|\/\*[\s\S]*?\*\//g, '')))) {
      return classBase(value, constructor, tag);
    }
  }
  let type = 'Function';
  if (isGeneratorFunction(value)) type = `Generator${type}`;
  if (isAsyncFunction(value)) type = `Async${type}`;
  let base = `[${type}`;
  if (constructor === null) base += ' (null prototype)';
  if (value.name === '') base += ' (anonymous)';
  else base += `: ${typeof value.name === 'string' ? value.name : formatValue({ ...defaultCtx() }, value.name, 0)}`;
  base += ']';
  if (constructor !== type && constructor !== null) base += ` ${constructor}`;
  if (tag !== '' && constructor !== tag) base += ` [${tag}]`;
  return base;
}

function defaultCtx() {
  return {
    budget: {}, indentationLvl: 0, seen: [], currentDepth: 0, stylize: stylizeNoColor,
    ...defaultOptions,
  };
}

function classBase(value, constructor, tag) {
  const name = (Object.prototype.hasOwnProperty.call(value, 'name') && value.name) || '(anonymous)';
  let base = `class ${name}`;
  if (constructor !== 'Function' && constructor !== null) base += ` [${constructor}]`;
  if (tag !== '' && constructor !== tag) base += ` [${tag}]`;
  if (constructor !== null) {
    const superName = ObjectGetPrototypeOf(value).name;
    if (superName) base += ` extends ${superName}`;
  } else {
    base += ' extends [null prototype]';
  }
  return `[${base}]`;
}

function boxedBase(value, ctx, keys, constructor, tag) {
  let type;
  let prim;
  if (isNumberObject(value)) {
    type = 'Number';
    prim = Number.prototype.valueOf.call(value);
  } else if (isStringObject(value)) {
    type = 'String';
    prim = String.prototype.valueOf.call(value);
    // The index keys of a String object only repeat its characters.
    keys.splice(0, prim.length);
  } else if (isBooleanObject(value)) {
    type = 'Boolean';
    prim = Boolean.prototype.valueOf.call(value);
  } else if (isBigIntObject(value)) {
    type = 'BigInt';
    prim = BigInt.prototype.valueOf.call(value);
  } else {
    type = 'Symbol';
    prim = Symbol.prototype.valueOf.call(value);
  }
  let base = `[${type}`;
  if (type !== constructor) {
    base += constructor === null ? ' (null prototype)' : ` (${constructor})`;
  }
  base += `: ${formatPrimitive(stylizeNoColor, prim, ctx)}]`;
  if (tag !== '' && tag !== constructor) base += ` [${tag}]`;
  if (keys.length !== 0 || ctx.stylize === stylizeNoColor) return base;
  return ctx.stylize(base, type.toLowerCase());
}

// ---- errors ------------------------------------------------------------------

// The stack as V8 would give it: QuickJS's err.stack holds only the frames,
// so the "Name: message" header is rebuilt when it is missing.
function getStackString(err) {
  let stack;
  try {
    stack = err.stack;
  } catch {
    stack = undefined;
  }
  if (typeof stack === 'string' && stack !== '') {
    stack = stack.replace(/\n+$/, '');
    if (stack.startsWith('    at ')) return `${errorHeader(err)}\n${stack}`;
    return stack;
  }
  if (stack != null && typeof stack !== 'string') return String(stack);
  return errorHeader(err);
}

function errorHeader(err) {
  try {
    return Error.prototype.toString.call(err);
  } catch {
    return 'Error';
  }
}

function identicalSequenceRange(a, b) {
  for (let i = 0; i < a.length - 3; i++) {
    const pos = b.indexOf(a[i]);
    if (pos !== -1) {
      const rest = b.length - pos;
      if (rest > 3) {
        let len = 1;
        const maxLen = Math.min(a.length - i, rest);
        while (maxLen > len && a[i + len] === b[pos + len]) len++;
        if (len > 3) return { len, offset: i };
      }
    }
  }
  return { len: 0, offset: 0 };
}

function stackFrames(ctx, err, stack) {
  const frames = stack.split('\n');
  let cause;
  try {
    cause = err.cause;
  } catch {
    cause = undefined;
  }
  if (cause != null && (isNativeError(cause) || cause instanceof Error)) {
    const causeStack = getStackString(cause);
    const at = causeStack.indexOf('\n    at');
    if (at !== -1) {
      const causeFrames = causeStack.slice(at + 1).split('\n');
      const { len, offset } = identicalSequenceRange(frames, causeFrames);
      if (len > 0) {
        const skipped = len - 2;
        const msg = `    ... ${skipped} lines matching cause stack trace ...`;
        frames.splice(offset + 1, skipped, ctx.stylize(msg, 'undefined'));
      }
    }
  }
  return frames;
}

// Names the error's class in the header when it differs from err.name,
// e.g. "MyError [TypeError]: msg" or "[Error: null prototype]".
function improveStack(stack, constructor, name, tag) {
  let len = name.length;
  if (constructor === null ||
      (name.endsWith('Error') && stack.startsWith(name) &&
       (stack.length === len || stack[len] === ':' || stack[len] === '\n'))) {
    let fallback = 'Error';
    if (constructor === null) {
      const m = /^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n\s+at)/.exec(stack) ||
        /^([a-z_A-Z0-9-]*Error)$/.exec(stack);
      fallback = (m && m[1]) || '';
      len = fallback.length;
      fallback = fallback || 'Error';
    }
    const prefix = getPrefix(constructor, tag, fallback).slice(0, -1);
    if (name !== prefix) {
      if (prefix.includes(name)) {
        stack = len === 0 ? `${prefix}: ${stack}` : `${prefix}${stack.slice(len)}`;
      } else {
        stack = `${prefix} [${name}]${stack.slice(len)}`;
      }
    }
  }
  return stack;
}

function removeDuplicateErrorKeys(ctx, keys, err, stack) {
  if (ctx.showHidden || keys.length === 0) return;
  for (const name of ['name', 'message', 'stack']) {
    const i = keys.indexOf(name);
    if (i !== -1) {
      let v;
      try {
        v = err[name];
      } catch {
        continue;
      }
      if (typeof v === 'string' && stack.includes(v)) keys.splice(i, 1);
    }
  }
}

function formatError(err, constructor, tag, ctx, keys) {
  let name;
  let message;
  try {
    name = err.name != null ? String(err.name) : 'Error';
    message = err.message;
  } catch {
    name = 'Error';
  }
  let stack = ctx.stacklessErrors !== undefined && ctx.stacklessErrors.has(err) ?
    errorHeader(err) : getStackString(err);
  removeDuplicateErrorKeys(ctx, keys, err, stack);
  if ('cause' in err && (keys.length === 0 || !keys.includes('cause'))) keys.push('cause');
  if (ArrayIsArray(err.errors) && (keys.length === 0 || !keys.includes('errors'))) keys.push('errors');
  stack = improveStack(stack, constructor, name, tag);

  let pos = (typeof message === 'string' && message && stack.indexOf(message)) || -1;
  if (pos !== -1) pos += message.length;
  const framesAt = stack.indexOf('\n    at', pos);
  if (framesAt === -1) {
    stack = `[${stack}]`;
  } else {
    const head = stack.slice(0, framesAt);
    const frames = stackFrames(ctx, err, stack.slice(framesAt + 1));
    if (ctx.colors) {
      stack = head;
      for (const line of frames) {
        if (/\(node:|^\s+at node:|\(native\)/.test(line)) stack += `\n${ctx.stylize(line, 'undefined')}`;
        else stack += `\n${line.replace(/node_modules[\\/]([^\\/]+)/g, (m, mod) => `node_modules/${ctx.stylize(mod, 'module')}`)}`;
      }
    } else {
      stack = `${head}\n${frames.join('\n')}`;
    }
  }
  if (ctx.indentationLvl !== 0) {
    stack = stack.replaceAll('\n', `\n${' '.repeat(ctx.indentationLvl)}`);
  }
  return stack;
}

// ---- primitives ----------------------------------------------------------------

function addNumericSeparator(str) {
  let out = '';
  let i = str.length;
  const start = str[0] === '-' ? 1 : 0;
  for (; i >= start + 4; i -= 3) out = `_${str.slice(i - 3, i)}${out}`;
  return i === str.length ? str : `${str.slice(0, i)}${out}`;
}

function addNumericSeparatorEnd(str) {
  let out = '';
  let i = 0;
  for (; i < str.length - 3; i += 3) out += `${str.slice(i, i + 3)}_`;
  return i === 0 ? str : `${out}${str.slice(i)}`;
}

function formatNumber(fn, number, numericSeparator) {
  if (!numericSeparator) {
    if (ObjectIs(number, -0)) return fn('-0', 'number');
    return fn(`${number}`, 'number');
  }
  const integer = Math.trunc(number);
  const intStr = String(integer);
  if (integer === number) {
    if (!Number.isFinite(number) || intStr.includes('e')) return fn(intStr, 'number');
    return fn(addNumericSeparator(intStr), 'number');
  }
  if (Number.isNaN(number)) return fn(intStr, 'number');
  const frac = String(number).slice(intStr.length + 1);
  return fn(`${addNumericSeparator(intStr)}.${addNumericSeparatorEnd(frac)}`, 'number');
}

function formatBigInt(fn, bigint, numericSeparator) {
  const str = String(bigint);
  if (!numericSeparator) return fn(`${str}n`, 'bigint');
  return fn(`${addNumericSeparator(str)}n`, 'bigint');
}

function formatPrimitive(fn, value, ctx) {
  switch (typeof value) {
    case 'string': {
      let trailer = '';
      if (value.length > ctx.maxStringLength) {
        const remaining = value.length - ctx.maxStringLength;
        value = value.slice(0, ctx.maxStringLength);
        trailer = `... ${remaining} more character${remaining > 1 ? 's' : ''}`;
      }
      if (ctx.compact !== true && value.length > kMinLineWidth &&
          value.length > ctx.breakLength - ctx.indentationLvl - 4) {
        // Long strings are split after each newline and joined with " +".
        return value.split(/(?<=\n)/)
          .map((line) => fn(strEscape(line), 'string'))
          .join(` +\n${' '.repeat(ctx.indentationLvl + 2)}`) + trailer;
      }
      return fn(strEscape(value), 'string') + trailer;
    }
    case 'number': return formatNumber(fn, value, ctx.numericSeparator);
    case 'bigint': return formatBigInt(fn, value, ctx.numericSeparator);
    case 'boolean': return fn(`${value}`, 'boolean');
    case 'undefined': return fn('undefined', 'undefined');
    default: return fn(symbolToString(value), 'symbol');
  }
}

// ---- collections ---------------------------------------------------------------

function moreItems(n) {
  return `... ${n} more item${n > 1 ? 's' : ''}`;
}

function emptyItems(n) {
  return `<${n} empty item${n > 1 ? 's' : ''}>`;
}

const values0 = [];

function formatArray(ctx, value, recurseTimes) {
  const length = value.length;
  const shown = Math.min(Math.max(0, ctx.maxArrayLength), length);
  const output = [];
  const values = shown === 0 ? values0 : getArrayValues(value, shown, kHole, kAccessor);
  for (let i = 0; i < shown; i++) {
    const v = values[i];
    if (v === kHole) return formatSparseArray(ctx, value, recurseTimes, shown, output, i);
    if (v === kAccessor) {
      output.push(formatProperty(ctx, value, recurseTimes, i, kArrayType));
    } else {
      ctx.indentationLvl += 2;
      output.push(formatValue(ctx, v, recurseTimes));
      ctx.indentationLvl -= 2;
    }
  }
  if (length > shown) output.push(moreItems(length - shown));
  return output;
}

// Arrays with holes: runs of missing indices become "<n empty items>",
// each run counting as one entry against maxArrayLength.
function formatSparseArray(ctx, value, recurseTimes, maxLength, output, next) {
  const indices = ObjectKeys(value).filter(isIndexKey).map(Number);
  let expected = next;
  for (const index of indices) {
    if (index < next) continue;
    if (output.length >= maxLength) break;
    if (index !== expected) {
      output.push(ctx.stylize(emptyItems(index - expected), 'undefined'));
      expected = index;
      if (output.length >= maxLength) break;
    }
    output.push(formatProperty(ctx, value, recurseTimes, index, kArrayType));
    expected++;
  }
  const remaining = value.length - expected;
  if (output.length < maxLength) {
    if (remaining > 0) output.push(ctx.stylize(emptyItems(remaining), 'undefined'));
  } else if (remaining > 0) {
    output.push(moreItems(remaining));
  }
  return output;
}

function formatTypedArray(value, length, ctx, recurseTimes) {
  const shown = Math.min(Math.max(0, ctx.maxArrayLength), length);
  const output = [];
  const fmt = length > 0 && typeof value[0] === 'number' ? formatNumber : formatBigInt;
  for (let i = 0; i < shown; i++) output.push(fmt(ctx.stylize, value[i], ctx.numericSeparator));
  if (length > shown) output.push(moreItems(length - shown));
  if (ctx.showHidden) {
    ctx.indentationLvl += 2;
    for (const key of ['BYTES_PER_ELEMENT', 'length', 'byteLength', 'byteOffset', 'buffer']) {
      output.push(`[${key}]: ${formatValue(ctx, value[key], recurseTimes, true)}`);
    }
    ctx.indentationLvl -= 2;
  }
  return output;
}

function formatArrayBuffer(ctx, value) {
  let bytes;
  try {
    bytes = new Uint8Array(value);
  } catch {
    return [ctx.stylize('(detached)', 'special')];
  }
  const shown = Math.min(ctx.maxArrayLength, bytes.length);
  const hex = [];
  for (let i = 0; i < shown; i++) hex.push(bytes[i].toString(16).padStart(2, '0'));
  let str = hex.join(' ');
  const remaining = bytes.length - ctx.maxArrayLength;
  if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
  return [`${ctx.stylize('[Uint8Contents]', 'special')}: <${str}>`];
}

function formatSet(iter, size, ctx, recurseTimes) {
  const shown = Math.min(Math.max(0, ctx.maxArrayLength), size);
  const output = [];
  ctx.indentationLvl += 2;
  let i = 0;
  for (const v of iter) {
    if (i >= shown) break;
    output.push(formatValue(ctx, v, recurseTimes));
    i++;
  }
  if (size > shown) output.push(moreItems(size - shown));
  ctx.indentationLvl -= 2;
  return output;
}

function formatMap(iter, size, ctx, recurseTimes) {
  const shown = Math.min(Math.max(0, ctx.maxArrayLength), size);
  const output = [];
  ctx.indentationLvl += 2;
  let i = 0;
  for (const [k, v] of iter) {
    if (i >= shown) break;
    output.push(`${formatValue(ctx, k, recurseTimes)} => ${formatValue(ctx, v, recurseTimes)}`);
    i++;
  }
  if (size > shown) output.push(moreItems(size - shown));
  ctx.indentationLvl -= 2;
  return output;
}

function formatIterator(braces, ctx, value, recurseTimes) {
  const [entries, isKeyValue] = previewEntries(value);
  const output = [];
  ctx.indentationLvl += 2;
  if (isKeyValue) {
    braces[0] = braces[0].replace(/ Iterator] {$/, ' Entries] {');
    const pairs = entries.length / 2;
    const shown = Math.min(Math.max(0, ctx.maxArrayLength), pairs);
    for (let i = 0; i < shown; i++) {
      const k = formatValue(ctx, entries[2 * i], recurseTimes);
      const v = formatValue(ctx, entries[2 * i + 1], recurseTimes);
      output.push(reduceToSingleString(ctx, [k, v], '', ['[', ']'], kArrayExtrasType, recurseTimes));
    }
    if (pairs > shown) output.push(moreItems(pairs - shown));
  } else {
    const shown = Math.min(Math.max(0, ctx.maxArrayLength), entries.length);
    for (let i = 0; i < shown; i++) output.push(formatValue(ctx, entries[i], recurseTimes));
    if (entries.length > shown) output.push(moreItems(entries.length - shown));
  }
  ctx.indentationLvl -= 2;
  return output;
}

function formatPromise(ctx, value, recurseTimes) {
  const [state, result] = getPromiseDetails(value);
  if (state === kPending) return [ctx.stylize('<pending>', 'special')];
  ctx.indentationLvl += 2;
  const str = formatValue(ctx, result, recurseTimes);
  ctx.indentationLvl -= 2;
  return [state === kRejected ? `${ctx.stylize('<rejected>', 'special')} ${str}` : str];
}

function formatWeakCollection(ctx) {
  return [ctx.stylize('<items unknown>', 'special')];
}

function formatNamespaceObject(keys, ctx, value, recurseTimes) {
  const output = [];
  for (const key of keys) {
    try {
      output.push(formatProperty(ctx, value, recurseTimes, key, kObjectType));
    } catch (err) {
      if (!(err instanceof ReferenceError)) throw err;
      // An export not yet initialised (TDZ).
      const name = identifierKey.test(key) ? ctx.stylize(key, 'name') : ctx.stylize(strEscape(key), 'string');
      output.push(`${name}: ${ctx.stylize('<uninitialized>', 'special')}`);
    }
  }
  keys.length = 0;
  return output;
}

// ---- properties ----------------------------------------------------------------

function formatProperty(ctx, value, recurseTimes, key, type, desc, original = value) {
  let str;
  let sep = ' ';
  desc = desc || ObjectGetOwnPropertyDescriptor(value, key) ||
    { value: value[key], enumerable: true };
  if (desc.value !== undefined) {
    const diff = (ctx.compact !== true || type !== kObjectType) ? 2 : 3;
    ctx.indentationLvl += diff;
    str = formatValue(ctx, desc.value, recurseTimes);
    if (diff === 3 && ctx.breakLength < getStringWidth(str, ctx.colors)) {
      sep = `\n${' '.repeat(ctx.indentationLvl)}`;
    }
    ctx.indentationLvl -= diff;
  } else if (desc.get !== undefined) {
    const label = desc.set !== undefined ? 'Getter/Setter' : 'Getter';
    const s = ctx.stylize;
    if (ctx.getters && (ctx.getters === true ||
        (ctx.getters === 'get' && desc.set === undefined) ||
        (ctx.getters === 'set' && desc.set !== undefined))) {
      try {
        const got = desc.get.call(original);
        ctx.indentationLvl += 2;
        if (got === null) {
          str = `${s(`[${label}:`, 'special')} ${s('null', 'null')}${s(']', 'special')}`;
        } else if (typeof got === 'object') {
          str = `${s(`[${label}]`, 'special')} ${formatValue(ctx, got, recurseTimes)}`;
        } else {
          str = `${s(`[${label}:`, 'special')} ${formatPrimitive(s, got, ctx)}${s(']', 'special')}`;
        }
        ctx.indentationLvl -= 2;
      } catch (err) {
        str = `${s(`[${label}:`, 'special')} <Inspection threw (${err.message})>${s(']', 'special')}`;
      }
    } else {
      str = s(`[${label}]`, 'special');
    }
  } else if (desc.set !== undefined) {
    str = ctx.stylize('[Setter]', 'special');
  } else {
    str = ctx.stylize('undefined', 'undefined');
  }
  if (type === kArrayType) return str;
  return `${formatKeyName(ctx, key, desc.enumerable !== false)}:${sep}${str}`;
}

// How a property key is printed before its value.
function formatKeyName(ctx, key, enumerable) {
  if (typeof key === 'symbol') {
    const sym = ctx.stylize(symbolToString(key), 'symbol');
    return enumerable ? sym : `[${sym}]`;
  }
  if (key === '__proto__') return "['__proto__']";
  if (!enumerable) {
    escapeOtherG.lastIndex = 0;
    return `[${String(key).replace(escapeOtherG, escapeChar)}]`;
  }
  if (identifierKey.test(key)) return ctx.stylize(key, 'name');
  return ctx.stylize(strEscape(String(key)), 'string');
}

// formatProperty for an enumerable data property of an ordinary object,
// from getOwnEntries: flags bit 2 tells that key prints unquoted.
function formatEntry(ctx, key, value, flags, recurseTimes) {
  let str;
  let sep = ' ';
  if (value !== undefined) {
    if (ctx.compact !== true) {
      ctx.indentationLvl += 2;
      str = formatValue(ctx, value, recurseTimes);
      ctx.indentationLvl -= 2;
    } else {
      ctx.indentationLvl += 3;
      str = formatValue(ctx, value, recurseTimes);
      if (ctx.breakLength < getStringWidth(str, ctx.colors)) {
        sep = `\n${' '.repeat(ctx.indentationLvl)}`;
      }
      ctx.indentationLvl -= 3;
    }
  } else {
    str = ctx.stylize('undefined', 'undefined');
  }
  if ((flags & 2) !== 0) {
    if (ctx.stylize === stylizeNoColor) return `${key}:${sep}${str}`;
    return `${ctx.stylize(key, 'name')}:${sep}${str}`;
  }
  return `${formatKeyName(ctx, key, true)}:${sep}${str}`;
}

// ---- layout --------------------------------------------------------------------

function isBelowBreakLength(ctx, output, start, base) {
  let total = output.length + start;
  if (total + output.length > ctx.breakLength) return false;
  for (const entry of output) {
    total += ctx.colors ? removeColors(entry).length : entry.length;
    if (total > ctx.breakLength) return false;
  }
  return base === '' || !base.includes('\n');
}

// Lays out many short array entries in aligned columns.
function groupArrayElements(ctx, output, value) {
  let totalLength = 0;
  let maxLength = 0;
  let count = output.length;
  // The "... more items" entry is not laid out in the grid.
  if (ctx.maxArrayLength < output.length) count--;
  const separatorSpace = 2;
  const widths = new Array(count);
  for (let i = 0; i < count; i++) {
    const len = ctx.colors ? removeColors(output[i]).length : output[i].length;
    widths[i] = len;
    totalLength += len + separatorSpace;
    if (maxLength < len) maxLength = len;
  }
  const actualMax = maxLength + separatorSpace;
  if (actualMax * 3 + ctx.indentationLvl < ctx.breakLength &&
      (totalLength / actualMax > 5 || maxLength <= 6)) {
    const averageBias = Math.sqrt(actualMax - totalLength / output.length);
    const biasedMax = Math.max(actualMax - 3 - averageBias, 1);
    const columns = Math.min(
      Math.round(Math.sqrt(2.5 * biasedMax * count) / biasedMax),
      Math.floor((ctx.breakLength - ctx.indentationLvl) / actualMax),
      ctx.compact * 4,
      15,
    );
    if (columns <= 1) return output;
    const columnWidths = [];
    for (let c = 0; c < columns; c++) {
      let w = 0;
      for (let j = c; j < output.length; j += columns) if (widths[j] > w) w = widths[j];
      columnWidths.push(w + separatorSpace);
    }
    // Numbers are right-aligned, everything else left-aligned.
    let padStart = true;
    if (value !== undefined) {
      for (let i = 0; i < output.length; i++) {
        if (typeof value[i] !== 'number' && typeof value[i] !== 'bigint') {
          padStart = false;
          break;
        }
      }
    }
    const rows = [];
    for (let i = 0; i < count; i += columns) {
      const end = Math.min(i + columns, count);
      let line = '';
      let j = i;
      for (; j < end - 1; j++) {
        const width = columnWidths[j - i] + output[j].length - widths[j];
        line += padStart ? `${output[j]}, `.padStart(width, ' ') : `${output[j]}, `.padEnd(width, ' ');
      }
      if (padStart) {
        const width = columnWidths[j - i] + output[j].length - widths[j] - separatorSpace;
        line += output[j].padStart(width, ' ');
      } else {
        line += output[j];
      }
      rows.push(line);
    }
    if (ctx.maxArrayLength < output.length) rows.push(output[count]);
    output = rows;
  }
  return output;
}

function reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value) {
  if (ctx.compact !== true) {
    if (typeof ctx.compact === 'number' && ctx.compact >= 1) {
      const entries = output.length;
      if (extrasType === kArrayExtrasType && entries > 6) {
        output = groupArrayElements(ctx, output, value);
      }
      // Objects nested no deeper than `compact` levels may share a line,
      // if that line fits within breakLength.
      if (ctx.currentDepth - recurseTimes < ctx.compact && entries === output.length) {
        const start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
        if (isBelowBreakLength(ctx, output, start, base)) {
          const joined = output.join(', ');
          if (!joined.includes('\n')) {
            return `${base ? `${base} ` : ''}${braces[0]} ${joined} ${braces[1]}`;
          }
        }
      }
    }
    const indentation = `\n${' '.repeat(ctx.indentationLvl)}`;
    return `${base ? `${base} ` : ''}${braces[0]}${indentation}  ${output.join(`,${indentation}  `)}${indentation}${braces[1]}`;
  }
  // compact === true: the pre-Node-12 layout.
  if (isBelowBreakLength(ctx, output, 0, base)) {
    return `${braces[0]}${base ? ` ${base}` : ''} ${output.join(', ')} ${braces[1]}`;
  }
  const indentation = ' '.repeat(ctx.indentationLvl);
  const lead = base === '' && braces[0].length === 1 ? ' ' : `${base ? ` ${base}` : ''}\n${indentation}  `;
  return `${braces[0]}${lead}${output.join(`,\n${indentation}  `)} ${braces[1]}`;
}

// ---- string width ----------------------------------------------------------------

function isFullWidth(code) {
  return code >= 0x1100 && (
    code <= 0x115f || code === 0x2329 || code === 0x232a ||
    (code >= 0x2e80 && code <= 0x3247 && code !== 0x303f) ||
    (code >= 0x3250 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0xa4c6) ||
    (code >= 0xa960 && code <= 0xa97c) || (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe10 && code <= 0xfe19) ||
    (code >= 0xfe30 && code <= 0xfe6b) || (code >= 0xff01 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) || (code >= 0x1b000 && code <= 0x1b001) ||
    (code >= 0x1f200 && code <= 0x1f251) || (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x20000 && code <= 0x3fffd));
}

function isZeroWidth(code) {
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x300 && code <= 0x36f) || (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x20d0 && code <= 0x20ff) || (code >= 0xfe00 && code <= 0xfe0f) ||
    (code >= 0xfe20 && code <= 0xfe2f) || (code >= 0xe0100 && code <= 0xe01ef);
}

// Columns a string takes on a terminal.
function getStringWidth(str, removeControlChars = true) {
  let width = 0;
  if (removeControlChars) str = stripVTControlCharacters(str);
  str = str.normalize('NFC');
  for (const ch of str) {
    const code = ch.codePointAt(0);
    if (isFullWidth(code)) width += 2;
    else if (!isZeroWidth(code)) width++;
  }
  return width;
}

function stripVTControlCharacters(str) {
  if (typeof str !== 'string') {
    const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
    throw new ERR_INVALID_ARG_TYPE('str', 'string', str);
  }
  ansiPattern.lastIndex = 0;
  return str.replace(ansiPattern, '');
}

// ---- format ----------------------------------------------------------------------

// Objects whose toString is the built-in one are inspected by %s; objects
// with their own toString are converted with String().
function hasBuiltInToString(value) {
  const target = getProxyDetails(value, false);
  if (target !== undefined) {
    if (target === null) return true;
    value = target;
  }
  // A program's own Symbol.toPrimitive decides; Date's built-in one does not.
  const toPrimitive = value[Symbol.toPrimitive];
  if (typeof toPrimitive === 'function' && toPrimitive !== Date.prototype[Symbol.toPrimitive]) return false;
  if (typeof value.toString !== 'function') return true;
  if (Object.prototype.hasOwnProperty.call(value, 'toString')) return false;
  let p = value;
  do {
    p = ObjectGetPrototypeOf(p);
  } while (p !== null && !Object.prototype.hasOwnProperty.call(p, 'toString'));
  if (p === null) return true;
  const desc = ObjectGetOwnPropertyDescriptor(p, 'constructor');
  return desc !== undefined && typeof desc.value === 'function' && builtInObjects.has(desc.value.name);
}

function tryStringify(arg) {
  try {
    return JSON.stringify(arg);
  } catch (err) {
    if (err instanceof TypeError && /circular/i.test(err.message)) return '[Circular]';
    throw err;
  }
}

function formatWithOptionsInternal(inspectOptions, args) {
  const first = args[0];
  let a = 0;
  let str = '';
  let join = '';
  if (typeof first === 'string') {
    if (args.length === 1) return first;
    let lastPos = 0;
    let piece;
    for (let i = 0; i < first.length - 1; i++) {
      if (first.charCodeAt(i) !== 37) continue; // '%'
      const next = first.charCodeAt(++i);
      if (a + 1 !== args.length) {
        switch (next) {
          case 115: { // s
            const arg = args[++a];
            if (typeof arg === 'number') piece = formatNumber(stylizeNoColor, arg, false);
            else if (typeof arg === 'bigint') piece = formatBigInt(stylizeNoColor, arg, false);
            else if (typeof arg !== 'object' || arg === null || !hasBuiltInToString(arg)) piece = String(arg);
            else piece = inspect(arg, { ...inspectOptions, depth: 0, colors: false, compact: 3 });
            break;
          }
          case 106: // j
            piece = tryStringify(args[++a]);
            break;
          case 100: { // d
            const arg = args[++a];
            if (typeof arg === 'bigint') piece = formatBigInt(stylizeNoColor, arg, false);
            else if (typeof arg === 'symbol') piece = 'NaN';
            else piece = formatNumber(stylizeNoColor, Number(arg), false);
            break;
          }
          case 79: // O
            piece = inspect(args[++a], inspectOptions);
            break;
          case 111: // o
            piece = inspect(args[++a], { ...inspectOptions, showHidden: true, showProxy: true, depth: 4 });
            break;
          case 105: { // i
            const arg = args[++a];
            if (typeof arg === 'bigint') piece = formatBigInt(stylizeNoColor, arg, false);
            else if (typeof arg === 'symbol') piece = 'NaN';
            else piece = formatNumber(stylizeNoColor, Number.parseInt(arg), false);
            break;
          }
          case 102: { // f
            const arg = args[++a];
            piece = typeof arg === 'symbol' ? 'NaN' : formatNumber(stylizeNoColor, Number.parseFloat(arg), false);
            break;
          }
          case 99: // c
            a += 1;
            piece = '';
            break;
          case 37: // %
            str += first.slice(lastPos, i);
            lastPos = i + 1;
            continue;
          default:
            continue;
        }
        if (lastPos !== i - 1) str += first.slice(lastPos, i - 1);
        str += piece;
        lastPos = i + 1;
      } else if (next === 37) {
        str += first.slice(lastPos, i);
        lastPos = i + 1;
      }
    }
    if (lastPos !== 0) {
      a++;
      join = ' ';
      if (lastPos < first.length) str += first.slice(lastPos);
    }
  }
  while (a < args.length) {
    const value = args[a];
    str += join;
    str += typeof value !== 'string' ? inspect(value, inspectOptions) : value;
    join = ' ';
    a++;
  }
  return str;
}

function format(...args) {
  return formatWithOptionsInternal(undefined, args);
}

function formatWithOptions(inspectOptions, ...args) {
  if (inspectOptions === null || typeof inspectOptions !== 'object') {
    const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
    throw new ERR_INVALID_ARG_TYPE('inspectOptions', 'Object', inspectOptions);
  }
  return formatWithOptionsInternal(inspectOptions, args);
}

module.exports = {
  inspect,
  inspectDefaultOptions: defaultOptions,
  format,
  formatWithOptions,
  getStringWidth,
  stripVTControlCharacters,
  stylizeWithColor,
  stylizeNoColor,
  strEscape,
  identicalSequenceRange,
  isError: (e) => isNativeError(e) || e instanceof Error,
  kStacklessErrors,
  previewEntries,
};

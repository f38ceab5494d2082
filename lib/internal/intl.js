'use strict';
// A minimal, English-only Intl for an engine (QuickJS) that has none.
//
// Packages reach for Intl for a handful of things: Intl.Segmenter to split
// strings into graphemes (string-width, hence yargs, cliui, wrap-ansi),
// Intl.DateTimeFormat().resolvedOptions().timeZone, NumberFormat and
// Collator for display, PluralRules and ListFormat for messages. This module
// implements those for the "en-US" locale only: any requested locale
// resolves to en-US (resolvedOptions().locale says so). Options it cannot
// honour (other time zones, compact notation, units...) throw
// ERR_NOT_IMPLEMENTED instead of formatting silently wrong.

const { notImplemented } = require('internal/errors');

const LOCALE = 'en-US';

function toObject(options) {
  if (options === undefined) return Object.create(null);
  if (options === null) throw new TypeError('Cannot convert undefined or null to object');
  return Object(options);
}

function getOption(options, name, allowed, fallback) {
  let v = options[name];
  if (v === undefined) return fallback;
  if (typeof fallback === 'boolean') return Boolean(v);
  v = String(v);
  if (allowed && !allowed.includes(v)) {
    throw new RangeError(`Value ${v} out of range for Intl options property ${name}`);
  }
  return v;
}

function getNumberOption(options, name, min, max, fallback) {
  let v = options[name];
  if (v === undefined) return fallback;
  v = Number(v);
  if (Number.isNaN(v) || v < min || v > max) {
    throw new RangeError(`${name} value is out of range.`);
  }
  return Math.floor(v);
}

function checkLocales(locales) {
  if (locales === undefined) return;
  const list = typeof locales === 'string' ? [locales] : Array.from(Object(locales));
  for (const tag of list) {
    if (typeof tag !== 'string' && (typeof tag !== 'object' || tag === null)) {
      throw new TypeError('Language ID should be string or object.');
    }
    if (!/^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/.test(String(tag))) {
      throw new RangeError(`Incorrect locale information provided`);
    }
  }
}

function getCanonicalLocales(locales) {
  checkLocales(locales);
  if (locales === undefined) return [];
  const list = typeof locales === 'string' ? [locales] : Array.from(Object(locales));
  const out = [];
  for (const tag of list) {
    const parts = String(tag).split('-');
    const canon = parts.map((p, i) => {
      if (i === 0) return p.toLowerCase();
      if (p.length === 2) return p.toUpperCase();
      if (p.length === 4) return p[0].toUpperCase() + p.slice(1).toLowerCase();
      return p.toLowerCase();
    }).join('-');
    if (!out.includes(canon)) out.push(canon);
  }
  return out;
}

function supportedLocalesOf(locales) {
  return getCanonicalLocales(locales).filter((l) => l === 'en' || l.startsWith('en-'));
}

// --- Segmenter ---------------------------------------------------------

// One extended grapheme cluster, approximately (UAX #29): CR LF, regional
// indicator pairs, and a base followed by combining marks, emoji modifiers,
// Hangul vowel/trailing jamo and ZWJ emoji sequences.
const graphemeRe = /\r\n|\p{Regional_Indicator}{2}|[\p{Cc}\p{Zl}\p{Zp}]|[\s\S](?:[\p{Grapheme_Extend}\p{Mc}\p{Emoji_Modifier}\u1160-\u11FF\uD7B0-\uD7FF]|\u200D\p{Extended_Pictographic}?)*/gu;
const wordRe = /([\p{L}\p{N}\p{M}_]+(?:['.\u2019][\p{L}\p{N}\p{M}_]+)*)|\r\n|\p{Zs}+|[\s\S]/gu;
const sentenceRe = /[^.!?\n]*(?:[.!?]+|\n|$)[\s]*/gu;

class Segments {
  #segmenter;
  #input;
  #list;

  constructor(segmenter, input, list) {
    this.#segmenter = segmenter;
    this.#input = input;
    this.#list = list;
  }

  containing(index) {
    let i = index === undefined ? 0 : Math.trunc(Number(index)) || 0;
    if (i < 0 || i >= this.#input.length) return undefined;
    for (const seg of this.#list) {
      if (i >= seg.index && i < seg.index + seg.segment.length) return { ...seg };
    }
    return undefined;
  }

  [Symbol.iterator]() {
    const list = this.#list;
    let i = 0;
    return {
      next() {
        if (i >= list.length) return { value: undefined, done: true };
        return { value: { ...list[i++] }, done: false };
      },
      [Symbol.iterator]() { return this; },
      [Symbol.toStringTag]: 'Segmenter String Iterator',
    };
  }
}

class Segmenter {
  #granularity;

  constructor(locales = undefined, options = undefined) {
    if (new.target === undefined) throw new TypeError("Constructor Intl.Segmenter requires 'new'");
    checkLocales(locales);
    options = toObject(options);
    getOption(options, 'localeMatcher', ['lookup', 'best fit'], 'best fit');
    this.#granularity = getOption(options, 'granularity', ['grapheme', 'word', 'sentence'], 'grapheme');
  }

  segment(input) {
    input = String(input);
    const list = [];
    const g = this.#granularity;
    const re = g === 'grapheme' ? graphemeRe : g === 'word' ? wordRe : sentenceRe;
    re.lastIndex = 0;
    let m;
    while ((m = re.exec(input)) !== null) {
      if (m[0] === '') {
        if (re.lastIndex >= input.length) break;
        re.lastIndex++;
        continue;
      }
      const seg = { segment: m[0], index: m.index, input };
      if (g === 'word') seg.isWordLike = m[1] !== undefined;
      list.push(seg);
    }
    return new Segments(this, input, list);
  }

  resolvedOptions() {
    return { locale: LOCALE, granularity: this.#granularity };
  }

  static supportedLocalesOf(locales) { return supportedLocalesOf(locales); }
}
Object.defineProperty(Segmenter.prototype, Symbol.toStringTag, { value: 'Intl.Segmenter', configurable: true });

// --- NumberFormat ------------------------------------------------------

// Decimal digits of a finite non-negative number: digits (no leading
// zeros, "0" for zero) and the position of the decimal point in them.
// (Plain string loops: this is on the path of every toLocaleString.)
function decimalDigits(x) {
  let s = String(x);
  let exp = 0;
  const e = s.indexOf('e');
  if (e >= 0) {
    exp = Number(s.slice(e + 1));
    s = s.slice(0, e);
  }
  let point = s.indexOf('.');
  if (point < 0) point = s.length;
  else s = s.slice(0, point) + s.slice(point + 1);
  point += exp;
  let lead = 0;
  while (lead < s.length && s.charCodeAt(lead) === 48) lead++;
  if (lead === s.length) return { digits: '0', point: 1 };
  if (lead > 0) {
    s = s.slice(lead);
    point -= lead;
  }
  return { digits: s, point };
}

// Rounds digits half away from zero, keeping `keep` digits.
function roundDigits(d, keep) {
  const { digits } = d;
  let { point } = d;
  if (keep >= digits.length) return d;
  if (keep < 0) return { digits: '0', point: 1 };
  let kept = digits.slice(0, keep);
  if (digits.charCodeAt(keep) >= 53) { // '5'
    let i = kept.length - 1;
    while (i >= 0 && kept.charCodeAt(i) === 57) i--; // '9'
    if (i < 0) {
      kept = '1' + '0'.repeat(kept.length);
      point++;
    } else {
      kept = kept.slice(0, i) + String.fromCharCode(kept.charCodeAt(i) + 1) + '0'.repeat(kept.length - i - 1);
    }
  }
  let lead = 0;
  while (lead < kept.length && kept.charCodeAt(lead) === 48) lead++;
  if (lead === kept.length) return { digits: '0', point: 1 };
  return { digits: kept.slice(lead), point: point - lead };
}

function stripTrailingZeros(s) {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 48) end--;
  return end === s.length ? s : s.slice(0, end);
}

function fixedParts(x, minInt, minFrac, maxFrac, minSig, maxSig) {
  let d = decimalDigits(x);
  if (maxSig !== undefined) d = roundDigits(d, maxSig);
  else d = roundDigits(d, d.point + maxFrac);
  let int;
  let frac;
  if (d.digits === '0') {
    int = '0';
    frac = '';
  } else if (d.point <= 0) {
    int = '0';
    frac = '0'.repeat(-d.point) + d.digits;
  } else if (d.point >= d.digits.length) {
    int = d.digits + '0'.repeat(d.point - d.digits.length);
    frac = '';
  } else {
    int = d.digits.slice(0, d.point);
    frac = d.digits.slice(d.point);
  }
  frac = stripTrailingZeros(frac);
  if (maxSig !== undefined) {
    // Pad with zeros up to minSig significant digits.
    let sig = d.digits === '0' ? 0 : (int === '0' ? 0 : int.length) + frac.length;
    if (int === '0') {
      let lead = 0;
      while (lead < frac.length && frac.charCodeAt(lead) === 48) lead++;
      sig = frac.length - lead;
    }
    if (sig < minSig) frac += '0'.repeat(minSig - Math.max(sig, 1));
  } else if (frac.length < minFrac) {
    frac += '0'.repeat(minFrac - frac.length);
  }
  if (int.length < minInt) int = '0'.repeat(minInt - int.length) + int;
  return { int, frac, zero: d.digits === '0' };
}

const currencySymbols = { USD: '$', EUR: '€', GBP: '£', JPY: '¥', CNY: 'CN¥', INR: '₹', CAD: 'CA$', AUD: 'A$', KRW: '₩' };
const currencyDigits = { JPY: 0, KRW: 0 };

class NumberFormat {
  #opts;
  #boundFormat;

  constructor(locales = undefined, options = undefined) {
    checkLocales(locales);
    options = toObject(options);
    getOption(options, 'localeMatcher', ['lookup', 'best fit'], 'best fit');
    const style = getOption(options, 'style', ['decimal', 'percent', 'currency', 'unit'], 'decimal');
    let currency = getOption(options, 'currency', null, undefined);
    if (style === 'unit') throw notImplemented('Intl.NumberFormat style "unit"');
    if (style === 'currency' && currency === undefined) throw new TypeError('Currency code is required with currency style.');
    if (currency !== undefined) currency = currency.toUpperCase();
    const currencyDisplay = getOption(options, 'currencyDisplay', ['code', 'symbol', 'narrowSymbol', 'name'], 'symbol');
    if (currencyDisplay === 'name') throw notImplemented('Intl.NumberFormat currencyDisplay "name"');
    const notation = getOption(options, 'notation', ['standard', 'scientific', 'engineering', 'compact'], 'standard');
    if (notation !== 'standard') throw notImplemented(`Intl.NumberFormat notation "${notation}"`);
    const cd = style === 'currency' ? (currencyDigits[currency] ?? 2) : 0;
    const minimumIntegerDigits = getNumberOption(options, 'minimumIntegerDigits', 1, 21, 1);
    let minimumFractionDigits = getNumberOption(options, 'minimumFractionDigits', 0, 100, undefined);
    let maximumFractionDigits = getNumberOption(options, 'maximumFractionDigits', 0, 100, undefined);
    const defMax = style === 'currency' ? cd : style === 'percent' ? 0 : 3;
    if (minimumFractionDigits === undefined) {
      minimumFractionDigits = Math.min(cd, maximumFractionDigits ?? cd);
    }
    if (maximumFractionDigits === undefined) {
      maximumFractionDigits = Math.max(minimumFractionDigits, defMax);
    } else if (maximumFractionDigits < minimumFractionDigits) {
      throw new RangeError('maximumFractionDigits value is out of range.');
    }
    let minimumSignificantDigits = getNumberOption(options, 'minimumSignificantDigits', 1, 21, undefined);
    let maximumSignificantDigits = getNumberOption(options, 'maximumSignificantDigits', 1, 21, undefined);
    if (minimumSignificantDigits !== undefined || maximumSignificantDigits !== undefined) {
      minimumSignificantDigits ??= 1;
      maximumSignificantDigits ??= 21;
      if (maximumSignificantDigits < minimumSignificantDigits) {
        throw new RangeError('maximumSignificantDigits value is out of range.');
      }
    }
    let useGrouping = options.useGrouping;
    if (useGrouping === undefined) useGrouping = 'auto';
    else if (useGrouping === false || useGrouping === 'false') useGrouping = false;
    else if (useGrouping === true || useGrouping === 'true') useGrouping = 'always';
    else useGrouping = String(useGrouping);
    const signDisplay = getOption(options, 'signDisplay', ['auto', 'never', 'always', 'exceptZero', 'negative'], 'auto');
    this.#opts = {
      locale: LOCALE, numberingSystem: 'latn', style, currency, currencyDisplay,
      minimumIntegerDigits, minimumFractionDigits, maximumFractionDigits,
      minimumSignificantDigits, maximumSignificantDigits, useGrouping, notation, signDisplay,
    };
  }

  get format() {
    if (!this.#boundFormat) {
      this.#boundFormat = (x) => {
        const parts = this.#parts(x);
        let out = '';
        for (let i = 0; i < parts.length; i++) out += parts[i].value;
        return out;
      };
    }
    return this.#boundFormat;
  }

  formatToParts(x) {
    return this.#parts(x);
  }

  #parts(x) {
    const o = this.#opts;
    const parts = [];
    let negative;
    let body;
    if (typeof x === 'bigint') {
      negative = x < 0n;
      const s = (negative ? -x : x).toString();
      body = { int: s, frac: o.minimumFractionDigits > 0 ? '0'.repeat(o.minimumFractionDigits) : '' };
    } else {
      x = Number(x);
      if (o.style === 'percent') x *= 100;
      negative = x < 0 || Object.is(x, -0);
      const ax = Math.abs(x);
      if (Number.isNaN(x)) {
        negative = false;
        body = { special: 'nan', value: 'NaN' };
      } else if (ax === Infinity) {
        body = { special: 'infinity', value: '∞' };
      } else {
        body = fixedParts(ax, o.minimumIntegerDigits, o.minimumFractionDigits, o.maximumFractionDigits,
          o.minimumSignificantDigits, o.maximumSignificantDigits);
      }
    }
    const isZero = !body.special && (body.zero ?? /^0*$/.test(body.int));
    let sign = '';
    switch (o.signDisplay) {
      case 'auto': sign = negative ? '-' : ''; break;
      case 'never': sign = ''; break;
      case 'always': sign = negative ? '-' : '+'; break;
      case 'exceptZero': sign = isZero ? '' : negative ? '-' : '+'; break;
      case 'negative': sign = negative && !isZero ? '-' : ''; break;
    }
    if (sign) parts.push({ type: sign === '-' ? 'minusSign' : 'plusSign', value: sign });
    if (o.style === 'currency') {
      const sym = o.currencyDisplay === 'code' ? `${o.currency}\u00a0` :
        (currencySymbols[o.currency] ?? `${o.currency}\u00a0`);
      const value = sym.endsWith('\u00a0') ? sym.slice(0, -1) : sym;
      parts.push({ type: 'currency', value });
      if (value !== sym) parts.push({ type: 'literal', value: '\u00a0' });
    }
    if (body.special) {
      parts.push({ type: body.special, value: body.value });
    } else {
      const int = body.int;
      const group = o.useGrouping === 'always' || (o.useGrouping !== false && (o.useGrouping !== 'min2' || int.length >= 5));
      if (group && int.length > 3) {
        const first = int.length % 3 || 3;
        parts.push({ type: 'integer', value: int.slice(0, first) });
        for (let i = first; i < int.length; i += 3) {
          parts.push({ type: 'group', value: ',' });
          parts.push({ type: 'integer', value: int.slice(i, i + 3) });
        }
      } else {
        parts.push({ type: 'integer', value: int });
      }
      if (body.frac) {
        parts.push({ type: 'decimal', value: '.' });
        parts.push({ type: 'fraction', value: body.frac });
      }
    }
    if (o.style === 'percent') parts.push({ type: 'percentSign', value: '%' });
    return parts;
  }

  resolvedOptions() {
    const o = this.#opts;
    const r = { locale: o.locale, numberingSystem: o.numberingSystem, style: o.style };
    if (o.style === 'currency') {
      r.currency = o.currency;
      r.currencyDisplay = o.currencyDisplay;
      r.currencySign = 'standard';
    }
    r.minimumIntegerDigits = o.minimumIntegerDigits;
    r.minimumFractionDigits = o.minimumFractionDigits;
    r.maximumFractionDigits = o.maximumFractionDigits;
    if (o.maximumSignificantDigits !== undefined) {
      r.minimumSignificantDigits = o.minimumSignificantDigits;
      r.maximumSignificantDigits = o.maximumSignificantDigits;
    }
    Object.assign(r, {
      useGrouping: o.useGrouping, notation: o.notation, signDisplay: o.signDisplay,
      roundingMode: 'halfExpand', roundingIncrement: 1, trailingZeroDisplay: 'auto', roundingPriority: 'auto',
    });
    return r;
  }

  static supportedLocalesOf(locales) { return supportedLocalesOf(locales); }
}
Object.defineProperty(NumberFormat.prototype, Symbol.toStringTag, { value: 'Intl.NumberFormat', configurable: true });

// --- DateTimeFormat ----------------------------------------------------

let localZone;
// The zone database binding (process_methods' zoneName/zoneParts).
let zoneBindingValue;
function zoneBinding() {
  zoneBindingValue ??= internalBinding('process_methods');
  return zoneBindingValue;
}

// eraName names the era of the fields f (whose year was made positive
// when it is BC) in en-US.
function eraName(f, width) {
  const bc = f.bc === true;
  if (width === 'long') return bc ? 'Before Christ' : 'Anno Domini';
  if (width === 'narrow') return bc ? 'B' : 'A';
  return bc ? 'BC' : 'AD';
}

const usZoneAbbrs = new Set(['EST', 'EDT', 'CST', 'CDT', 'MST', 'MDT', 'PST', 'PDT', 'AKST', 'AKDT', 'HST']);

function localTimeZone() {
  if (localZone !== undefined) return localZone;
  localZone = 'UTC';
  const tz = process.env.TZ;
  if (tz) {
    localZone = tz.startsWith(':') ? tz.slice(1) : tz;
  } else {
    try {
      const link = require('fs').readlinkSync('/etc/localtime');
      const i = link.indexOf('zoneinfo/');
      if (i >= 0) localZone = link.slice(i + 'zoneinfo/'.length);
    } catch {
      // No /etc/localtime link: UTC.
    }
  }
  if (localZone === 'Etc/UTC' || localZone === 'UTC0' || localZone === 'Etc/Universal') localZone = 'UTC';
  return localZone;
}

const monthsLong = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const daysLong = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function nameOf(list, i, width) {
  if (width === 'long') return list[i];
  if (width === 'short') return list[i].slice(0, 3);
  return list[i][0];
}

const dateFields = ['weekday', 'era', 'year', 'month', 'day', 'dayPeriod', 'hour', 'minute', 'second', 'fractionalSecondDigits', 'timeZoneName'];

class DateTimeFormat {
  #opts;
  #boundFormat;

  constructor(locales = undefined, options = undefined) {
    checkLocales(locales);
    options = toObject(options);
    getOption(options, 'localeMatcher', ['lookup', 'best fit'], 'best fit');
    let timeZone = options.timeZone;
    if (timeZone === undefined) {
      timeZone = localTimeZone();
    } else {
      timeZone = String(timeZone);
      const upper = timeZone.toUpperCase();
      if (upper === 'UTC' || upper === 'ETC/UTC' || upper === 'GMT' || upper === 'ETC/GMT') timeZone = 'UTC';
      else if (timeZone !== localTimeZone()) {
        // Any IANA zone: its fields come from the zone database (Go's).
        const name = /^[A-Za-z_+\-/0-9]+$/.test(timeZone) ? zoneBinding().zoneName(timeZone) : undefined;
        if (name === undefined) throw new RangeError(`Invalid time zone specified: ${timeZone}`);
        timeZone = name;
      }
    }
    const o = { locale: LOCALE, calendar: 'gregory', numberingSystem: 'latn', timeZone };
    const hour12 = options.hour12;
    const hourCycle = getOption(options, 'hourCycle', ['h11', 'h12', 'h23', 'h24'], undefined);
    o.weekday = getOption(options, 'weekday', ['narrow', 'short', 'long'], undefined);
    o.era = getOption(options, 'era', ['narrow', 'short', 'long'], undefined);
    o.year = getOption(options, 'year', ['2-digit', 'numeric'], undefined);
    o.month = getOption(options, 'month', ['2-digit', 'numeric', 'narrow', 'short', 'long'], undefined);
    o.day = getOption(options, 'day', ['2-digit', 'numeric'], undefined);
    o.hour = getOption(options, 'hour', ['2-digit', 'numeric'], undefined);
    o.minute = getOption(options, 'minute', ['2-digit', 'numeric'], undefined);
    o.second = getOption(options, 'second', ['2-digit', 'numeric'], undefined);
    o.fractionalSecondDigits = getNumberOption(options, 'fractionalSecondDigits', 1, 3, undefined);
    o.timeZoneName = getOption(options, 'timeZoneName', ['short', 'long', 'shortOffset', 'longOffset', 'shortGeneric', 'longGeneric'], undefined);
    o.dateStyle = getOption(options, 'dateStyle', ['full', 'long', 'medium', 'short'], undefined);
    o.timeStyle = getOption(options, 'timeStyle', ['full', 'long', 'medium', 'short'], undefined);
    const anyField = dateFields.some((f) => o[f] !== undefined);
    if ((o.dateStyle || o.timeStyle) && anyField) {
      throw new TypeError(`Can't set option ${dateFields.find((f) => o[f] !== undefined)} when ${o.dateStyle ? 'dateStyle' : 'timeStyle'} is used`);
    }
    // Like timeZoneName, an era alone gets the default date fields.
    if (!dateFields.some((f) => f !== 'timeZoneName' && f !== 'era' && o[f] !== undefined) && !o.dateStyle && !o.timeStyle) {
      o.year = 'numeric';
      o.month = 'numeric';
      o.day = 'numeric';
    }
    if (o.hour !== undefined || o.timeStyle) {
      if (hour12 !== undefined) o.hourCycle = hour12 ? 'h12' : 'h23';
      else o.hourCycle = hourCycle ?? 'h12';
      o.hour12 = o.hourCycle === 'h11' || o.hourCycle === 'h12';
    }
    this.#opts = o;
  }

  get format() {
    if (!this.#boundFormat) {
      // As V8 does, format() uses a plain space where the parts have U+202F.
      this.#boundFormat = (date) => this.formatToParts(date).map((p) => p.value).join('').replace(/\u202f/g, ' ');
    }
    return this.#boundFormat;
  }

  formatToParts(date) {
    const t = date === undefined ? Date.now() : Number(date);
    if (!Number.isFinite(t)) throw new RangeError('Invalid time value');
    const d = new Date(t);
    const tz = this.#opts.timeZone;
    const utc = tz === 'UTC';
    let f;
    if (utc || tz === localTimeZone()) {
      f = {
        year: utc ? d.getUTCFullYear() : d.getFullYear(),
        month: utc ? d.getUTCMonth() : d.getMonth(),
        day: utc ? d.getUTCDate() : d.getDate(),
        weekday: utc ? d.getUTCDay() : d.getDay(),
        hour: utc ? d.getUTCHours() : d.getHours(),
        minute: utc ? d.getUTCMinutes() : d.getMinutes(),
        second: utc ? d.getUTCSeconds() : d.getSeconds(),
        ms: utc ? d.getUTCMilliseconds() : d.getMilliseconds(),
        offset: utc ? 0 : -d.getTimezoneOffset(),
      };
    } else {
      const z = zoneBinding().zoneParts(t, tz);
      f = {
        year: z[0], month: z[1], day: z[2], weekday: z[3], hour: z[4], minute: z[5], second: z[6], ms: z[7],
        offset: z[8], abbr: z[9], long: z[10],
      };
    }
    const o = { ...this.#opts };
    let joiner = ', ';
    if (o.dateStyle || o.timeStyle) {
      switch (o.dateStyle) {
        case 'full': Object.assign(o, { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' }); break;
        case 'long': Object.assign(o, { month: 'long', day: 'numeric', year: 'numeric' }); break;
        case 'medium': Object.assign(o, { month: 'short', day: 'numeric', year: 'numeric' }); break;
        case 'short': Object.assign(o, { month: 'numeric', day: 'numeric', year: '2-digit' }); break;
      }
      switch (o.timeStyle) {
        case 'full': Object.assign(o, { hour: 'numeric', minute: '2-digit', second: '2-digit', timeZoneName: 'long' }); break;
        case 'long': Object.assign(o, { hour: 'numeric', minute: '2-digit', second: '2-digit', timeZoneName: 'short' }); break;
        case 'medium': Object.assign(o, { hour: 'numeric', minute: '2-digit', second: '2-digit' }); break;
        case 'short': Object.assign(o, { hour: 'numeric', minute: '2-digit' }); break;
      }
      if (o.dateStyle === 'full' || o.dateStyle === 'long') joiner = ' at ';
    }
    const parts = [];
    const lit = (value) => parts.push({ type: 'literal', value });
    const num = (type, v, style) => parts.push({ type, value: style === '2-digit' ? String(v % 100).padStart(2, '0') : String(v) });
    const hasDate = o.weekday || o.year || o.month || o.day;
    const hasTime = o.hour || o.minute || o.second;
    if (o.era && f.year < 1) {
      // Years before 1 are counted back in the BC era.
      f.year = 1 - f.year;
      f.bc = true;
    }
    if (o.era && !hasDate) {
      parts.push({ type: 'era', value: eraName(f, o.era) });
      if (hasTime) lit(', ');
    }
    if (hasDate) {
      const textMonth = o.month === 'long' || o.month === 'short' || o.month === 'narrow';
      if (o.weekday) {
        parts.push({ type: 'weekday', value: nameOf(daysLong, f.weekday, o.weekday) });
        if (o.year || o.month || o.day) lit(', ');
      }
      if (textMonth) {
        if (o.month) parts.push({ type: 'month', value: nameOf(monthsLong, f.month, o.month) });
        if (o.day) {
          if (o.month) lit(' ');
          num('day', f.day, o.day);
        }
        if (o.year) {
          if (o.day) lit(', ');
          else if (o.month) lit(' ');
          num('year', f.year, o.year);
        }
      } else {
        const seq = [];
        if (o.month) seq.push(['month', f.month + 1, o.month]);
        if (o.day) seq.push(['day', f.day, o.day]);
        if (o.year) seq.push(['year', f.year, o.year]);
        seq.forEach(([type, v, style], i) => {
          if (i > 0) lit('/');
          num(type, v, style);
        });
      }
    }
    if (o.era && hasDate) {
      lit(' ');
      parts.push({ type: 'era', value: eraName(f, o.era) });
    }
    if (hasTime) {
      if (hasDate) lit(joiner);
      const h12 = o.hour12;
      let h = f.hour;
      if (o.hourCycle === 'h12') h = h % 12 || 12;
      else if (o.hourCycle === 'h11') h %= 12;
      else if (o.hourCycle === 'h24') h = h || 24;
      const seq = [];
      if (o.hour) seq.push(['hour', h, o.hour === '2-digit' || (!h12 && o.minute) ? '2-digit' : 'numeric']);
      if (o.minute) seq.push(['minute', f.minute, o.hour || o.second ? '2-digit' : o.minute]);
      if (o.second) seq.push(['second', f.second, o.minute ? '2-digit' : o.second]);
      seq.forEach(([type, v, style], i) => {
        if (i > 0) lit(':');
        num(type, v, style);
      });
      if (o.fractionalSecondDigits) {
        lit('.');
        parts.push({ type: 'fractionalSecond', value: String(f.ms).padStart(3, '0').slice(0, o.fractionalSecondDigits) });
      }
      if (o.hour && h12) {
        lit('\u202f');
        parts.push({ type: 'dayPeriod', value: f.hour < 12 ? 'AM' : 'PM' });
      }
    } else if (o.fractionalSecondDigits) {
      parts.push({ type: 'fractionalSecond', value: String(f.ms).padStart(3, '0').slice(0, o.fractionalSecondDigits) });
    }
    if (o.timeZoneName) {
      if (parts.length) lit(hasTime ? ' ' : ', ');
      let name;
      if (o.timeZone === 'UTC') {
        name = o.timeZoneName === 'long' ? 'Coordinated Universal Time' : o.timeZoneName.endsWith('Offset') ? 'GMT' : 'UTC';
      } else if (f.long !== undefined && (o.timeZoneName === 'long' || o.timeZoneName === 'longGeneric') &&
                 !f.long.startsWith('GMT')) {
        name = f.long;
      } else if (f.abbr !== undefined && (o.timeZoneName === 'short' || o.timeZoneName === 'shortGeneric') &&
                 usZoneAbbrs.has(f.abbr)) {
        // en-US has short names for the US zones only; others are GMT+h.
        name = f.abbr;
      } else {
        const off = f.offset;
        const sign = off < 0 ? '-' : '+';
        const a = Math.abs(off);
        const hh = Math.floor(a / 60);
        const mm = a % 60;
        if (off === 0) name = 'GMT';
        else if (o.timeZoneName === 'longOffset') name = `GMT${sign}${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}`;
        else name = `GMT${sign}${hh}${mm ? `:${String(mm).padStart(2, '0')}` : ''}`;
      }
      parts.push({ type: 'timeZoneName', value: name });
    }
    return parts;
  }

  formatRange() {
    throw notImplemented('Intl.DateTimeFormat.prototype.formatRange');
  }

  resolvedOptions() {
    const o = this.#opts;
    const r = { locale: o.locale, calendar: o.calendar, numberingSystem: o.numberingSystem, timeZone: o.timeZone };
    if (o.hourCycle) {
      r.hourCycle = o.hourCycle;
      r.hour12 = o.hour12;
    }
    for (const k of ['weekday', 'era', 'year', 'month', 'day', 'hour', 'minute', 'second', 'fractionalSecondDigits', 'timeZoneName']) {
      if (o[k] !== undefined) {
        r[k] = ((k === 'minute' || k === 'second') && o.hour) || (k === 'hour' && o.hour12 === false) ? '2-digit' : o[k];
      }
    }
    if (o.dateStyle) r.dateStyle = o.dateStyle;
    if (o.timeStyle) r.timeStyle = o.timeStyle;
    return r;
  }

  static supportedLocalesOf(locales) { return supportedLocalesOf(locales); }
}
Object.defineProperty(DateTimeFormat.prototype, Symbol.toStringTag, { value: 'Intl.DateTimeFormat', configurable: true });

// --- Collator ----------------------------------------------------------

// Primary weights of ASCII characters in the root collation order: controls,
// space and punctuation, symbols, digits, then letters (a and A share a
// weight; case is a later level).
const asciiOrder = " _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789";
const asciiWeight = new Uint16Array(128);
for (let c = 0; c < 32; c++) asciiWeight[c] = c + 1;
for (let i = 0; i < asciiOrder.length; i++) asciiWeight[asciiOrder.charCodeAt(i)] = 40 + i;
for (let c = 97; c <= 122; c++) asciiWeight[c] = asciiWeight[c - 32] = 100 + (c - 97);
asciiWeight[127] = 32;

function weight(c) {
  return c < 128 ? asciiWeight[c] : 200 + c;
}

function primaryKey(s, ignorePunctuation) {
  let k = s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  if (ignorePunctuation) k = k.replace(/[\p{P}\p{Z}]/gu, '');
  return k;
}

// Compares code unit by code unit, by collation weight.
function cmpWeighted(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      const wx = weight(x);
      const wy = weight(y);
      if (wx !== wy) return wx < wy ? -1 : 1;
    }
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

// The common case, two ASCII strings without options: a single pass.
// Returns undefined when a string has a non-ASCII character.
function cmpAscii(a, b, upperFirst, sensitivity) {
  const n = Math.min(a.length, b.length);
  let caseDiff = 0;
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x > 127 || y > 127) return undefined;
    if (x === y) continue;
    const wx = asciiWeight[x];
    const wy = asciiWeight[y];
    if (wx !== wy) {
      // Later characters may still be non-ASCII, but the primary
      // difference decides regardless.
      return wx < wy ? -1 : 1;
    }
    if (caseDiff === 0) {
      // Same letter, different case: lower case first.
      caseDiff = (x > y ? -1 : 1) * (upperFirst ? -1 : 1);
    }
  }
  for (let i = n; i < a.length; i++) if (a.charCodeAt(i) > 127) return undefined;
  for (let i = n; i < b.length; i++) if (b.charCodeAt(i) > 127) return undefined;
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  if (sensitivity === 'base' || sensitivity === 'accent') return 0;
  return caseDiff;
}

// Compares with runs of digits as numbers.
function cmpNumeric(a, b) {
  const re = /(\d+)|\D+/g;
  const as = a.match(re) || [];
  const bs = b.match(re) || [];
  for (let i = 0; i < Math.min(as.length, bs.length); i++) {
    const x = as[i];
    const y = bs[i];
    const dx = x.charCodeAt(0) >= 48 && x.charCodeAt(0) <= 57;
    const dy = y.charCodeAt(0) >= 48 && y.charCodeAt(0) <= 57;
    if (dx && dy) {
      const nx = x.replace(/^0+/, '');
      const ny = y.replace(/^0+/, '');
      if (nx.length !== ny.length) return nx.length < ny.length ? -1 : 1;
      const c = cmpWeighted(nx, ny);
      if (c) return c;
    } else {
      const c = cmpWeighted(x, y);
      if (c) return c;
    }
  }
  return Math.sign(as.length - bs.length);
}

class Collator {
  #opts;
  #boundCompare;

  constructor(locales = undefined, options = undefined) {
    checkLocales(locales);
    options = toObject(options);
    getOption(options, 'localeMatcher', ['lookup', 'best fit'], 'best fit');
    const usage = getOption(options, 'usage', ['sort', 'search'], 'sort');
    const sensitivity = getOption(options, 'sensitivity', ['base', 'accent', 'case', 'variant'], 'variant');
    const ignorePunctuation = getOption(options, 'ignorePunctuation', null, false);
    const numeric = getOption(options, 'numeric', null, false);
    const caseFirst = getOption(options, 'caseFirst', ['upper', 'lower', 'false'], 'false');
    this.#opts = { locale: LOCALE, usage, sensitivity, ignorePunctuation, collation: 'default', numeric, caseFirst };
  }

  get compare() {
    if (!this.#boundCompare) {
      this.#boundCompare = (a, b) => this.#compare(String(a), String(b));
    }
    return this.#boundCompare;
  }

  #compare(a, b) {
    const o = this.#opts;
    if (!o.numeric && !o.ignorePunctuation) {
      const r = cmpAscii(a, b, o.caseFirst === 'upper', o.sensitivity);
      if (r !== undefined) return r;
    }
    const cmp = o.numeric ? cmpNumeric : cmpWeighted;
    let c = cmp(primaryKey(a, o.ignorePunctuation), primaryKey(b, o.ignorePunctuation));
    if (c || o.sensitivity === 'base') return c;
    if (o.sensitivity !== 'case') {
      const accents = (s) => s.normalize('NFD').toLowerCase();
      c = cmp(accents(a), accents(b));
      if (c || o.sensitivity === 'accent') return c;
    }
    // Case: lower case sorts first unless caseFirst is "upper".
    const caseKey = (s) => s.normalize('NFD').replace(/\p{M}/gu, '');
    const x = caseKey(a);
    const y = caseKey(b);
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      if (x[i] === y[i]) continue;
      const xl = x[i] === x[i].toLowerCase();
      const yl = y[i] === y[i].toLowerCase();
      if (xl !== yl) return (xl ? -1 : 1) * (o.caseFirst === 'upper' ? -1 : 1);
    }
    if (o.sensitivity === 'case') return 0;
    return cmpWeighted(a.normalize('NFD'), b.normalize('NFD'));
  }

  resolvedOptions() {
    return { ...this.#opts };
  }

  static supportedLocalesOf(locales) { return supportedLocalesOf(locales); }
}
Object.defineProperty(Collator.prototype, Symbol.toStringTag, { value: 'Intl.Collator', configurable: true });

// --- PluralRules -------------------------------------------------------

class PluralRules {
  #type;

  constructor(locales = undefined, options = undefined) {
    if (new.target === undefined) throw new TypeError("Constructor Intl.PluralRules requires 'new'");
    checkLocales(locales);
    options = toObject(options);
    this.#type = getOption(options, 'type', ['cardinal', 'ordinal'], 'cardinal');
  }

  select(n) {
    n = Number(n);
    if (!Number.isFinite(n)) return 'other';
    if (this.#type === 'cardinal') return n === 1 || n === -1 ? 'one' : 'other';
    if (!Number.isInteger(n)) return 'other';
    const a = Math.abs(n);
    const m10 = a % 10;
    const m100 = a % 100;
    if (m10 === 1 && m100 !== 11) return 'one';
    if (m10 === 2 && m100 !== 12) return 'two';
    if (m10 === 3 && m100 !== 13) return 'few';
    return 'other';
  }

  resolvedOptions() {
    return {
      locale: LOCALE, type: this.#type, minimumIntegerDigits: 1, minimumFractionDigits: 0,
      maximumFractionDigits: 3,
      pluralCategories: this.#type === 'cardinal' ? ['one', 'other'] : ['few', 'one', 'two', 'other'],
      roundingIncrement: 1, roundingMode: 'halfExpand', roundingPriority: 'auto', trailingZeroDisplay: 'auto',
    };
  }

  static supportedLocalesOf(locales) { return supportedLocalesOf(locales); }
}
Object.defineProperty(PluralRules.prototype, Symbol.toStringTag, { value: 'Intl.PluralRules', configurable: true });

// --- ListFormat --------------------------------------------------------

class ListFormat {
  #type;
  #style;

  constructor(locales = undefined, options = undefined) {
    if (new.target === undefined) throw new TypeError("Constructor Intl.ListFormat requires 'new'");
    checkLocales(locales);
    options = toObject(options);
    this.#type = getOption(options, 'type', ['conjunction', 'disjunction', 'unit'], 'conjunction');
    this.#style = getOption(options, 'style', ['long', 'short', 'narrow'], 'long');
  }

  formatToParts(list) {
    const items = [];
    for (const x of list ?? []) {
      if (typeof x !== 'string') throw new TypeError(`Iterable yielded ${String(x)} which is not a string`);
      items.push(x);
    }
    const parts = [];
    const n = items.length;
    let last;
    if (this.#type === 'conjunction') last = this.#style === 'long' ? ' and ' : this.#style === 'short' ? ' & ' : ', ';
    else if (this.#type === 'disjunction') last = ' or ';
    else last = this.#style === 'narrow' ? ' ' : ', ';
    const sep = this.#type === 'unit' && this.#style === 'narrow' ? ' ' : ', ';
    items.forEach((value, i) => {
      if (i > 0) {
        let lit = sep;
        if (i === n - 1) {
          if (n === 2) lit = last;
          else if (this.#type === 'unit') lit = sep;
          else if (this.#type === 'conjunction' && this.#style === 'narrow') lit = ', ';
          else lit = `,${last}`;
        }
        parts.push({ type: 'literal', value: lit });
      }
      parts.push({ type: 'element', value });
    });
    return parts;
  }

  format(list) {
    return this.formatToParts(list).map((p) => p.value).join('');
  }

  resolvedOptions() {
    return { locale: LOCALE, type: this.#type, style: this.#style };
  }

  static supportedLocalesOf(locales) { return supportedLocalesOf(locales); }
}
Object.defineProperty(ListFormat.prototype, Symbol.toStringTag, { value: 'Intl.ListFormat', configurable: true });

// en-US relative time: per unit, the long, short and narrow unit names
// (singular, plural) and the words of numeric: 'auto' for -1, 0 and 1.
const relativeUnits = {
  year: { long: ['year', 'years'], short: ['yr.', 'yr.'], narrow: ['y', 'y'], auto: ['last year', 'this year', 'next year'], autoShort: ['last yr.', 'this yr.', 'next yr.'] },
  quarter: { long: ['quarter', 'quarters'], short: ['qtr.', 'qtrs.'], narrow: ['q', 'q'], auto: ['last quarter', 'this quarter', 'next quarter'], autoShort: ['last qtr.', 'this qtr.', 'next qtr.'] },
  month: { long: ['month', 'months'], short: ['mo.', 'mo.'], narrow: ['mo', 'mo'], auto: ['last month', 'this month', 'next month'], autoShort: ['last mo.', 'this mo.', 'next mo.'] },
  week: { long: ['week', 'weeks'], short: ['wk.', 'wk.'], narrow: ['w', 'w'], auto: ['last week', 'this week', 'next week'], autoShort: ['last wk.', 'this wk.', 'next wk.'] },
  day: { long: ['day', 'days'], short: ['day', 'days'], narrow: ['d', 'd'], auto: ['yesterday', 'today', 'tomorrow'], autoShort: ['yesterday', 'today', 'tomorrow'] },
  hour: { long: ['hour', 'hours'], short: ['hr.', 'hr.'], narrow: ['h', 'h'], auto: [null, 'this hour', null], autoShort: [null, 'this hour', null] },
  minute: { long: ['minute', 'minutes'], short: ['min.', 'min.'], narrow: ['m', 'm'], auto: [null, 'this minute', null], autoShort: [null, 'this minute', null] },
  second: { long: ['second', 'seconds'], short: ['sec.', 'sec.'], narrow: ['s', 's'], auto: [null, 'now', null], autoShort: [null, 'now', null] },
};

class RelativeTimeFormat {
  #opts;
  #numberFormat;

  constructor(locales = undefined, options = undefined) {
    checkLocales(locales);
    options = toObject(options);
    getOption(options, 'localeMatcher', ['lookup', 'best fit'], 'best fit');
    const numberingSystem = options.numberingSystem;
    if (numberingSystem !== undefined && String(numberingSystem) !== 'latn') {
      throw notImplemented(`Intl.RelativeTimeFormat numberingSystem "${numberingSystem}"`);
    }
    const style = getOption(options, 'style', ['long', 'short', 'narrow'], 'long');
    const numeric = getOption(options, 'numeric', ['always', 'auto'], 'always');
    this.#opts = { locale: LOCALE, style, numeric, numberingSystem: 'latn' };
    this.#numberFormat = new NumberFormat(LOCALE);
  }

  format(value, unit) {
    return this.formatToParts(value, unit).map((p) => p.value).join('');
  }

  formatToParts(value, unit) {
    value = Number(value);
    unit = String(unit);
    const u = unit.endsWith('s') ? unit.slice(0, -1) : unit;
    const names = Object.hasOwn(relativeUnits, u) ? relativeUnits[u] : undefined;
    if (names === undefined) {
      throw new RangeError(`Invalid unit argument for Intl.RelativeTimeFormat.prototype.format() '${unit}'`);
    }
    if (!Number.isFinite(value)) throw new RangeError('Invalid time value');
    const { style, numeric } = this.#opts;
    if (numeric === 'auto' && (value === -1 || value === 0 || value === 1)) {
      const words = (style === 'long' ? names.auto : names.autoShort)[value + 1];
      if (words !== null) return [{ type: 'literal', value: words }];
    }
    const past = value < 0 || Object.is(value, -0);
    const abs = Math.abs(value);
    const word = names[style][abs === 1 ? 0 : 1];
    const sep = style === 'narrow' ? '' : ' ';
    const number = this.#numberFormat.formatToParts(abs).map((p) => ({ ...p, unit: u }));
    if (past) return [...number, { type: 'literal', value: `${sep}${word} ago` }];
    return [{ type: 'literal', value: 'in ' }, ...number, { type: 'literal', value: `${sep}${word}` }];
  }

  resolvedOptions() {
    const o = this.#opts;
    return { locale: o.locale, style: o.style, numeric: o.numeric, numberingSystem: o.numberingSystem };
  }

  static supportedLocalesOf(locales) {
    return supportedLocalesOf(locales);
  }
}
Object.defineProperty(RelativeTimeFormat.prototype, Symbol.toStringTag, { value: 'Intl.RelativeTimeFormat', configurable: true });

function unsupported(name) {
  return class {
    constructor() {
      throw notImplemented(`Intl.${name}`);
    }
  };
}

// Collator, DateTimeFormat and NumberFormat may also be called without new.
function callable(Impl) {
  const F = function(locales = undefined, options = undefined) {
    return Reflect.construct(Impl, [locales, options], new.target ?? F);
  };
  Object.defineProperty(F, 'name', { value: Impl.name });
  F.prototype = Impl.prototype;
  Object.defineProperty(Impl.prototype, 'constructor', { value: F, writable: true, configurable: true });
  F.supportedLocalesOf = supportedLocalesOf;
  return F;
}

const Intl = {};
for (const [name, value] of Object.entries({
  Collator: callable(Collator), DateTimeFormat: callable(DateTimeFormat), ListFormat,
  NumberFormat: callable(NumberFormat), PluralRules, Segmenter,
  RelativeTimeFormat,
  DisplayNames: unsupported('DisplayNames'),
  Locale: unsupported('Locale'),
  DurationFormat: unsupported('DurationFormat'),
  getCanonicalLocales,
  supportedValuesOf() { throw notImplemented('Intl.supportedValuesOf'); },
})) {
  Object.defineProperty(Intl, name, { value, writable: true, configurable: true, enumerable: false });
}
Object.defineProperty(Intl, Symbol.toStringTag, { value: 'Intl', configurable: true });

let defaultCollator;
// compareDefault(a, b) is new Intl.Collator().compare(a, b) for strings,
// with the ASCII case inline (String.prototype.localeCompare's hot path).
function compareDefault(a, b) {
  const r = cmpAscii(a, b, false, 'variant');
  if (r !== undefined) return r;
  defaultCollator ??= new Collator();
  return defaultCollator.compare(a, b);
}

module.exports = { Intl, compareDefault };

'use strict';
// The locale-sensitive methods of the built-in prototypes
// (Number/BigInt/Date.prototype.toLocale*String, String.prototype.
// localeCompare) answer through internal/intl, as they do in V8 with ICU:
// QuickJS's own versions ignore the locale and differ from node's output
// ("01/01/1970" dates, no digit grouping, code-point localeCompare).
// internal/intl loads on the first call.

let intl;
let defaultNumberFormat;

function lib() {
  intl ??= require('internal/intl');
  return intl;
}

const dateFields = ['weekday', 'year', 'month', 'day'];
const timeFields = ['dayPeriod', 'hour', 'minute', 'second', 'fractionalSecondDigits'];

// ToDateTimeOptions: which defaults apply when the options name no field.
function dateOptions(options, required, defaults) {
  const o = options === undefined ? {} : { ...Object(options) };
  if (o.dateStyle !== undefined || o.timeStyle !== undefined) return o;
  let needDefaults = true;
  if (required !== 'time' && dateFields.some((f) => o[f] !== undefined)) needDefaults = false;
  if (required !== 'date' && timeFields.some((f) => o[f] !== undefined)) needDefaults = false;
  if (needDefaults && (defaults === 'date' || defaults === 'all')) {
    o.year = 'numeric';
    o.month = 'numeric';
    o.day = 'numeric';
  }
  if (needDefaults && (defaults === 'time' || defaults === 'all')) {
    o.hour = 'numeric';
    o.minute = 'numeric';
    o.second = 'numeric';
  }
  return o;
}

function thisTime(d, method) {
  if (!(d instanceof Date)) {
    // Date.prototype.getTime throws the engine's TypeError for non-dates.
    return Date.prototype.getTime.call(d);
  }
  void method;
  return d.getTime();
}

function define(proto, name, fn) {
  Object.defineProperty(proto, name, { value: fn, writable: true, configurable: true, enumerable: false });
}

function install() {
  const numberValueOf = Number.prototype.valueOf;
  define(Number.prototype, 'toLocaleString', {
    toLocaleString(locales = undefined, options = undefined) {
      const x = numberValueOf.call(this);
      if (locales === undefined && options === undefined) {
        defaultNumberFormat ??= new (lib().Intl.NumberFormat)();
        return defaultNumberFormat.format(x);
      }
      return new (lib().Intl.NumberFormat)(locales, options).format(x);
    },
  }.toLocaleString);
  if (typeof BigInt === 'function') {
    const bigintValueOf = BigInt.prototype.valueOf;
    define(BigInt.prototype, 'toLocaleString', {
      toLocaleString(locales = undefined, options = undefined) {
        return new (lib().Intl.NumberFormat)(locales, options).format(bigintValueOf.call(this));
      },
    }.toLocaleString);
  }
  const dateMethod = (name, required, defaults) => {
    define(Date.prototype, name, {
      [name](locales = undefined, options = undefined) {
        const t = thisTime(this, name);
        if (Number.isNaN(t)) return 'Invalid Date';
        return new (lib().Intl.DateTimeFormat)(locales, dateOptions(options, required, defaults)).format(t);
      },
    }[name]);
  };
  dateMethod('toLocaleString', 'any', 'all');
  dateMethod('toLocaleDateString', 'date', 'date');
  dateMethod('toLocaleTimeString', 'time', 'time');
  define(String.prototype, 'localeCompare', {
    localeCompare(that, locales = undefined, options = undefined) {
      if (this === null || this === undefined) {
        throw new TypeError('String.prototype.localeCompare called on null or undefined');
      }
      const s = String(this);
      if (locales === undefined && options === undefined) return (intl ?? lib()).compareDefault(s, String(that));
      return new (lib().Intl.Collator)(locales, options).compare(s, that);
    },
  }.localeCompare);
}

module.exports = { install };

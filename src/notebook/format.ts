/**
 * Values as a notebook prints them: numbers with every digit JavaScript keeps (the shortest text
 * that reads back as the same number), strings quoted when they are a result, arrays and typed
 * arrays with their length, objects with their class name, all cut short past a few hundred items
 * or a few levels deep, circular references marked.
 */

const MAX_ITEMS = 100;
const MAX_DEPTH = 3;
const MAX_CHARS = 4_000;

/** A value as text: `quote` puts strings in quotes (results), print leaves them bare and whole. */
export function formatValue(value: unknown, quote = true): string {
  // a printed string is the learner's own text, kept whole (the run's MAX_TEXT still caps it)
  if (!quote && typeof value === 'string') return value;
  const text = show(value, quote, 0, new Set());
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS)}… (${text.length - MAX_CHARS} more characters)` : text;
}

function number(n: number): string {
  return Object.is(n, -0) ? '-0' : String(n);
}

function show(value: unknown, quote: boolean, depth: number, seen: Set<object>): string {
  switch (typeof value) {
    case 'number':
      return number(value);
    case 'bigint':
      return `${value}n`;
    case 'string':
      return quote ? JSON.stringify(value) : value;
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'symbol':
      return value.toString();
    case 'function':
      return `[Function${value.name ? ` ${value.name}` : ''}]`;
  }
  if (value === null) return 'null';
  const object = value as object;
  if (seen.has(object)) return '[Circular]';
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (value instanceof RegExp) return String(value);
  seen.add(object);
  try {
    const inner = (v: unknown) => show(v, true, depth + 1, seen);
    if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
      const arr = value as unknown as ArrayLike<number | bigint>;
      const name = value.constructor.name;
      if (depth >= MAX_DEPTH) return `${name}(${arr.length})`;
      return `${name}(${arr.length}) ${list(Array.from({ length: Math.min(arr.length, MAX_ITEMS) }, (_, i) => inner(arr[i])), arr.length)}`;
    }
    if (Array.isArray(value)) {
      if (depth >= MAX_DEPTH) return `Array(${value.length})`;
      return list(value.slice(0, MAX_ITEMS).map(inner), value.length);
    }
    if (value instanceof Map) {
      if (depth >= MAX_DEPTH) return `Map(${value.size})`;
      const items = [...value].slice(0, MAX_ITEMS).map(([k, v]) => `${inner(k)} => ${inner(v)}`);
      return `Map(${value.size}) {${items.length ? ` ${items.join(', ')}${value.size > MAX_ITEMS ? ', …' : ''} ` : ''}}`;
    }
    if (value instanceof Set) {
      if (depth >= MAX_DEPTH) return `Set(${value.size})`;
      return `Set(${value.size}) ${list([...value].slice(0, MAX_ITEMS).map(inner), value.size)}`;
    }
    const proto = Object.getPrototypeOf(object);
    const name = proto && proto !== Object.prototype && proto.constructor?.name ? `${proto.constructor.name} ` : '';
    const keys = Object.keys(object);
    if (depth >= MAX_DEPTH) return `${name}{…}`;
    const shown = keys.slice(0, MAX_ITEMS).map((k) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${inner((object as Record<string, unknown>)[k])}`);
    if (keys.length > MAX_ITEMS) shown.push(`… ${keys.length - MAX_ITEMS} more`);
    return shown.length === 0 ? `${name}{}` : `${name}{ ${shown.join(', ')} }`;
  } finally {
    seen.delete(object);
  }
}

function list(items: string[], length: number): string {
  const more = length > items.length ? `, … ${length - items.length} more` : '';
  return `[${items.join(', ')}${more}]`;
}

/** A table cell: strings bare, a missing value empty, anything else as formatValue writes it. */
export function formatCell(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  return formatValue(value, true);
}

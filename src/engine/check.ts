/** Argument checks that fail early with a message naming the argument, the expectation and the value. */

/** Throws unless `value` is a finite number. */
export function checkFinite(name: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`${name} must be a finite number, got ${describe(value)}`);
  }
}

/** Throws unless `value` is a finite number ≥ 0. */
export function checkNonNegative(name: string, value: unknown): asserts value is number {
  checkFinite(name, value);
  if (value < 0) throw new Error(`${name} must be ≥ 0, got ${value}`);
}

/** Throws unless `value` is an integer ≥ 1. */
export function checkPositiveInteger(name: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new Error(`${name} must be a positive integer, got ${describe(value)}`);
  }
}

/** Throws unless `values` is an array-like of `length` finite numbers (any length when length is omitted). */
export function checkVector(name: string, values: unknown, length?: number): asserts values is ArrayLike<number> {
  if (values === null || typeof values !== 'object' || typeof (values as ArrayLike<number>).length !== 'number') {
    throw new Error(`${name} must be an array of numbers, got ${describe(values)}`);
  }
  const v = values as ArrayLike<unknown>;
  if (length !== undefined && v.length !== length) {
    throw new Error(`${name} has ${v.length} values but ${length} were expected`);
  }
  for (let i = 0; i < v.length; i++) {
    if (typeof v[i] !== 'number' || !Number.isFinite(v[i])) {
      throw new Error(`${name}[${i}] must be a finite number, got ${describe(v[i])}`);
    }
  }
}

/** Throws unless `rows` is a non-empty array of rows, each `width` finite numbers. */
export function checkRows(name: string, rows: unknown, width: number): asserts rows is ArrayLike<ArrayLike<number>> {
  if (!Array.isArray(rows)) throw new Error(`${name} must be an array of rows, got ${describe(rows)}`);
  if (rows.length === 0) throw new Error(`${name} is empty`);
  for (let r = 0; r < rows.length; r++) checkVector(`${name}[${r}]`, rows[r], width);
}

/** Throws unless `name` is one of `known`, listing them. */
export function checkOneOf<T extends string>(what: string, name: unknown, known: readonly T[]): asserts name is T {
  if (typeof name !== 'string' || !known.includes(name as T)) {
    throw new Error(`unknown ${what} ${describe(name)}; known: ${known.join(', ')}`);
  }
}

/** A short printable form of any value, for error messages. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value == null) return String(value);
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  return typeof value;
}

/**
 * "Show me the code": what a widget's Code action shows. Each widget has a `code.ts` beside its
 * model with one pure function, state → WidgetCode, from the same state its share link carries:
 *
 * - `engine`: JavaScript for a notebook cell (the engine's API is in scope) that redoes the widget's
 *   run with the same settings and seed, and prints its history as CSV lines, the same header and
 *   the same numbers as the widget's "Download data".
 * - `python`: a program that does the same with PyTorch (torch.nn, torch.optim, float64, the
 *   starting weights written out), or with plain Python/NumPy where there is no sensible torch
 *   form. It prints the same CSV lines, numbers written as JavaScript writes them (PY_PRELUDE's
 *   `row`), so its output and the widget's CSV can be diffed line by line.
 *
 * The helpers below write numbers and arrays as source text that reads back to the same doubles.
 */

export interface WidgetCode {
  /** A notebook cell: JavaScript against the engine, printing the history as CSV lines. */
  engine: string;
  /** A Python program printing the same CSV lines. */
  python: string;
  /** Which Python: PyTorch, or plain Python/NumPy where torch has no sensible form. */
  pythonKind: 'pytorch' | 'numpy';
  /** The engine cell's time limit in ms, for a run known to take longer than the default 5 s. */
  timeLimitMs?: number;
}

/** A number as JavaScript source: shortest round-trip digits; non-finite ones by name. */
export function jsNum(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  return Object.is(x, -0) ? '-0' : String(x);
}

/** An array of numbers as JavaScript source, `[0.1, -2, 3e-7]`. */
export function jsList(xs: ArrayLike<number>): string {
  return `[${Array.from(xs, jsNum).join(', ')}]`;
}

/** A string as a JavaScript (and Python) literal. */
export function strLit(s: string): string {
  return JSON.stringify(s);
}

/**
 * A number as Python source that reads back to the same double: JavaScript's shortest digits are
 * valid Python (`1e-7`, `5e+21`), and a whole number gets `.0` so it stays a float.
 */
export function pyNum(x: number): string {
  if (Number.isNaN(x)) return "float('nan')";
  if (x === Infinity) return "float('inf')";
  if (x === -Infinity) return "-float('inf')";
  if (Object.is(x, -0)) return '-0.0';
  const s = String(x);
  return /[.e]/.test(s) ? s : `${s}.0`;
}

/** A Python int literal (for sizes, steps, seeds). */
export function pyInt(x: number): string {
  if (!Number.isInteger(x)) throw new Error(`pyInt: ${x} is not a whole number`);
  return String(x);
}

/** A list of floats as Python source, `[0.1, -2.0]`; long lists wrap at `perLine` values. */
export function pyList(xs: ArrayLike<number>, perLine = 6, indent = '    '): string {
  const items = Array.from(xs, pyNum);
  if (items.length <= perLine) return `[${items.join(', ')}]`;
  const lines: string[] = [];
  for (let i = 0; i < items.length; i += perLine) lines.push(`${indent}${items.slice(i, i + perLine).join(', ')},`);
  return `[\n${lines.join('\n')}\n${indent.slice(4)}]`;
}

/** A matrix (rows of floats) as a Python list of lists, one row per line. */
export function pyMatrix(rows: ArrayLike<number>[], indent = '    '): string {
  if (rows.length === 0) return '[]';
  return `[\n${rows.map((r) => `${indent}[${Array.from(r, pyNum).join(', ')}],`).join('\n')}\n${indent.slice(4)}]`;
}

/** Splits a flat row-major array into rows of `cols`. */
export function chunk(xs: ArrayLike<number>, cols: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < xs.length; i += cols) out.push(Array.from(xs).slice(i, i + cols));
  return out;
}

/**
 * The output helpers every Python program starts with, after its docstring: `num` writes a float
 * exactly as JavaScript's String(x) does (the widget's CSV; an empty field for NaN and ±∞, as the
 * CSV has), and `row` prints one CSV line.
 */
export const PY_PRELUDE = `# Output: CSV lines, numbers written the way the widget's CSV writes them (JavaScript's form).
import math
from decimal import Decimal


def num(x):
    """A number written as the widget's CSV writes it (JavaScript's shortest round-trip form)."""
    x = float(x)
    if math.isnan(x) or math.isinf(x):
        return ""
    if x == 0:
        return "0"
    sign, digits, exp = Decimal(repr(x)).normalize().as_tuple()
    s = "".join(map(str, digits))
    k, n = len(s), exp + len(s)
    if k <= n <= 21:
        out = s + "0" * (n - k)
    elif 0 < n <= 21:
        out = s[:n] + "." + s[n:]
    elif -6 < n <= 0:
        out = "0." + "0" * -n + s
    else:
        out = s[0] + ("." + s[1:] if k > 1 else "") + "e" + ("+" if n > 0 else "-") + str(abs(n - 1))
    return ("-" if sign else "") + out


def row(*values):
    """Prints one CSV line: text as it is, numbers through num()."""
    print(",".join(v if isinstance(v, str) else num(v) for v in values))
`;

/** The file name a Python program downloads as. */
export function pyFilename(base: string): string {
  return `${base.replace(/[^a-z0-9-]+/gi, '-').replace(/^-+|-+$/g, '') || 'widget'}.py`;
}

/**
 * Said in every PyTorch program's comments: torch and the engine follow the same definitions, but
 * torch's CPU kernels may order or fuse a multiply-add differently, so a number can differ from the
 * widget's in its last digit or so (measured per widget in tests/widgets/code/).
 */
export const PY_PRECISION_NOTE = `# The engine follows torch's definitions in float64. torch's CPU kernels may round a
# multiply-add differently, so a number here can differ from the widget's in its last digit.`;

/**
 * The engine's seeded randomness (random.ts) in Python, for programs whose run draws random numbers
 * (gradient noise, mini-batch order): `seeded(seed)` is the same mulberry32 generator, giving the same
 * k / 2³² numbers bit for bit, and `normal` and `shuffle` use them exactly as the engine does.
 */
export const PY_RANDOM = `

def seeded(seed):
    """The engine's generator (mulberry32): the same numbers in [0, 1) as seeded(seed) in the notebook."""
    state = int(seed) & 0xFFFFFFFF

    def imul(a, b):
        return (a * b) & 0xFFFFFFFF

    def random():
        nonlocal state
        state = (state + 0x6D2B79F5) & 0xFFFFFFFF
        h = imul(state ^ (state >> 15), state | 1)
        h ^= (h + imul(h ^ (h >> 7), h | 61)) & 0xFFFFFFFF
        return (h ^ (h >> 14)) / 4294967296

    return random


def normal(random):
    """A standard normal number by Box-Muller, as the engine draws it: sqrt(-2 ln u1) cos(2 pi u2)."""
    u1 = 1 - random()
    u2 = random()
    return math.sqrt(-2 * math.log(u1)) * math.cos(2 * math.pi * u2)


def shuffle(random, items):
    """Shuffles a list in place as the engine does (Fisher-Yates, from the last position down)."""
    for i in range(len(items) - 1, 0, -1):
        j = math.floor((i + 1) * random())
        items[i], items[j] = items[j], items[i]
    return items
`;

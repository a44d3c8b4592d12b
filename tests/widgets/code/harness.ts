/**
 * Shared checks for the widgets' "Show me the code" programs (src/widgets/<W>/code.ts):
 *
 * - `runEngine(code)` runs the engine cell in the notebook Runtime (as the page's kernel does) and
 *   returns its printed lines;
 * - `runPython(code)` runs the Python program with a Python that has torch (and NumPy), or returns
 *   null when there is none (`pythonWithTorch` says so once, with the reason);
 * - `expectSameHistory(lines, csv, tol)` checks that printed CSV lines match the widget's CSV:
 *   every printed column exists in the CSV under the same name, the same number of rows, and each
 *   value equal (text exactly, numbers within `tol` relative to max(1, |value|)).
 */
import { execFileSync } from 'node:child_process';
import { expect } from 'vitest';
import * as engine from '../../../src/engine/index.ts';
import { Runtime } from '../../../src/notebook/runtime.ts';

/** What the engine cell did: its status, its printed lines, and the error message if any. */
export interface EngineRun {
  status: 'ok' | 'error';
  lines: string[];
  error: string | null;
}

export async function runEngine(code: string): Promise<EngineRun> {
  const runtime = new Runtime(engine as unknown as Record<string, unknown>);
  const lines: string[] = [];
  let error: string | null = null;
  const { status } = await runtime.run(code, (o) => {
    if (o.kind === 'text' && o.stream !== 'result') lines.push(...o.text.split('\n'));
    if (o.kind === 'error') error = `${o.name}: ${o.message} (line ${o.line})`;
  });
  return { status, lines, error };
}

function findTorchPython(): { python: string | null; reason: string } {
  const tried: string[] = [];
  for (const python of [process.env.TORCH_PYTHON, '/usr/bin/python3', 'python3'].filter(Boolean) as string[]) {
    try {
      execFileSync(python, ['-c', 'import torch, numpy'], { stdio: 'ignore', timeout: 60_000 });
      return { python, reason: '' };
    } catch {
      tried.push(python);
    }
  }
  return { python: null, reason: `no Python with torch and numpy among ${tried.join(', ')} (apt-get install -y python3-torch, or set TORCH_PYTHON)` };
}

let found: { python: string | null; reason: string } | null = null;
/** The Python with torch, or null (and the reason is printed once). */
export function pythonWithTorch(): string | null {
  if (!found) {
    found = findTorchPython();
    if (!found.python) console.warn(`widget PyTorch programs not run: ${found.reason}`);
  }
  return found.python;
}

/** Runs a Python program; its printed lines (stdout). Throws with stderr if it fails. */
export function runPython(code: string, timeoutMs = 120_000): string[] {
  const python = pythonWithTorch();
  if (!python) throw new Error('no Python with torch');
  const out = execFileSync(python, ['-'], { input: code, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, PYTHONHASHSEED: '0', OMP_NUM_THREADS: '1' } });
  return out.toString().split('\n').filter((l) => l.length > 0);
}

/** Splits one CSV line (RFC 4180 quoting). */
export function csvFields(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let s = '';
      i++;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') { s += '"'; i += 2; } else if (line[i] === '"') { i++; break; } else s += line[i++];
      }
      out.push(s);
      i++; // the comma
    } else {
      const j = line.indexOf(',', i);
      const end = j < 0 ? line.length : j;
      out.push(line.slice(i, end));
      i = end + 1;
    }
    if (i > line.length) break;
  }
  return out;
}

/** A CSV document as a header and rows of fields. */
export function parseCSV(text: string): { header: string[]; rows: string[][] } {
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  return { header: csvFields(lines[0] ?? ''), rows: lines.slice(1).map(csvFields) };
}

/**
 * The printed lines (a CSV header, then rows) against the widget's CSV: same row count, every
 * printed column in the CSV, values equal within `tol` (0 means exactly the same text).
 * Returns the largest difference seen, relative to max(1, |value|).
 */
export function expectSameHistory(lines: string[], csv: string, tol: number, what = 'program'): number {
  const printed = parseCSV(lines.join('\n'));
  const widget = parseCSV(csv);
  expect(printed.rows.length, `${what}: rows printed vs rows in the widget's CSV`).toBe(widget.rows.length);
  expect(printed.rows.length, `${what}: printed no rows`).toBeGreaterThan(0);
  let worst = 0;
  printed.header.forEach((name, c) => {
    const w = widget.header.indexOf(name);
    expect(w, `${what}: column "${name}" is not in the widget's CSV (${widget.header.join(',')})`).toBeGreaterThanOrEqual(0);
    printed.rows.forEach((r, k) => {
      const a = r[c];
      const b = widget.rows[k][w];
      const x = Number(a);
      const y = Number(b);
      if (tol === 0 || a === '' || b === '' || Number.isNaN(x) || Number.isNaN(y)) {
        expect(a, `${what}: row ${k + 1}, column "${name}"`).toBe(b);
        return;
      }
      const d = Math.abs(x - y) / Math.max(1, Math.abs(y));
      worst = Math.max(worst, d);
      expect(d, `${what}: row ${k + 1}, column "${name}": ${a} vs the widget's ${b}`).toBeLessThanOrEqual(tol);
    });
  });
  return worst;
}

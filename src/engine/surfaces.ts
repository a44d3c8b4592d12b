/**
 * Two-dimensional test functions for racing optimizers, each with its analytic gradient, its known
 * minima, a view that frames them and a starting point that makes the race interesting.
 */
import { checkOneOf } from './check.ts';

/** The names `surface(name)` accepts. */
export const surfaceNames = ['bowl', 'rosenbrock', 'beale', 'saddle', 'himmelblau'] as const;

/** One of `surfaceNames`. */
export type SurfaceName = (typeof surfaceNames)[number];

/** A point (x, y). */
export type Point = [number, number];

/** A test surface f(x, y) with ∇f, where its minima are, and how to frame it. */
export interface Surface {
  readonly name: SurfaceName;
  f(x: number, y: number): number;
  grad(x: number, y: number): [number, number];
  /** Every global minimum (each has f = minValue). */
  readonly minima: Point[];
  readonly minValue: number;
  /** Saddle points worth marking. */
  readonly saddles: Point[];
  readonly view: { readonly xMin: number; readonly xMax: number; readonly yMin: number; readonly yMax: number };
  readonly start: Point;
}

/** Elongated bowl f = x² + 10y² (curvatures 2 and 20, condition number 10); ∇f = (2x, 20y); minimum (0, 0). */
export const bowl: Surface = {
  name: 'bowl',
  f: (x, y) => x * x + 10 * y * y,
  grad: (x, y) => [2 * x, 20 * y],
  minima: [[0, 0]],
  minValue: 0,
  saddles: [],
  view: { xMin: -4, xMax: 4, yMin: -4, yMax: 4 },
  start: [-3.5, 1.5],
};

/**
 * Rosenbrock's valley f = (1 − x)² + 100(y − x²)² (a = 1, b = 100);
 * ∇f = (−2(1 − x) − 400x(y − x²), 200(y − x²)); minimum (1, 1) at the end of a curved, flat valley.
 */
export const rosenbrock: Surface = {
  name: 'rosenbrock',
  f: (x, y) => (1 - x) ** 2 + 100 * (y - x * x) ** 2,
  grad: (x, y) => [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)],
  minima: [[1, 1]],
  minValue: 0,
  saddles: [],
  view: { xMin: -2, xMax: 2, yMin: -1, yMax: 3 },
  start: [-1.2, 1],
};

/**
 * Beale's function f = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²;
 * with uᵢ = cᵢ − x + x·yⁱ, ∂f/∂x = Σ 2uᵢ(yⁱ − 1) and ∂f/∂y = Σ 2uᵢ·i·x·yⁱ⁻¹; minimum (3, 0.5).
 */
export const beale: Surface = {
  name: 'beale',
  f: (x, y) => (1.5 - x + x * y) ** 2 + (2.25 - x + x * y * y) ** 2 + (2.625 - x + x * y ** 3) ** 2,
  grad: (x, y) => {
    const u1 = 1.5 - x + x * y;
    const u2 = 2.25 - x + x * y * y;
    const u3 = 2.625 - x + x * y ** 3;
    return [
      2 * u1 * (y - 1) + 2 * u2 * (y * y - 1) + 2 * u3 * (y ** 3 - 1),
      2 * u1 * x + 2 * u2 * 2 * x * y + 2 * u3 * 3 * x * y * y,
    ];
  },
  minima: [[3, 0.5]],
  minValue: 0,
  saddles: [],
  view: { xMin: -4.5, xMax: 4.5, yMin: -4.5, yMax: 4.5 },
  start: [1, 1.5],
};

/**
 * A saddle between two valleys: f = x² + y⁴ − 2y². Near the origin it is x² − 2y² (up along x,
 * down along y); ∇f = (2x, 4y³ − 4y); saddle (0, 0), minima (0, ±1) with f = −1.
 */
export const saddle: Surface = {
  name: 'saddle',
  f: (x, y) => x * x + y ** 4 - 2 * y * y,
  grad: (x, y) => [2 * x, 4 * y ** 3 - 4 * y],
  minima: [[0, 1], [0, -1]],
  minValue: -1,
  saddles: [[0, 0]],
  view: { xMin: -2, xMax: 2, yMin: -2, yMax: 2 },
  start: [-1.8, 0.01],
};

/**
 * Himmelblau's function f = (x² + y − 11)² + (x + y² − 7)²;
 * ∇f = (4x(x² + y − 11) + 2(x + y² − 7), 2(x² + y − 11) + 4y(x + y² − 7)); four minima with f = 0.
 */
export const himmelblau: Surface = {
  name: 'himmelblau',
  f: (x, y) => (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2,
  grad: (x, y) => [4 * x * (x * x + y - 11) + 2 * (x + y * y - 7), 2 * (x * x + y - 11) + 4 * y * (x + y * y - 7)],
  minima: [
    [3, 2],
    [-2.805118086952745, 3.131312518250573],
    [-3.779310253377747, -3.2831859912861696],
    [3.5844283403304917, -1.8481265269644036],
  ],
  minValue: 0,
  saddles: [],
  view: { xMin: -5, xMax: 5, yMin: -5, yMax: 5 },
  start: [0, 0],
};

const table: Record<SurfaceName, Surface> = { bowl, rosenbrock, beale, saddle, himmelblau };

/** The surface called `name` ({ f, grad, minima, … }); throws, listing the known names, for any other. */
export function surface(name: SurfaceName): Surface {
  checkOneOf('surface', name, surfaceNames);
  return table[name];
}

/**
 * The lesson's worked example: a 2-2-1 sigmoid network with hand-picked weights that computes XOR.
 * Hidden unit 1 acts as OR (it fires above the line x₁ + x₂ = 0.5), hidden unit 2 as NAND (below
 * x₁ + x₂ = 1.5), and the output as AND of the two (above a₁ + a₂ = 1.5). Every number the lesson
 * shows is computed here by the engine, and tests/widgets/xor-example.test.ts checks them.
 */
import { createMLP, type MLP } from '../../engine/mlp.ts';
import { unitLines, type UnitLine } from '../../engine/unit-lines.ts';

/** Hidden unit j: [w₁, w₂, b]; the output: [v₁, v₂, c]. */
export const XOR_WEIGHTS = {
  hidden: [
    [10, 10, -5],
    [-10, -10, 15],
  ],
  output: [10, 10, -15],
} as const;

/** One corner of the square, followed through the network. */
export interface XorRow {
  x: [number, number];
  target: number;
  /** Weighted sums z₁, z₂ and activations a₁ = σ(z₁), a₂ = σ(z₂) of the two hidden units. */
  z: [number, number];
  a: [number, number];
  /** The output unit's weighted sum z and the prediction ŷ = σ(z). */
  zOut: number;
  yHat: number;
}

/** The network with the worked example's weights (torch's layout: W row-major, then b, per layer). */
export function xorNetwork(): MLP {
  const net = createMLP({ sizes: [2, 2, 1], hidden: 'sigmoid', output: 'sigmoid' });
  const [u1, u2] = XOR_WEIGHTS.hidden;
  const v = XOR_WEIGHTS.output;
  net.params.set([u1[0], u1[1], u2[0], u2[1], u1[2], u2[2], v[0], v[1], v[2]]);
  return net;
}

/** The four corners with every intermediate number, the hidden units' lines and the output's line. */
export function xorExample(): { rows: XorRow[]; hiddenLines: UnitLine[]; outputLine: UnitLine } {
  const net = xorNetwork();
  const corners: [number, number][] = [
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ];
  const rows = corners.map((x) => {
    const target = x[0] ^ x[1];
    const trace = net.trace(x, [target], 'bce');
    const [hidden, out] = trace.layers;
    return {
      x,
      target,
      z: [hidden.z[0], hidden.z[1]] as [number, number],
      a: [hidden.a[0], hidden.a[1]] as [number, number],
      zOut: out.z[0],
      yHat: out.a[0],
    };
  });
  return { rows, hiddenLines: unitLines(net, 0), outputLine: unitLines(net, 1)[0] };
}

/** A number as the lesson prints it: four decimals, a true minus sign. */
export function fixed4(value: number): string {
  return value.toFixed(4).replace('-', '\u2212');
}

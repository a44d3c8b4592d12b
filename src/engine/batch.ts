/** Rows of inputs and targets packed once into flat arrays, the form the training loop reads. */
import { checkPositiveInteger, checkRows } from './check.ts';

/** `count` samples: input r is x[r·inputs … (r+1)·inputs), its target y[r·outputs … (r+1)·outputs). */
export interface Batch {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly count: number;
  readonly inputs: number;
  readonly outputs: number;
}

/** Packs equal-length lists of input rows and target rows (checked: same count, same widths, finite). */
export function packBatch(inputs: ArrayLike<ArrayLike<number>>, targets: ArrayLike<ArrayLike<number>>): Batch {
  if (!Array.isArray(inputs) || inputs.length === 0) throw new Error('inputs must be a non-empty array of rows');
  if (!Array.isArray(targets)) throw new Error('targets must be an array of rows');
  if (targets.length !== inputs.length) {
    throw new Error(`inputs has ${inputs.length} rows but targets has ${targets.length}`);
  }
  const nIn = (inputs[0] as ArrayLike<number>)?.length;
  const nOut = (targets[0] as ArrayLike<number>)?.length;
  checkPositiveInteger('inputs[0].length', nIn);
  checkPositiveInteger('targets[0].length', nOut);
  checkRows('inputs', inputs, nIn);
  checkRows('targets', targets, nOut);
  const count = inputs.length;
  const x = new Float64Array(count * nIn);
  const y = new Float64Array(count * nOut);
  for (let r = 0; r < count; r++) {
    for (let k = 0; k < nIn; k++) x[r * nIn + k] = inputs[r][k];
    for (let k = 0; k < nOut; k++) y[r * nOut + k] = targets[r][k];
  }
  return { x, y, count, inputs: nIn, outputs: nOut };
}

/** Throws unless the batch's widths match a network's input and output sizes. */
export function checkBatchFits(batch: Batch, inputs: number, outputs: number): void {
  if (batch.inputs !== inputs) throw new Error(`inputs have ${batch.inputs} values per row but the network takes ${inputs}`);
  if (batch.outputs !== outputs) throw new Error(`targets have ${batch.outputs} values per row but the network gives ${outputs}`);
}

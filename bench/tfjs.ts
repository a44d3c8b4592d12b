/**
 * The benchmark's comparison: the same 2-8-8-1 network trained with TensorFlow.js's model.fit on
 * its pure-JavaScript CPU backend (float32), starting from the engine's initial weights.
 */
import * as tf from '@tensorflow/tfjs';

// production mode skips debug checks and the console hint about the native Node backend
tf.enableProdMode();

/**
 * Builds the network with the given flat parameters (the engine's layout: per layer W[out][in],
 * then b), trains it full-batch for `epochs` epochs with SGD at learning rate lr, and returns the
 * loss Keras reports for the last epoch.
 */
export async function trainTfjs(params: Float64Array, sizes: number[], x: number[][], y: number[][], epochs: number, lr: number): Promise<number> {
  await tf.setBackend('cpu');
  const model = tf.sequential();
  for (let l = 0; l + 1 < sizes.length; l++) {
    const last = l + 2 === sizes.length;
    model.add(tf.layers.dense({ units: sizes[l + 1], activation: last ? 'sigmoid' : 'tanh', inputShape: l === 0 ? [sizes[0]] : undefined }));
  }
  // Keras stores a dense kernel as [in][out]: the transpose of torch's (and the engine's) [out][in]
  const weights: tf.Tensor[] = [];
  let offset = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    const inputs = sizes[l];
    const outputs = sizes[l + 1];
    const kernel = new Float32Array(inputs * outputs);
    for (let j = 0; j < outputs; j++) for (let k = 0; k < inputs; k++) kernel[k * outputs + j] = params[offset + j * inputs + k];
    offset += inputs * outputs;
    weights.push(tf.tensor2d(kernel, [inputs, outputs]), tf.tensor1d(Float32Array.from(params.subarray(offset, offset + outputs))));
    offset += outputs;
  }
  model.setWeights(weights);
  model.compile({ optimizer: tf.train.sgd(lr), loss: 'binaryCrossentropy' });
  const xs = tf.tensor2d(x);
  const ys = tf.tensor2d(y);
  const history = await model.fit(xs, ys, { epochs, batchSize: x.length, shuffle: false, verbose: 0 });
  const losses = history.history.loss as number[];
  tf.dispose([xs, ys, ...weights]);
  model.dispose();
  return losses[losses.length - 1];
}

/**
 * The engine's public API: pure TypeScript, no DOM, the same in the page, a Web Worker and Node.
 * See README.md beside this file for a tour and an example.
 */
export { seeded, seedOf, uniform, normal, integer, shuffle, permutation, type Random } from './random.ts';
export { sigmoid, softplus, erf, erfc, normalCdf, normalPdf } from './special.ts';
export { activation, activationNames, isActivationName, type Activation, type ActivationName } from './activations.ts';
export { activationCurve, type ActivationCurve } from './curves.ts';
export {
  loss, lossNames, mse, bce, bceLogits, crossEntropy, softmax, softmaxInto, logSumExp,
  squaredError, binaryCrossEntropy, binaryCrossEntropyGrad, binaryCrossEntropyLogits,
  type Loss, type LossName,
} from './losses.ts';
export { initialize, initNames, type InitName, type LayerShape } from './init.ts';
export { packBatch, type Batch } from './batch.ts';
export { createMLP, MLP, outputNames, type MLPSpec, type Layer, type OutputName } from './mlp.ts';
export { lossCode, type BatchResult, type NetLossName } from './network-loss.ts';
export { linspace, type GridOptions } from './grid.ts';
export { norm, meanAbs, type Trace, type LayerTrace } from './trace.ts';
export { centralDifference, numericalGradient } from './gradcheck.ts';
export { lossAlong, numericalLossGrad, composeLinear } from './probe.ts';
export { backpropSteps, paramIndex, type BackpropPass, type BackpropStep, type StepLoss, type StepOptions, type StepRule, type Sym, type Term } from './backprop-steps.ts';
export { relativeError, epsilonSweep, logSpace, gradientCost, type EpsilonRow, type GradientCost } from './gradient-check.ts';
export { lossCurve, type LossCurve } from './loss-curves.ts';
export { evaluateStep, type StepContext } from './step-arithmetic.ts';
export { weightProbe, type WeightProbe } from './weight-probe.ts';
export { curve, curveNames, descend, quadraticRegime, type CurveName, type LossCurve1D, type DescentPath, type Regime, type RegimeInfo } from './descent.ts';
export { race, momentumRate, type Runner, type Lane, type RaceOptions } from './race.ts';
export {
  createOptimizer, resolveOptions, optimizerKinds, optimizerDefaults,
  type Optimizer, type OptimizerKind, type OptimizerSpec,
} from './optimizers.ts';
export type { ResolvedOptions } from './optimizer-steps.ts';
export { surface, surfaceNames, type Surface, type SurfaceName, type Point } from './surfaces.ts';
export { dataset, datasetNames, gateSamples, petalRadius, type Dataset, type DatasetName, type DatasetOptions, type Samples, type GateKey } from './datasets.ts';
export { createTrainer, Trainer, type TrainerSpec, type RunReport, type Rows } from './train.ts';
export { History, stopMessage, type TrainStatus, type StopReason, type StepHistory, type EpochHistory } from './history.ts';
export * from './perceptron.ts';
export { unitLines, lineSide, type UnitLine } from './unit-lines.ts';
export { derivativeFacts, derivativeAt, derivativeRoot, oneSidedSlopes, chainBound, type DerivativeFacts, type PeakKind } from './derivative-facts.ts';
export { buildStack, stackCurves, stackSizes, lineFit, minimaxLine, STACK_LIMITS, type Stack, type StackSpec, type StackCurves } from './collapse.ts';
export {
  FLOW_ACTIVATIONS, FLOW_LIMITS, FLOW_DATA, flowData, flowInit, flowNetwork, gradientProfile, attenuation, chainProfile, deadUnits,
  type FlowActivation,
} from './gradient-flow.ts';
export { scaledNetwork, signalSizes, backwardGrowth, type SignalSizes } from './init-scale.ts';
export {
  featureKeys, handFeatureKeys, featureLabels, featureValue, featureColumns, featureRows, featureGrid, isHandFeature,
  type FeatureKey, type HandFeature,
} from './features.ts';
export {
  LAB_RECIPE, LAB_HIDDEN, TEST_SEED_OFFSET, labDatasetNames, labData, LinearFeatureModel, NetworkModel,
  type LabDatasetName, type LabScore, type FeatureWeight,
} from './feature-lab.ts';
export { DataSizeJob, dataSizeCurve, crossing, DATA_SIZE_DEFAULTS, TEST_SEED, type DataSizeSpec, type DataSizeResult, type AccuracyCurve, type Crossing } from './data-size.ts';

/**
 * English UI strings, under flat keys, in groups (./en/<group>.ts): `core`, which every page's
 * scripts load, the build-time page chrome, and one group a widget or feature, loaded by the
 * modules that use it (see ./index.ts). This is the whole catalogue, for types, tests and
 * build-time code. A second language has the same groups with the same keys (the `Messages` type
 * makes a missing key a type error). `{name}` marks a parameter.
 */
import { core } from './en/core.ts';
import { pages } from './en/pages.ts';
import { assign } from './en/assign.ts';
import { batch } from './en/batch.ts';
import { cell } from './en/cell.ts';
import { collapse } from './en/collapse.ts';
import { datasize } from './en/datasize.ts';
import { descent } from './en/descent.ts';
import { explorer } from './en/explorer.ts';
import { featurelab } from './en/featurelab.ts';
import { flow } from './en/flow.ts';
import { gradlab } from './en/gradlab.ts';
import { lossx } from './en/lossx.ts';
import { nested } from './en/nested.ts';
import { perceptron } from './en/perceptron.ts';
import { playground } from './en/playground.ts';
import { progress } from './en/progress.ts';
import { race } from './en/race.ts';
import { stepper } from './en/stepper.ts';
import { timeline } from './en/timeline.ts';
import { valley } from './en/valley.ts';
import { xorHidden } from './en/xor-hidden.ts';

export const en = {
  ...core,
  ...pages,
  ...assign,
  ...batch,
  ...cell,
  ...collapse,
  ...datasize,
  ...descent,
  ...explorer,
  ...featurelab,
  ...flow,
  ...gradlab,
  ...lossx,
  ...nested,
  ...perceptron,
  ...playground,
  ...progress,
  ...race,
  ...stepper,
  ...timeline,
  ...valley,
  ...xorHidden,
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

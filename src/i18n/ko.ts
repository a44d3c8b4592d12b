/**
 * Korean UI strings: the same groups and keys as en.ts (a missing key is a type error, and
 * tests/i18n/parity.test.ts checks the placeholders). Terms follow the course glossary: 활성화 함수,
 * 기울기, 경사 하강법, 학습률...
 */
import type { Messages } from './en.ts';
import { core } from './ko/core.ts';
import { pages } from './ko/pages.ts';
import { assign } from './ko/assign.ts';
import { batch } from './ko/batch.ts';
import { cell } from './ko/cell.ts';
import { collapse } from './ko/collapse.ts';
import { datasize } from './ko/datasize.ts';
import { descent } from './ko/descent.ts';
import { explorer } from './ko/explorer.ts';
import { featurelab } from './ko/featurelab.ts';
import { flow } from './ko/flow.ts';
import { gradlab } from './ko/gradlab.ts';
import { lossx } from './ko/lossx.ts';
import { nested } from './ko/nested.ts';
import { perceptron } from './ko/perceptron.ts';
import { playground } from './ko/playground.ts';
import { progress } from './ko/progress.ts';
import { race } from './ko/race.ts';
import { stepper } from './ko/stepper.ts';
import { timeline } from './ko/timeline.ts';
import { valley } from './ko/valley.ts';
import { xorHidden } from './ko/xor-hidden.ts';

export const ko: Messages = {
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
};

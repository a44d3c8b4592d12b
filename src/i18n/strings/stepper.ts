/**
 * Importing this module lets `t` find the strings of the backprop stepper, with its measures (its
 * loss names serve the loss explorer too): in a build, in its language only (the other is left out
 * of the bundle); outside a build, in both.
 */
import { register } from '../index.ts';
import { BUILD_LOCALE } from '../locales.ts';
import { stepper as en } from '../en/stepper.ts';
import { stepper as ko } from '../ko/stepper.ts';

if (BUILD_LOCALE !== 'ko') register('en', en);
if (BUILD_LOCALE !== 'en') register('ko', ko);

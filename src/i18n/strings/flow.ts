/**
 * Importing this module lets `t` find the strings of the gradient-flow race, with its measures: in
 * a build, in its language only (the other is left out of the bundle); outside a build, in both.
 */
import { register } from '../index.ts';
import { BUILD_LOCALE } from '../locales.ts';
import { flow as en } from '../en/flow.ts';
import { flow as ko } from '../ko/flow.ts';

if (BUILD_LOCALE !== 'ko') register('en', en);
if (BUILD_LOCALE !== 'en') register('ko', ko);

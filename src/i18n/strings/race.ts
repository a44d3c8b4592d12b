/**
 * Importing this module lets `t` find the strings of the optimizer race, with its measures: in a
 * build, in its language only (the other is left out of the bundle); outside a build, in both.
 */
import { register } from '../index.ts';
import { BUILD_LOCALE } from '../locales.ts';
import { race as en } from '../en/race.ts';
import { race as ko } from '../ko/race.ts';

if (BUILD_LOCALE !== 'ko') register('en', en);
if (BUILD_LOCALE !== 'en') register('ko', ko);

/**
 * Importing this module lets `t` find the strings of the linear-collapse widget, with its measures:
 * in a build, in its language only (the other is left out of the bundle); outside a build, in both.
 */
import { register } from '../index.ts';
import { BUILD_LOCALE } from '../locales.ts';
import { collapse as en } from '../en/collapse.ts';
import { collapse as ko } from '../ko/collapse.ts';

if (BUILD_LOCALE !== 'ko') register('en', en);
if (BUILD_LOCALE !== 'en') register('ko', ko);

/**
 * Importing this module lets `t` find the strings of chapter 1's nested fields figure: in a build,
 * in its language only (the other is left out of the bundle); outside a build, in both.
 */
import { register } from '../index.ts';
import { BUILD_LOCALE } from '../locales.ts';
import { nested as en } from '../en/nested.ts';
import { nested as ko } from '../ko/nested.ts';

if (BUILD_LOCALE !== 'ko') register('en', en);
if (BUILD_LOCALE !== 'en') register('ko', ko);

/**
 * Importing this module lets `t` find the strings of code cells: in a build, in its language only
 * (the other is left out of the bundle); outside a build, in both.
 */
import { register } from '../index.ts';
import { BUILD_LOCALE } from '../locales.ts';
import { cell as en } from '../en/cell.ts';
import { cell as ko } from '../ko/cell.ts';

if (BUILD_LOCALE !== 'ko') register('en', en);
if (BUILD_LOCALE !== 'en') register('ko', ko);

/**
 * Importing this module lets `t` find the strings of the progress page: in a build, in its language
 * only (the other is left out of the bundle); outside a build, in both.
 */
import { register } from '../index.ts';
import { BUILD_LOCALE } from '../locales.ts';
import { progress as en } from '../en/progress.ts';
import { progress as ko } from '../ko/progress.ts';

if (BUILD_LOCALE !== 'ko') register('en', en);
if (BUILD_LOCALE !== 'en') register('ko', ko);

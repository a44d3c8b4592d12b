/**
 * Importing this module lets `t` find the strings of chapter 1's timeline: in a build, in its
 * language only (the other is left out of the bundle); outside a build, in both.
 */
import { register } from '../index.ts';
import { BUILD_LOCALE } from '../locales.ts';
import { timeline as en } from '../en/timeline.ts';
import { timeline as ko } from '../ko/timeline.ts';

if (BUILD_LOCALE !== 'ko') register('en', en);
if (BUILD_LOCALE !== 'en') register('ko', ko);

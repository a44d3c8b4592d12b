/**
 * Importing this module lets `t` find the strings of the page chrome rendered at build time: header
 * and footer, course map, lesson layout, search, update notice, 404 page, callouts, reference page:
 * in a build, in its language only (the other is left out of the bundle); outside a build, in both.
 */
import { register } from '../index.ts';
import { BUILD_LOCALE } from '../locales.ts';
import { pages as en } from '../en/pages.ts';
import { pages as ko } from '../ko/pages.ts';

if (BUILD_LOCALE !== 'ko') register('en', en);
if (BUILD_LOCALE !== 'en') register('ko', ko);

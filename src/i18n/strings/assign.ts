/**
 * Importing this module lets `t` find the strings of the assignment composer and the assignment box
 * every widget frame holds: in a build, in its language only (the other is left out of the bundle);
 * outside a build, in both.
 */
import { register } from '../index.ts';
import { BUILD_LOCALE } from '../locales.ts';
import { assign as en } from '../en/assign.ts';
import { assign as ko } from '../ko/assign.ts';

if (BUILD_LOCALE !== 'ko') register('en', en);
if (BUILD_LOCALE !== 'en') register('ko', ko);

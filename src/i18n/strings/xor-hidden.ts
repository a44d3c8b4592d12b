/**
 * Importing this module lets `t` find the strings of the XOR hidden-layer figure: in a build, in
 * its language only (the other is left out of the bundle); outside a build, in both.
 */
import { register } from '../index.ts';
import { BUILD_LOCALE } from '../locales.ts';
import { xorHidden as en } from '../en/xor-hidden.ts';
import { xorHidden as ko } from '../ko/xor-hidden.ts';

if (BUILD_LOCALE !== 'ko') register('en', en);
if (BUILD_LOCALE !== 'en') register('ko', ko);

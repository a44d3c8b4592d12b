import { describe, expect, test } from 'vitest';
import { describeSettings, settingsLine } from '../../../src/components/widget/print-summary.ts';

function widget(html: string): HTMLElement {
  document.body.innerHTML = `<section class="nn-widget">${html}</section>`;
  return document.querySelector('section')!;
}

describe('describeSettings', () => {
  test('describeSettings(root) names the pressed toggle, each slider once, menus, typed fields and checked boxes', () => {
    const root = widget(`
      <fieldset><legend>Gate</legend>
        <button aria-pressed="false">OR</button><button aria-pressed="true">AND</button>
      </fieldset>
      <div class="param">
        <label for="w1">w₁</label>
        <input id="w1" type="range" min="-3" max="3" step="0.1" value="0.5" aria-valuetext="0.5" />
        <input type="text" aria-label="w₁, typed value" value="0.5" />
      </div>
      <div class="range">
        <span><label for="noise">Noise</label> <output for="noise">0.10</output></span>
        <input id="noise" type="range" min="0" max="1" step="0.05" value="0.1"
          aria-valuetext="a long sentence describing the noise level for screen readers" />
      </div>
      <label>Learning rate <select><option>0.1</option><option selected>0.03</option></select></label>
      <label>Rate typed <input type="text" value="0.3" /></label>
      <fieldset><legend>Show</legend>
        <label><input type="checkbox" checked /> test data</label>
        <label><input type="checkbox" /> lines</label>
        <label><input type="checkbox" checked /> grid</label>
      </fieldset>
      <label class="no-print-settings">Speed <select><option selected>Fast</option></select></label>
      <div class="tools"><label for="seed">Seed</label><input id="seed" type="text" value="7" /></div>
    `);
    expect(describeSettings(root)).toEqual([
      { name: 'Gate', value: 'AND' },
      { name: 'w₁', value: '0.5' },
      { name: 'Noise', value: '0.10' },
      { name: 'Learning rate', value: '0.03' },
      { name: 'Rate typed', value: '0.3' },
      { name: 'Show', value: 'test data, grid' },
    ]);
  });

  test('describeSettings(root) gives the checked radio of a group, and nothing for a widget without controls', () => {
    const root = widget(`
      <div role="radiogroup" aria-label="Activation">
        <label><input type="radio" name="a" /> sigmoid</label>
        <label><input type="radio" name="a" checked /> tanh</label>
      </div>`);
    expect(describeSettings(root)).toEqual([{ name: 'Activation', value: 'tanh' }]);
    expect(describeSettings(widget('<canvas></canvas><p>Epoch 3</p>'))).toEqual([]);
  });
});

describe('settingsLine', () => {
  test('settingsLine(settings) joins "name: value" pairs with middle dots; a bare name stands alone', () => {
    expect(
      settingsLine([
        { name: 'Gate', value: 'AND' },
        { name: 'Show test data', value: '' },
        { name: 'Seed', value: '7' },
      ]),
    ).toBe('Gate: AND · Show test data · Seed: 7');
    expect(settingsLine([])).toBe('');
  });
});

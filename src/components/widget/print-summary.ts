/**
 * What a widget's controls are set to, in words, for the printed page: on paper the sliders,
 * menus and buttons are hidden, so a line such as "Gate: AND · w₁: 0.5 · Learning rate: 0.1"
 * says which settings the picture shows.
 */

/** One setting: its name and what it is set to ("" for a checked box, whose name says it all). */
export interface Setting {
  name: string;
  value: string;
}

const clean = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

/** The text of `element` without the form controls inside it (a label wrapping its select). */
function textWithoutControls(element: Element, keepOutputs: boolean): string {
  const copy = element.cloneNode(true) as Element;
  const drop = keepOutputs ? 'input, select, textarea, button, datalist' : 'input, select, textarea, button, datalist, output';
  copy.querySelectorAll(drop).forEach((node) => node.remove());
  copy.querySelectorAll('.visually-hidden, [aria-hidden="true"]').forEach((node) => node.remove());
  return clean(copy.textContent);
}

/** The text of the elements `ids` (an aria-labelledby value) name. */
function textOfIds(ids: string | null, doc: Document): string {
  if (!ids) return '';
  return clean(
    ids
      .split(/\s+/)
      .map((id) => doc.getElementById(id))
      .filter((el): el is HTMLElement => !!el)
      .map((el) => textWithoutControls(el, false))
      .join(' '),
  );
}

/** A control's name: aria-labelledby, aria-label, then its label element; `withOutputs` keeps an <output> in a label. */
function controlName(control: HTMLElement, withOutputs = false): string {
  const doc = control.ownerDocument;
  const byIds = textOfIds(control.getAttribute('aria-labelledby'), doc);
  if (byIds) return byIds;
  const label = (control as HTMLInputElement).labels?.[0];
  if (label) {
    const text = textWithoutControls(label, withOutputs);
    if (text) return text;
  }
  return clean(control.getAttribute('aria-label'));
}

/** The name of the group a control sits in: a fieldset's legend, or a labelled role="group". */
function groupName(control: Element, root: Element): string {
  const group = control.closest('fieldset, [role="group"], [role="radiogroup"]');
  if (!group || !root.contains(group) || group === root) return '';
  if (group.tagName === 'FIELDSET') {
    const legend = group.querySelector(':scope > legend');
    if (legend) return clean(legend.textContent);
  }
  return textOfIds(group.getAttribute('aria-labelledby'), control.ownerDocument) || clean(group.getAttribute('aria-label'));
}

/** A slider's value as the reader sees it: its <output>, a short aria-valuetext, or the number. */
function rangeValue(control: HTMLInputElement): string {
  const output =
    (control.id ? control.ownerDocument.querySelector(`output[for~="${CSS.escape(control.id)}"]`) : null) ??
    control.labels?.[0]?.querySelector('output');
  if (output && clean(output.textContent)) return clean(output.textContent);
  const text = clean(control.getAttribute('aria-valuetext'));
  return text && text.length <= 24 ? text : control.value;
}

/**
 * The settings shown by the controls inside `root`, in document order: the pressed button of a
 * group of toggles, each slider, menu and typed field (a field beside a slider counts once), the
 * checked radio of a group and the checked boxes. Controls inside `skip` (e.g. the seed and the
 * share tools) or inside an element of class `no-print-settings` (controls of the view alone) are left out.
 */
export function describeSettings(root: Element, skip = '.tools'): Setting[] {
  const settings: Setting[] = [];
  const add = (name: string, value: string) => {
    if (!name && !value) return;
    const same = settings.find((s) => s.name === name && name !== '');
    if (same) {
      // Checked boxes of one group share a line: "Show: test data, lines".
      if (value && !same.value.split(', ').includes(value)) same.value = same.value ? `${same.value}, ${value}` : value;
      return;
    }
    settings.push({ name, value });
  };
  const controls = root.querySelectorAll<HTMLElement>('input, select, button[aria-pressed="true"]');
  for (const control of controls) {
    if (skip && control.closest(skip)) continue;
    // Controls of the view alone (playback speed, a drawing tool) are not settings of the experiment.
    if (control.closest('.no-print-settings')) continue;
    if (control.closest('[hidden], template')) continue;
    if (control instanceof HTMLButtonElement) {
      add(groupName(control, root), clean(control.textContent));
    } else if (control instanceof HTMLSelectElement) {
      add(controlName(control), clean(control.selectedOptions[0]?.textContent));
    } else if (control instanceof HTMLInputElement) {
      const type = control.type;
      if (type === 'range') {
        add(controlName(control), rangeValue(control));
      } else if (type === 'checkbox') {
        if (control.checked) {
          const group = groupName(control, root);
          const name = controlName(control);
          if (group) add(group, name);
          else add(name, '');
        }
      } else if (type === 'radio') {
        if (control.checked) add(groupName(control, root) || control.name, controlName(control));
      } else if (type === 'text' || type === 'number' || type === '') {
        // A typed field beside a slider repeats the slider's value.
        const row = control.parentElement;
        if (row?.querySelector('input[type="range"]')) continue;
        if (control.value.trim() === '') continue;
        add(controlName(control), control.value.trim());
      }
    }
  }
  return settings;
}

/** The settings as one line: "Gate: AND · w₁: 0.5 · Show test data". */
export function settingsLine(settings: readonly Setting[]): string {
  return settings.map((s) => (s.name && s.value ? `${s.name}: ${s.value}` : s.name || s.value)).join(' · ');
}

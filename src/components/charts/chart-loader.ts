/**
 * The chart set-up, fetched once for the whole page and only when a chart mounts: a
 * widget hydrates and draws its own pictures first, and its charts follow a moment later, so the
 * chart library is not in the task that wakes the widget.
 */
let loading: Promise<typeof import('./chart-setup.ts')> | null = null;

export function loadCharts(): Promise<typeof import('./chart-setup.ts')> {
  loading ??= import('./chart-setup.ts');
  return loading;
}

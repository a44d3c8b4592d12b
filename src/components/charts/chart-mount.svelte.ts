/**
 * The life of one chart on the page, shared by LineChart and ScatterChart: its width (from a
 * ResizeObserver), the theme's palette (read again when the theme changes), and the chart itself,
 * made once the chart set-up has loaded and the width is known (in a task of its own), then updated in place whenever
 * the component's spec changes. A chart unmounted while the set-up is still loading is never made.
 * Construct it while the component initialises.
 */
import { onMount, untrack } from 'svelte';
import type { ChartSpec, LiveChart } from './chart-setup.ts';
import { loadCharts } from './chart-loader.ts';
import { inTurn } from '../../lib/turns.ts';
import { onThemeChange, readPalette, type Palette } from './theme.ts';

export class ChartMount {
  /** The element the chart is drawn into (bound by the component). */
  host = $state<HTMLElement>();
  chart = $state.raw<LiveChart | null>(null);
  palette = $state.raw<Palette>(readPalette());
  /** The chart's width in CSS pixels (0 until the ResizeObserver has reported). */
  width = $state(0);

  /** `spec` gives what to draw (with `cursorX` null); `cursorX` the guide line's x, which only redraws. */
  constructor(spec: () => ChartSpec, cursorX: () => number | null = () => null) {
    let alive = true;
    let loading = false;
    onMount(() => {
      const offTheme = onThemeChange(() => (this.palette = readPalette()));
      const observer = new ResizeObserver((entries) => {
        const w = entries[0]?.contentRect.width ?? 0;
        if (w > 0) this.width = w;
      });
      if (this.host) observer.observe(this.host);
      return () => {
        alive = false;
        offTheme();
        observer.disconnect();
        this.chart?.destroy();
        this.chart = null;
      };
    });

    // Charts here show live numbers: they update in place, without animation, so a widget may
    // stream data at any rate and the picture always shows the current value.
    $effect(() => {
      const next = spec();
      const host = this.host;
      if (next.width <= 0 || !host) return;
      const x = untrack(cursorX);
      const chart = untrack(() => this.chart);
      if (chart) return chart.update({ ...next, cursorX: x });
      if (loading) return;
      loading = true;
      loadCharts().then(
        // each chart's first layout and drawing in a task of its own (see turns.ts)
        ({ createChart }) =>
          inTurn(() => {
            if (!alive || !this.host) return;
            this.chart = createChart(this.host, { ...untrack(spec), cursorX: untrack(cursorX) });
          }),
        // Offline without a stored copy: the text alternative stays; the next change tries again.
        () => (loading = false),
      );
    });

    // The guide line only needs a redraw.
    $effect(() => {
      const x = cursorX();
      untrack(() => this.chart)?.setCursorX(x);
    });
  }
}

// @ts-check
/** Registers `client:widget` (src/integrations/client-widget.ts) for the lessons' islands. */
import { fileURLToPath } from 'node:url';

/** @returns {import('astro').AstroIntegration} */
export default function widgetDirective() {
  return {
    name: 'nn-widget-directive',
    hooks: {
      'astro:config:setup': ({ addClientDirective }) => {
        addClientDirective({ name: 'widget', entrypoint: fileURLToPath(new URL('./client-widget.ts', import.meta.url)) });
      },
    },
  };
}

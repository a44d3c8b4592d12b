/** The site's own client directive (src/integrations/client-widget.ts), for type-checked .astro files. */
export {};

declare module 'astro' {
  interface AstroClientDirectives {
    /** Hydrate when near the viewport, or at once when the address names the island (src/integrations/client-widget.ts). */
    'client:widget'?: boolean | { rootMargin?: string };
  }
}

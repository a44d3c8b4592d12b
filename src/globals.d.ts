/** Set at build time by astro.config.mjs (`vite.define`): the build's language and the shared deploy base. */
declare const __NN_LOCALE__: string | undefined;
declare const __NN_ROOT_BASE__: string | undefined;

/** citation-js ships no types; `engine.ts` types the few calls it makes. */
declare module '@citation-js/core';
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';

import { z } from 'astro/zod';

/**
 * Zod probes `new Function` as each object schema is built, for a faster parser.
 * The Content Security Policy forbids eval and reports even the caught probe as a
 * violation, so schemas that run in the browser import this module first.
 */
z.config({ jitless: true });

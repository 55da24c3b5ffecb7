import { z } from 'astro/zod';

// Zod probes `new Function` when it builds an object schema, to decide whether
// to compile fast parsers. Under the site's Content Security Policy that probe
// is reported as a violation even though Zod catches it. Browser code that
// uses schemas imports this module before any schema module, so the probe
// never runs.
z.config({ jitless: true });

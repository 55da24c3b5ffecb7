import { z } from 'astro/zod';

// Zod compiles fast parsers with `new Function` when it may, and probes for that once. Under the
// pages' Content Security Policy the probe is refused and reported as a `securitypolicyviolation`
// even though Zod catches it. Parsing without the compiled fast path avoids the probe. This must
// run before any schema is built, so schema files that run in the browser import it first.
z.config({ jitless: true });

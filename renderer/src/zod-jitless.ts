import { z } from 'zod';

// zod 4 compiles object parsers with `new Function`, probing for it when a schema is created. The
// page's CSP forbids eval (script-src 'self'), so the probe alone would report a CSP violation.
// main.tsx imports this module first, before any module that creates a schema.
z.config({ jitless: true });

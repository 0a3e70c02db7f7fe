import { z } from 'zod';

// The page's Content-Security-Policy forbids eval; zod would otherwise probe for it (new Function), and the
// browser reports the blocked probe as a policy violation. jitless parsing is the same, only not compiled.
z.config({ jitless: true });

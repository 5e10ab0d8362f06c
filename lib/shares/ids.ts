import { z } from 'zod';

/** Ids in forms and paths: the app's own cuid-style ids, nothing else. */
export const idSchema = z.string().regex(/^[a-z0-9]{8,64}$/, 'Unknown id.');

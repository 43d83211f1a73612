import { z } from '@hono/zod-openapi';

/** At most this many changes waiting on a phone are reported (the outbox holds fewer). */
export const MAX_PENDING = 10_000;

export const HeartbeatBody = z
  .object({
    pending: z
      .number()
      .int()
      .min(0)
      .max(MAX_PENDING)
      .openapi({ description: 'Changes still waiting on the phone after this sync (failed or in conflict)' }),
  })
  .openapi('SyncHeartbeatBody', { example: { pending: 0 } });

export const SyncStatus = z
  .object({
    userId: z.string(),
    lastSyncedAt: z.string().openapi({ format: 'date-time' }),
    pending: z.number().int(),
  })
  .openapi('SyncStatus');

import type { Executor } from '../client/data-api-client.ts';

/** Svix ids may be up to this long; longer ones are refused before any SQL. */
const MAX_SVIX_ID = 100;

/** Webhook deliveries already applied, by `svix-id`, so a replayed delivery is not applied twice. */
export function webhookDeliveriesRepository(db: Executor) {
  return {
    /** Whether the delivery `svixId` was applied already. */
    async seen(svixId: string): Promise<boolean> {
      if (svixId.length > MAX_SVIX_ID) return false;
      const [row] = await db.query('SELECT 1 AS seen FROM webhook_deliveries WHERE svix_id = :id', {
        id: svixId,
      });
      return row !== undefined;
    },

    /** Records that `svixId` was applied, and forgets deliveries older than a day. */
    async record(svixId: string): Promise<void> {
      if (svixId.length > MAX_SVIX_ID) return;
      await db.execute(
        'INSERT INTO webhook_deliveries (svix_id) VALUES (:id) ON CONFLICT (svix_id) DO NOTHING',
        { id: svixId },
      );
      await db.execute("DELETE FROM webhook_deliveries WHERE received_at < now() - interval '1 day'");
    },
  };
}

export type WebhookDeliveriesRepository = ReturnType<typeof webhookDeliveriesRepository>;

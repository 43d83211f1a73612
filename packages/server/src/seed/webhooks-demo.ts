import { asc, eq } from 'drizzle-orm';
import { customers } from '../domains/customers/tables.ts';
import { type WebhookDeliveryKind, webhookDeliveries, webhookEndpoints } from '../domains/webhooks/tables.ts';
import { webhookSecretBox } from '../domains/webhooks/webhook-signing.ts';
import type { Db } from '../platform/db/database.ts';
import { user } from '../platform/db/schema/index.ts';

const ENDPOINT_ID = '0c6a9a52-3c1e-4d7a-9f0e-6b1f2b7d9e01';
/** A fixed demo secret (the demo is public anyway): 32 bytes in base64; stored sealed like any. */
const DEMO_SECRET = 'whsec_S2F5b2lEZW1vV2ViaG9va1NlY3JldDIwMjYhIT8=';

/**
 * The demo company's web hook: 基幹システム連携 to https://hooks.example.jp/kayoi, turned off
 * yesterday while the receiving system moves, with its last days of deliveries: plans and a
 * handover sent, one answered 503 once and sent on the retry, an overdue promise that failed six
 * times (502), and the test ping that timed out before it was turned off.
 */
export async function seedWebhooksDemo(
  db: Db,
  { tenantId, now, appSecret }: { tenantId: string; now: Date; appSecret: string },
) {
  const [admin] = await db.select({ id: user.id }).from(user).where(eq(user.email, 'admin@demo.kayoi.jp'));
  if (!admin) return;
  const [first, second] = await db
    .select({ id: customers.id, name: customers.name })
    .from(customers)
    .where(eq(customers.tenantId, tenantId))
    .orderBy(asc(customers.code))
    .limit(2);
  const at = (daysAgo: number, hour: number, minute = 0) => {
    const day = new Date(now.getTime() - daysAgo * 86_400_000);
    const tokyo = new Date(day.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
    return new Date(`${tokyo}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+09:00`);
  };
  await db.insert(webhookEndpoints).values({
    tenantId,
    id: ENDPOINT_ID,
    url: 'https://hooks.example.jp/kayoi',
    description: '基幹システム連携（移行作業のため停止中）',
    events: ['handover_received', 'complaint_escalated', 'plan_ready', 'promise_overdue'],
    secret: webhookSecretBox(appSecret).seal(DEMO_SECRET),
    active: false,
    version: 3,
    createdBy: admin.id,
    updatedBy: admin.id,
    createdAt: at(12, 10, 5),
    updatedAt: at(1, 17, 40),
  });
  type Row = {
    kind: WebhookDeliveryKind;
    created: Date;
    data: Record<string, string | number>;
    status: 'succeeded' | 'failed';
    attempts: number;
    code: number | null;
    error: string | null;
    last: Date;
  };
  const link = (path: string) => `/${path}`;
  const rows: Row[] = [
    {
      kind: 'plan_ready',
      created: at(6, 8, 12),
      data: { startDate: at(4, 9).toISOString().slice(0, 10), days: 10, visits: 212, link: link('plan') },
      status: 'succeeded',
      attempts: 1,
      code: 200,
      error: null,
      last: at(6, 8, 12),
    },
    {
      kind: 'handover_received',
      created: at(5, 15, 30),
      data: { count: 12, fromName: '岡田 大輔', byName: '中村 美咲', link: link('handovers') },
      status: 'succeeded',
      attempts: 2,
      code: 200,
      error: null,
      last: at(5, 15, 31),
    },
    {
      kind: 'complaint_escalated',
      created: at(4, 11, 2),
      data: {
        title: 'コーヒーマシンの定期点検が未実施',
        customerName: first?.name ?? '株式会社堺筋ビルサービス',
        byName: '山本 健一',
        link: link('complaints'),
      },
      status: 'succeeded',
      attempts: 1,
      code: 204,
      error: null,
      last: at(4, 11, 2),
    },
    {
      kind: 'plan_ready',
      created: at(3, 7, 58),
      data: { startDate: at(1, 9).toISOString().slice(0, 10), days: 5, visits: 108, link: link('plan') },
      status: 'succeeded',
      attempts: 1,
      code: 200,
      error: null,
      last: at(3, 7, 58),
    },
    {
      kind: 'promise_overdue',
      created: at(2, 9, 15),
      data: {
        title: '複合機リース見積の再提出',
        customerName: second?.name ?? '北浜法律事務所',
        dueDate: at(3, 9).toISOString().slice(0, 10),
        link: link('customers'),
      },
      status: 'failed',
      attempts: 6,
      code: 502,
      error: 'HTTP 502: Bad Gateway',
      last: at(1, 19, 51),
    },
    {
      kind: 'ping',
      created: at(1, 17, 32),
      data: { message: 'Kayoi からのテスト送信です / a test from Kayoi' },
      status: 'failed',
      attempts: 1,
      code: null,
      error: 'timeout after 10 s',
      last: at(1, 17, 32),
    },
  ];
  await db.insert(webhookDeliveries).values(
    rows.map((r, i) => {
      const eventId = `evt_demo${String(i + 1).padStart(28, '0')}`;
      return {
        tenantId,
        id: `0c6a9a52-3c1e-4d7a-9f0e-6b1f2b7d9f${String(i + 1).padStart(2, '0')}`,
        endpointId: ENDPOINT_ID,
        eventId,
        eventKind: r.kind,
        payload: {
          type: r.kind,
          id: eventId,
          timestamp: r.created.toISOString(),
          tenant: tenantId,
          data: r.data,
        },
        status: r.status,
        attempts: r.attempts,
        nextAttemptAt: null,
        lastAttemptAt: r.last,
        lastStatusCode: r.code,
        lastError: r.error,
        createdAt: r.created,
        updatedAt: r.last,
      };
    }),
  );
}

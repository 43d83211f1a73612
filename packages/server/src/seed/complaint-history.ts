import { sql } from 'drizzle-orm';
import type { complaintCategories, complaintSeverities } from '../domains/complaints/complaint-values.ts';
import { dueDateFor } from '../domains/complaints/due-date.ts';
import { todayIn } from '../domains/planning/working-days.ts';
import type { Db } from '../platform/db/database.ts';
import { queryRows } from '../platform/db/query-rows.ts';
import { createRandom, type Random } from './random.ts';
import { BatchInsert } from './sql-batch.ts';

type Category = (typeof complaintCategories)[number];
type Severity = (typeof complaintSeverities)[number];
const DAY = 86_400_000;

/** What customers of an office-supply dealer complain about or ask, by category. */
const complaintTexts: Record<Category, readonly (readonly [string, string])[]> = {
  quality: [
    ['コピー用紙が湿気で波打っていた', '開封した箱の用紙が波打ち、複合機で紙詰まりが続いた。'],
    ['トナーの印字がかすれる', '新品に替えたばかりのトナーで縦に白い筋が出る。'],
    ['ボールペンのインクが出ない', '先月納品の1箱のうち数本がすぐに書けなくなった。'],
    ['ファイルの留め具が外れる', 'パイプ式ファイルの金具が閉じない物が混じっていた。'],
  ],
  delivery: [
    ['指定日に納品されなかった', '月曜指定が水曜になり、店頭で欠品が出た。次回は前日に連絡がほしい。'],
    ['納品先の部署が違っていた', '総務宛ての荷物が経理に届き、探すのに時間がかかった。'],
    ['納品数が不足していた', '伝票は10箱だが届いたのは8箱だった。'],
    ['午前指定が午後になった', '会議の資料用に午前中の納品を頼んでいた。'],
  ],
  billing: [
    ['請求書の金額が見積と違う', '見積は割引後の単価だったが、請求は定価で計算されている。'],
    ['請求書の宛名を変更したい', '部署名が変わったので次回から新しい宛名にしてほしい。'],
    ['同じ請求が二重に届いた', '先月分の請求書が2通届いた。支払いは1回でよいか確認したい。'],
  ],
  service: [
    ['電話がつながりにくい', '午前中に何度かけても話し中で、注文が遅れた。'],
    ['担当者からの折り返しがない', '見積の依頼をしたが3日たっても連絡がない。'],
    ['訪問の約束の時間に遅れた', '来客と重なってしまい、次は時間を守ってほしいとのこと。'],
  ],
  spec: [
    ['再生紙の白色度を知りたい', '社外向け資料に使えるか、白色度と坪量を教えてほしい。'],
    ['複合機に対応するトナーか確認したい', '機種変更したので、今のトナーが使えるか知りたい。'],
    ['軽減税率の対象品目を知りたい', 'コーヒーと水以外に8%の品目があるか確認したい。'],
  ],
  other: [
    ['カタログの最新版がほしい', '来年度の予算を組むので新しいカタログを2部ほしい。'],
    ['年末年始の営業日を知りたい', '年内最終の納品日と年始の受付開始日を教えてほしい。'],
  ],
};

const inquiryCategories = new Set<Category>(['spec', 'other']);
const categoryWeights: readonly (readonly [Category, number])[] = [
  ['delivery', 30],
  ['quality', 22],
  ['billing', 14],
  ['service', 12],
  ['spec', 14],
  ['other', 8],
];
const severityWeights: readonly (readonly [Severity, number])[] = [
  ['low', 35],
  ['medium', 40],
  ['high', 20],
  ['critical', 5],
];

const startNotes = ['倉庫に確認中', '配送業者に問い合わせ中', 'メーカーに確認を依頼', '経理に確認中'];
const resolveNotes = ['交換品を届けた', '差額を返金した', '次回から前日に連絡する運用にした', '回答を伝えた'];
const confirmNotes = ['訪問時に了承を得た', '問題ないとのこと', '次回も同じ対応でお願いしたいとのこと'];

const complaintColumns = [
  'tenant_id',
  'id',
  'customer_id',
  'source',
  'visit_id',
  'kind',
  'category',
  'severity',
  'title',
  'detail',
  'status',
  'owner_id',
  'received_at',
  'due_date',
  'resolved_at',
  'confirmed_at',
  'created_by',
  'version',
  'created_at',
  'updated_at',
];
const actionColumns = [
  'tenant_id',
  'id',
  'complaint_id',
  'type',
  'note',
  'from_status',
  'to_status',
  'owner_id',
  'actor_id',
  'created_at',
];

export interface ComplaintHistoryCounts {
  complaints: number;
  actions: number;
}

/**
 * Two years of complaints and inquiries for a seeded tenant's customers, up to `now`: most
 * confirmed by the customer, a few open or in progress, two overdue now and one resolved awaiting
 * the customer's confirmation, each with its history (created, start, resolve, confirm). Each
 * is owned by the customer's rep. Deterministic for a given seed and `now`; written with COPY /
 * multi-row inserts.
 */
export async function seedComplaintHistory(
  db: Db,
  { tenantId, now, seed = 8 }: { tenantId: string; now: Date; seed?: number },
): Promise<ComplaintHistoryCounts> {
  const random = createRandom(seed);
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('app.tenant_id', ${tenantId}, true), set_config('app.role', 'admin', true)`,
    );
    const book = await queryRows<{ id: string; rep_id: string | null }>(
      tx,
      sql`select id, rep_id from customers where tenant_id = ${tenantId} and rep_id is not null order by code`,
    );
    const complaintRows = new BatchInsert(tx, 'complaints', complaintColumns);
    const actionRows = new BatchInsert(tx, 'complaint_actions', actionColumns, [complaintRows]);
    const today = todayIn('Asia/Tokyo', now);
    const nowMs = now.getTime();
    // Roughly one in three customers had something to say, some more than once.
    const picked = book.filter(() => random.chance(0.35));
    let special = 0;
    for (const customer of picked) {
      const times = random.weighted([
        [1, 70],
        [2, 22],
        [3, 8],
      ] as const);
      for (let n = 0; n < times; n++) {
        // The first few picked make the cases the demo needs today.
        const kind = special < 2 ? 'overdue' : special === 2 ? 'awaiting' : special < 6 ? 'active' : 'past';
        special++;
        const ageDays =
          kind === 'overdue'
            ? random.int(18, 30)
            : kind === 'awaiting'
              ? 6
              : kind === 'active'
                ? random.int(0, 3)
                : random.int(45, 720);
        await writeComplaint(random, complaintRows, actionRows, {
          tenantId,
          customerId: customer.id,
          repId: customer.rep_id as string,
          receivedAt: new Date(nowMs - ageDays * DAY - random.int(0, 8 * 60) * 60_000),
          kind,
          today,
          nowMs,
        });
      }
    }
    await actionRows.flush();
    await complaintRows.flush();
    return { complaints: complaintRows.count, actions: actionRows.count };
  });
}

async function writeComplaint(
  random: Random,
  complaints: BatchInsert,
  actions: BatchInsert,
  c: {
    tenantId: string;
    customerId: string;
    repId: string;
    receivedAt: Date;
    kind: 'overdue' | 'awaiting' | 'active' | 'past';
    today: string;
    nowMs: number;
  },
) {
  const category = random.weighted(categoryWeights);
  const severity: Severity = c.kind === 'overdue' ? 'high' : random.weighted(severityWeights);
  const [title, detail] = random.pick(complaintTexts[category]);
  const id = random.uuid();
  const receivedDate = todayIn('Asia/Tokyo', c.receivedAt);
  const dueDate = dueDateFor(receivedDate, severity);
  const dueMs = Date.parse(`${dueDate}T18:00:00+09:00`);
  const at = (ms: number) => new Date(Math.min(ms, c.nowMs - 60_000));
  const startAt = at(c.receivedAt.getTime() + random.int(1, 20) * 3_600_000);
  const resolveAt = at(
    Math.max(
      startAt.getTime() + 3_600_000,
      Math.min(dueMs - 3_600_000, startAt.getTime() + random.int(4, 72) * 3_600_000),
    ),
  );
  const confirmAt = at(resolveAt.getTime() + random.int(5, 28) * DAY);
  const status =
    c.kind === 'overdue'
      ? random.chance(0.5)
        ? 'open'
        : 'in_progress'
      : c.kind === 'awaiting'
        ? 'resolved'
        : c.kind === 'active'
          ? random.pick(['open', 'in_progress'] as const)
          : confirmAt.getTime() < c.nowMs - DAY
            ? 'confirmed'
            : 'resolved';
  const steps: [string, string | null, string, string, Date][] = [
    ['created', null, 'open', '', c.receivedAt],
  ];
  if (status !== 'open') steps.push(['start', 'open', 'in_progress', random.pick(startNotes), startAt]);
  if (status === 'resolved' || status === 'confirmed')
    steps.push(['resolve', 'in_progress', 'resolved', random.pick(resolveNotes), resolveAt]);
  if (status === 'confirmed')
    steps.push(['confirm', 'resolved', 'confirmed', random.pick(confirmNotes), confirmAt]);
  const last = steps[steps.length - 1]![4];
  await complaints.add([
    c.tenantId,
    id,
    c.customerId,
    random.weighted([
      ['visit', 45],
      ['phone', 40],
      ['mail', 15],
    ] as const),
    null,
    inquiryCategories.has(category) ? 'inquiry' : 'complaint',
    category,
    severity,
    title,
    detail,
    status,
    c.repId,
    c.receivedAt,
    dueDate,
    status === 'resolved' || status === 'confirmed' ? resolveAt : null,
    status === 'confirmed' ? confirmAt : null,
    c.repId,
    steps.length,
    c.receivedAt,
    last,
  ]);
  for (const [type, from, to, note, when] of steps)
    await actions.add([c.tenantId, random.uuid(), id, type, note, from, to, c.repId, c.repId, when]);
}

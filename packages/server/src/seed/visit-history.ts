import { sql } from 'drizzle-orm';
import { todayIn } from '../domains/planning/working-days.ts';
import { defaultVisitTemplates } from '../domains/visits/visit-templates.ts';
import type { Db } from '../platform/db/database.ts';
import { queryRows } from '../platform/db/query-rows.ts';
import { seedFormPapers } from './form-papers-demo.ts';
import { createRandom, type Random } from './random.ts';
import { BatchInsert, type SqlValue } from './sql-batch.ts';

const DAY = 86_400_000;
const JST = 9 * 3_600_000;
const HISTORY_DAYS = 730;

/** A rep's notes after a routine visit, an order taken, nobody there, come back later. */
const routineNotes = [
  '定期訪問。在庫を確認、特に問題なし。',
  '定期訪問。ご担当者と雑談、最近は来客が多いとのこと。',
  '棚の補充状況を確認。コピー用紙の減りが早い。',
  '定期訪問。新しいカタログをお渡しした。',
  '事務長と面談。来期の予算の話を少し伺った。',
  '受付の方に対応いただいた。変わりなし。',
];
const orderNotes = [
  '補充のご注文を受付。次回も同じ内容でとのこと。',
  'コピー用紙とトナーの補充を受付。',
  'いつもの品を補充。コーヒーの銘柄を替えたいとのこと。',
  '月末分のご注文を受付。請求書は従来どおり。',
  '事務用品一式の補充。来月は多めにとのこと。',
];
const absentNotes = [
  'ご担当者不在。名刺とご案内を置いて退出。',
  '昼休み中で不在。受付に伝言をお願いした。',
  '臨時休業の貼り紙あり。',
];
const revisitNotes = [
  'ご担当者が会議中。午後に改めて伺うことに。',
  '見積の件で決裁待ち。来週もう一度伺う。',
  '棚卸し中で対応できないとのこと。日を改める。',
];
const needsTexts = [
  '再生紙の見本がほしい',
  '納品を午前中にしてほしい',
  '請求書を部署別に分けてほしい',
  '来客用のコーヒーを少し高級なものにしたい',
  'ウォーターサーバーの追加を検討中',
  'クリアファイルの名入れの見積がほしい',
];
const complaintTexts = [
  '前回の納品が指定日より遅れた',
  'トナーの在庫切れで待たされた',
  '電話がつながりにくいと言われた',
  '請求書の宛名が古いままだった',
];
/** 申込書 papers collected at visits: the forms domain's kind and the paper's own name as the note. */
const formPapers = [
  { kind: 'new_service', note: '定期便申込書' },
  { kind: 'new_service', note: 'ウォーターサーバー申込書' },
  { kind: 'contract_change', note: '口座振替依頼書' },
  { kind: 'renewal', note: 'コーヒーサービス契約 更新申込書' },
  { kind: 'contract_change', note: '複合機 保守契約 変更申込書' },
  { kind: 'other', note: '名入れ注文書' },
  { kind: 'new_service', note: 'オフィスグリコ 設置申込書' },
  { kind: 'cancellation', note: 'ウォーターサーバー 解約届（1台減）' },
] as const;
const promiseTexts = [
  '見積書を送る',
  'カタログ（新年度版）を持参する',
  '再生紙の見本を届ける',
  '名入れの見積を出す',
  '納品時間の変更を配送に伝える',
  '請求書の宛名変更を経理に依頼する',
];
const customerPromiseTexts = ['発注内容を社内で確認して連絡をもらう', '決裁結果を電話でもらう'];

const visitColumns = [
  'tenant_id',
  'id',
  'customer_id',
  'rep_id',
  'date',
  'check_in_at',
  'check_in_lat',
  'check_in_lng',
  'check_in_accuracy',
  'distance_m',
  'far_from_customer',
  'check_out_at',
  'outcome',
  'notes',
  'needs',
  'complaint_heard',
  'satisfaction',
  'next_visit_date',
  'next_visit_note',
  'template_id',
  'logged_at',
  'logged_by',
  'created_at',
  'updated_at',
];
const formColumns = [
  'tenant_id',
  'id',
  'customer_id',
  'kind',
  'rep_id',
  'collected_on',
  'visit_id',
  'note',
  'created_by',
  'updated_by',
  'created_at',
  'updated_at',
];
const followupColumns = [
  'tenant_id',
  'id',
  'customer_id',
  'rep_id',
  'visit_id',
  'title',
  'due_date',
  'owner',
  'assignee_id',
  'status',
  'done_at',
  'done_by',
  'created_by',
  'version',
  'created_at',
  'updated_at',
];
const templateColumns = ['tenant_id', 'id', 'name', 'outcome', 'satisfaction', 'notes', 'sort_order'];

export interface VisitHistoryCounts {
  visits: number;
  forms: number;
  followups: number;
}

const tokyoDate = (ms: number) => new Date(ms + JST).toISOString().slice(0, 10);

/**
 * Two years of visits for a seeded tenant's customers, consistent with what the customer seed
 * made: a visit on every order (the rep took it on the spot), visits between orders at the
 * customer's cadence when the gap is long (met without an order, 不在, 再訪), and the customer's
 * last visit. Notes in a rep's voice, 要望 and 不満 now and then, satisfaction mostly 4–5, forms
 * collected sometimes, promises with due dates — most kept on time, a few overdue now and a
 * couple due this week. Also the tenant's log templates. Deterministic for a given `now`;
 * written with COPY / multi-row inserts.
 */
export async function seedVisitHistory(
  db: Db,
  { tenantId, now, seed = 9 }: { tenantId: string; now: Date; seed?: number },
): Promise<VisitHistoryCounts> {
  const random = createRandom(seed);
  const nowMs = now.getTime();
  const today = todayIn('Asia/Tokyo', now);
  const historyStart = nowMs - HISTORY_DAYS * DAY;
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('app.tenant_id', ${tenantId}, true), set_config('app.role', 'admin', true)`,
    );
    const book = await queryRows<{
      id: string;
      rep_id: string;
      cadence_days: number;
      lat: number | null;
      lng: number | null;
      /** Epoch milliseconds, as text (the same on both drivers). */
      last_visit_ms: string | null;
      /** The orders' epoch milliseconds, comma-separated, oldest first. */
      orders: string | null;
    }>(
      tx,
      sql`select c.id, c.rep_id, c.cadence_days, c.lat, c.lng,
            (extract(epoch from c.last_visit_at) * 1000)::bigint::text as last_visit_ms,
            (select string_agg((extract(epoch from o.ordered_at) * 1000)::bigint::text, ',' order by o.ordered_at) from orders o
              where o.tenant_id = c.tenant_id and o.customer_id = c.id
                and o.ordered_at >= ${new Date(historyStart).toISOString()}::timestamptz) as orders
          from customers c where c.tenant_id = ${tenantId} and c.rep_id is not null order by c.code`,
    );
    const visitRows = new BatchInsert(tx, 'visits', visitColumns);
    const formRows = new BatchInsert(tx, 'forms', formColumns, [visitRows]);
    const followupRows = new BatchInsert(tx, 'followups', followupColumns, [visitRows]);
    const templates = new BatchInsert(tx, 'visit_templates', templateColumns);
    for (const t of defaultVisitTemplates)
      await templates.add([
        tenantId,
        t.id.replace('default-', 'tpl-'),
        t.name,
        t.outcome,
        t.satisfaction,
        t.notes,
        t.sortOrder,
      ]);
    await templates.flush();

    let overdueLeft = 4;
    let dueSoonLeft = 2;
    for (const c of book) {
      const orderTimes = c.orders ? c.orders.split(',').map(Number) : [];
      const times = orderTimes.map((ms) => ({ ms, order: true }));
      const last = c.last_visit_ms === null ? null : Number(c.last_visit_ms);
      if (last !== null && last >= historyStart && !orderTimes.some((ms) => Math.abs(ms - last) < DAY))
        times.push({ ms: last, order: false });
      times.sort((a, b) => a.ms - b.ms);
      // Long gaps between visits: the rep still came by at the cadence.
      const filled: { ms: number; order: boolean }[] = [];
      for (const [i, v] of times.entries()) {
        const prev = i > 0 ? (times[i - 1] as { ms: number }).ms : null;
        if (prev !== null) {
          for (
            let t = prev + c.cadence_days * DAY;
            t < v.ms - 0.6 * c.cadence_days * DAY;
            t += c.cadence_days * DAY
          ) {
            const weekday = new Date(t + JST).getUTCDay();
            const shift = weekday === 6 ? 2 : weekday === 0 ? 1 : 0;
            filled.push({ ms: t + shift * DAY, order: false });
          }
        }
        filled.push(v);
      }
      // One overdue or due-soon promise per customer at most (two alike read as a seeding slip).
      let special = false;
      for (const v of filled) {
        if (v.ms >= nowMs) continue;
        const written = await writeVisit(
          random,
          { visitRows, formRows, followupRows },
          {
            tenantId,
            customer: c,
            at: v.ms,
            order: v.order,
            nowMs,
            today,
            dueCase: special
              ? 'past'
              : nowMs - v.ms < 20 * DAY && overdueLeft > 0
                ? 'overdue'
                : nowMs - v.ms < 6 * DAY && dueSoonLeft > 0
                  ? 'soon'
                  : 'past',
          },
        );
        if (written === 'overdue') overdueLeft--;
        if (written === 'soon') dueSoonLeft--;
        if (written !== null) special = true;
      }
    }
    await formRows.flush();
    await followupRows.flush();
    await visitRows.flush();
    await seedFormPapers(tx, { tenantId, nowMs });
    return { visits: visitRows.count, forms: formRows.count, followups: followupRows.count };
  });
}

async function writeVisit(
  random: Random,
  rows: { visitRows: BatchInsert; formRows: BatchInsert; followupRows: BatchInsert },
  v: {
    tenantId: string;
    customer: { id: string; rep_id: string; lat: number | null; lng: number | null };
    at: number;
    order: boolean;
    nowMs: number;
    today: string;
    dueCase: 'overdue' | 'soon' | 'past';
  },
): Promise<'overdue' | 'soon' | null> {
  const { tenantId, customer } = v;
  const outcome = v.order
    ? 'met'
    : random.weighted([
        ['met', 70],
        ['absent', 18],
        ['revisit', 12],
      ] as const);
  const checkIn = v.at - random.int(5, 20) * 60_000;
  const checkOut = v.at + random.int(outcome === 'absent' ? 1 : 10, outcome === 'absent' ? 4 : 35) * 60_000;
  const notes =
    outcome === 'absent'
      ? random.pick(absentNotes)
      : outcome === 'revisit'
        ? random.pick(revisitNotes)
        : v.order
          ? random.pick(orderNotes)
          : random.pick(routineNotes);
  const met = outcome !== 'absent';
  const needs = met && random.chance(0.18) ? random.pick(needsTexts) : '';
  const complaint = met && random.chance(0.05) ? random.pick(complaintTexts) : '';
  const satisfaction = met
    ? complaint
      ? random.weighted([
          [2, 40],
          [3, 60],
        ] as const)
      : random.weighted([
          [3, 15],
          [4, 55],
          [5, 30],
        ] as const)
    : null;
  const far = random.chance(0.02);
  const distance = customer.lat === null ? null : far ? random.int(600, 1500) : random.int(3, 150);
  const date = tokyoDate(checkIn);
  const id = random.uuid();
  const values: SqlValue[] = [
    tenantId,
    id,
    customer.id,
    customer.rep_id,
    date,
    new Date(checkIn),
    customer.lat === null ? null : customer.lat + random.int(-10, 10) / 100_000,
    customer.lng === null ? null : customer.lng + random.int(-10, 10) / 100_000,
    customer.lat === null ? null : random.int(5, 60),
    distance,
    far,
    new Date(checkOut),
    outcome,
    notes,
    needs,
    complaint,
    satisfaction,
    outcome === 'revisit' ? tokyoDate(checkIn + random.int(3, 10) * DAY) : null,
    outcome === 'revisit' ? '午前中なら在席とのこと' : '',
    v.order
      ? 'tpl-refill'
      : outcome === 'absent'
        ? 'tpl-absent'
        : outcome === 'met' && !needs
          ? 'tpl-routine'
          : null,
    new Date(checkOut),
    customer.rep_id,
    new Date(checkIn),
    new Date(checkOut),
  ];
  await rows.visitRows.add(values);
  if (met && random.chance(0.08)) {
    const paper = random.pick(formPapers);
    const papers = random.int(1, 3);
    for (let n = 1; n <= papers; n++)
      await rows.formRows.add([
        tenantId,
        `${id.slice(0, 34)}f${n}`,
        customer.id,
        paper.kind,
        customer.rep_id,
        tokyoDate(checkIn),
        id,
        paper.note,
        customer.rep_id,
        customer.rep_id,
        new Date(checkOut),
        new Date(checkOut),
      ]);
  }

  // Promises: a need or a complaint heard usually leads to one; now and then a routine one.
  const wantsPromise =
    v.dueCase !== 'past'
      ? met
      : met && (needs !== '' || complaint !== '' ? random.chance(0.8) : random.chance(0.06));
  if (!wantsPromise) return null;
  const fromCustomer = v.dueCase === 'past' && random.chance(0.15);
  const dueMs =
    v.dueCase === 'overdue'
      ? Math.min(checkIn + random.int(2, 7) * DAY, v.nowMs - random.int(1, 5) * DAY)
      : v.dueCase === 'soon'
        ? v.nowMs + random.int(1, 5) * DAY
        : checkIn + random.int(3, 14) * DAY;
  const dueDate = tokyoDate(Math.max(dueMs, checkIn));
  const open = v.dueCase !== 'past' || dueDate >= v.today;
  const kept = open
    ? null
    : Math.min(
        v.nowMs - 3_600_000,
        Date.parse(`${dueDate}T17:00:00+09:00`) - random.int(0, 3) * DAY + (random.chance(0.1) ? 2 * DAY : 0),
      );
  // Kept after the visit it was promised at (most before the due date, one in ten a little late).
  const doneAt = kept === null ? null : new Date(Math.max(kept, checkOut + 3_600_000));
  await rows.followupRows.add([
    tenantId,
    random.uuid(),
    customer.id,
    customer.rep_id,
    id,
    fromCustomer ? random.pick(customerPromiseTexts) : random.pick(promiseTexts),
    dueDate,
    fromCustomer ? 'customer' : 'us',
    customer.rep_id,
    open ? 'open' : 'done',
    doneAt,
    open ? null : customer.rep_id,
    customer.rep_id,
    open ? 1 : 2,
    new Date(checkOut),
    doneAt ?? new Date(checkOut),
  ]);
  return v.dueCase === 'past' ? null : v.dueCase;
}

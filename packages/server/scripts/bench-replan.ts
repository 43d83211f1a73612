/**
 * The demo company's plan, measured: on a fresh PGlite in a temp dir, seeds the demo, plans
 * every rep over the next two full weeks (from next Monday), then prints travel hours per week,
 * visits per rep per day, unplanned customers by reason, and how many visits a re-plan moves
 * (without a change, and after one visit is moved to another day). Asserts nothing.
 *
 *   npm run bench:replan -w packages/server [-- --time-limit 20]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { and, asc, eq, sql } from 'drizzle-orm';
import { moveVisit } from '../src/domains/planning/change-plan-day.ts';
import { createPlan } from '../src/domains/planning/create-plan.ts';
import { registerPlanningJobs } from '../src/domains/planning/optimize-plan.ts';
import { planDays, plannedVisits, plans, planUnplanned } from '../src/domains/planning/tables.ts';
import { addDays, todayIn } from '../src/domains/planning/working-days.ts';
import { loadConfig } from '../src/platform/config.ts';
import type { Actor } from '../src/platform/context.ts';
import { openDatabase } from '../src/platform/db/open-database.ts';
import { member, user } from '../src/platform/db/schema/index.ts';
import { createJobQueue } from '../src/platform/jobs/create-job-queue.ts';
import { seedDemo } from '../src/seed/seed-demo.ts';

const { values } = parseArgs({ options: { 'time-limit': { type: 'string', default: '20' } } });
const timeLimitSeconds = Number(values['time-limit']);

const dir = mkdtempSync(join(tmpdir(), 'kayoi-bench-replan-'));
const database = await openDatabase({ dataDir: dir });
const { db, admin: owner } = database;
try {
  await seedDemo(owner, { appSecret: loadConfig().authSecret });
  const jobs = createJobQueue({ database });
  await registerPlanningJobs({ jobs, db });
  await jobs.start();

  const [demoAdmin] = await owner
    .select({ userId: user.id, tenantId: member.organizationId })
    .from(user)
    .innerJoin(member, eq(member.userId, user.id))
    .where(and(eq(user.email, 'admin@demo.kayoi.jp'), eq(member.role, 'admin')));
  if (!demoAdmin) throw new Error('no demo admin');
  const actor: Actor = {
    tenantId: demoAdmin.tenantId,
    userId: demoAdmin.userId,
    role: 'admin',
    teamId: null,
  };
  const today = todayIn();
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
  const startDate = addDays(today, (8 - weekday) % 7 || 7);
  const days = 14;

  const runPlan = async () => {
    const started = performance.now();
    const { plan } = await createPlan({ db, jobs, actor, startDate, days, timeLimitSeconds });
    for (;;) {
      const [row] = await owner.select().from(plans).where(eq(plans.id, plan.id));
      if (row && !['queued', 'running'].includes(row.status)) {
        if (row.status !== 'ready') throw new Error(`plan ${row.id} ${row.status}`);
        return { plan: row, seconds: (performance.now() - started) / 1000 };
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };
  const visitsOf = (planId: string) =>
    owner
      .select()
      .from(plannedVisits)
      .where(eq(plannedVisits.planId, planId))
      .orderBy(asc(plannedVisits.repId), asc(plannedVisits.date), asc(plannedVisits.seq));
  /** Visits of `before` whose customer is not visited on the same day by the same rep in `after`. */
  const moved = (before: { customerId: string; date: string; repId: string }[], after: typeof before) => {
    const kept = new Set(after.map((v) => `${v.customerId}|${v.date}|${v.repId}`));
    return before.filter((v) => !kept.has(`${v.customerId}|${v.date}|${v.repId}`)).length;
  };

  const first = await runPlan();
  const firstVisits = await visitsOf(first.plan.id);
  const dayRows = await owner.select().from(planDays).where(eq(planDays.planId, first.plan.id));
  const working = dayRows.length;
  const perDay = dayRows.map((d) => d.visitCount).sort((a, b) => a - b);
  const travel = dayRows.reduce((s, d) => s + d.travelSeconds, 0);
  const week1 = dayRows
    .filter((d) => d.date < addDays(startDate, 7))
    .reduce((s, d) => s + d.travelSeconds, 0);
  const reasons = await owner
    .select({ reason: planUnplanned.reason, n: sql<number>`count(*)::int` })
    .from(planUnplanned)
    .where(eq(planUnplanned.planId, first.plan.id))
    .groupBy(planUnplanned.reason);
  const reps = new Set(dayRows.map((d) => d.repId)).size;

  console.log(`demo company, ${reps} reps, ${startDate} + ${days} days (solver ${timeLimitSeconds} s)`);
  console.log(`first plan: ${first.seconds.toFixed(1)} s, ${firstVisits.length} visits`);
  console.log(
    `travel: ${(travel / 3600).toFixed(1)} h in two weeks = ${(travel / 3600 / 2).toFixed(1)} h/week ` +
      `(week 1 ${(week1 / 3600).toFixed(1)} h, week 2 ${((travel - week1) / 3600).toFixed(1)} h); ` +
      `${(travel / 60 / Math.max(1, dayRows.filter((d) => d.visitCount > 0).length)).toFixed(0)} min per rep-day`,
  );
  console.log(
    `visits per rep per working day: mean ${(firstVisits.length / Math.max(1, working)).toFixed(2)}, ` +
      `min ${perDay[0]}, median ${perDay[Math.floor(perDay.length / 2)]}, max ${perDay.at(-1)} (${working} rep-days)`,
  );
  const unplanned = reasons.reduce((s, r) => s + r.n, 0);
  console.log(`unplanned: ${unplanned} — ${reasons.map((r) => `${r.reason} ${r.n}`).join(', ') || 'none'}`);

  // A re-plan with nothing changed.
  const same = await runPlan();
  const sameVisits = await visitsOf(same.plan.id);
  console.log(
    `re-plan, no change: summary.movedVisits ${same.plan.summary?.movedVisits}, ` +
      `visits not on the same day and rep ${moved(firstVisits, sameVisits)} of ${firstVisits.length}`,
  );

  // One change: a visit moved to another working day of its rep (which pins it), then a re-plan.
  const busiest = await owner
    .select()
    .from(planDays)
    .where(eq(planDays.planId, same.plan.id))
    .orderBy(sql`${planDays.visitCount} desc`);
  let movedOne = false;
  for (const from of busiest.slice(0, 10)) {
    const visit = sameVisits.find((v) => v.repId === from.repId && v.date === from.date && !v.pinned);
    const to = [...busiest].reverse().find((d) => d.repId === from.repId && d.date !== from.date);
    if (!visit || !to) continue;
    try {
      const change = await moveVisit({
        db,
        actor,
        planId: same.plan.id,
        visitId: visit.id,
        date: to.date as string,
        repId: to.repId,
        version: visit.version,
      });
      console.log(
        `moved one visit ${from.date} → ${to.date}: travel of the two days ` +
          `${change.change.travelSecondsBefore} s → ${change.change.travelSecondsAfter} s, ` +
          `${change.change.resequenced} visits of the target day re-timed`,
      );
      movedOne = true;
      break;
    } catch (error) {
      console.log(`(could not move ${visit.id}: ${(error as Error).message})`);
    }
  }
  if (movedOne) {
    const beforeReplan = await visitsOf(same.plan.id);
    const after = await runPlan();
    const afterVisits = await visitsOf(after.plan.id);
    console.log(
      `re-plan after one change: summary.movedVisits ${after.plan.summary?.movedVisits}, ` +
        `visits not on the same day and rep ${moved(beforeReplan, afterVisits)} of ${beforeReplan.length}, ` +
        `${after.seconds.toFixed(1)} s`,
    );
  }
  await jobs.stop({ timeoutMs: 5_000 });
} finally {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}

import { and, eq, isNull } from 'drizzle-orm';
import { createPlan } from '../domains/planning/create-plan.ts';
import { plans } from '../domains/planning/tables.ts';
import { todayIn } from '../domains/planning/working-days.ts';
import type { Actor } from '../platform/context.ts';
import type { Db } from '../platform/db/database.ts';
import { member, user } from '../platform/db/schema/index.ts';
import type { JobQueue } from '../platform/jobs/job-queue.ts';

export interface PlanDemoOptions {
  /** The app's login (the plan is created as the demo admin, under RLS). */
  db: Db;
  /** The owner's handle: finds the demo admin. */
  admin: Db;
  jobs: JobQueue;
  /** The solver's time for the demo plan (seconds). */
  timeLimitSeconds?: number;
}

/**
 * Makes the demo company lived-in: when the Osaka demo tenant has no company-wide plan yet,
 * queues one for the next two weeks (all reps), as its admin. Returns the job id, or null when
 * there is nothing to do (no demo tenant, or a plan already there).
 */
export async function planDemo({ db, admin, jobs, timeLimitSeconds = 20 }: PlanDemoOptions) {
  const [demoAdmin] = await admin
    .select({ userId: user.id, tenantId: member.organizationId })
    .from(user)
    .innerJoin(member, eq(member.userId, user.id))
    .where(and(eq(user.email, 'admin@demo.kayoi.jp'), eq(member.role, 'admin')));
  if (!demoAdmin) return null;
  const [existing] = await admin
    .select({ id: plans.id })
    .from(plans)
    .where(and(eq(plans.tenantId, demoAdmin.tenantId), isNull(plans.teamId)))
    .limit(1);
  if (existing) return null;
  const actor: Actor = {
    tenantId: demoAdmin.tenantId,
    userId: demoAdmin.userId,
    role: 'admin',
    teamId: null,
  };
  const { jobId } = await createPlan({ db, jobs, actor, startDate: todayIn(), days: 14, timeLimitSeconds });
  return jobId;
}

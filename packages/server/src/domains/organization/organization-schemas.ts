import { z } from '@hono/zod-openapi';
import { absenceKinds } from './tables.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isCalendarDate = (value: string) => {
  if (!ISO_DATE.test(value)) return false;
  const at = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === value;
};

/** A civil date (the tenant's zone), YYYY-MM-DD, that exists in the calendar. */
const IsoDate = z
  .string()
  .max(10)
  .superRefine((value, ctx) => {
    if (!isCalendarDate(value))
      ctx.addIssue({
        code: 'custom',
        message: 'Enter a date as YYYY-MM-DD.',
        params: { ja: '日付は YYYY-MM-DD の形式で入力してください。', en: 'Enter a date as YYYY-MM-DD.' },
      });
  })
  .openapi({ format: 'date', example: '2027-01-12' });

/** A refinement whose message the validation hook shows in ja and en. */
const matching = (pattern: RegExp, ja: string, en: string) => (value: string, ctx: z.RefinementCtx) => {
  if (!pattern.test(value)) ctx.addIssue({ code: 'custom', message: en, params: { ja, en } });
};

const HHMM = z
  .string()
  .max(5)
  .superRefine(
    matching(
      /^([01]\d|2[0-3]):[0-5]\d$/,
      '時刻は HH:MM の形式で入力してください。',
      'Enter a time as HH:MM.',
    ),
  )
  .openapi({ example: '09:00' });

const Version = z.number().int().min(1).max(2_147_483_647);
const ClientId = z
  .uuid()
  .optional()
  .openapi({ description: 'A client-made UUID (409 id_taken when in use)' });
const RecordId = z.string().min(1).max(100);
const Name = z.string().trim().min(1).max(100);

export const IdParam = z.object({ id: RecordId.openapi({ param: { name: 'id', in: 'path' } }) });
export const AbsenceParam = z.object({
  id: RecordId.openapi({ param: { name: 'id', in: 'path' } }),
  absenceId: RecordId.openapi({ param: { name: 'absenceId', in: 'path' } }),
});

// ——— teams ———

export const Team = z
  .object({
    id: z.string(),
    name: z.string(),
    managerUserId: z.string().nullable(),
    managerName: z.string().nullable(),
    retiredAt: z
      .string()
      .nullable()
      .openapi({ description: 'Retired: keeps its history, takes no new members' }),
    memberCount: z.number().int().openapi({ description: 'Active people whose team this is' }),
    version: z.number().int(),
  })
  .openapi('Team');

export const TeamList = z.object({ items: z.array(Team) }).openapi('TeamList');

export const CreateTeamBody = z
  .object({
    id: ClientId,
    name: Name.openapi({ example: '第3営業課' }),
    managerUserId: RecordId.nullable().optional(),
  })
  .openapi('CreateTeamBody');

export const UpdateTeamBody = z
  .object({
    version: Version,
    name: Name.optional(),
    managerUserId: RecordId.nullable().optional(),
    retired: z.boolean().optional().openapi({ description: 'true retires the team, false reinstates it' }),
  })
  .openapi('UpdateTeamBody');

// ——— areas ———

const Municipality = z.string().trim().min(1).max(40).openapi({ example: '大阪市北区' });
const PostcodePrefix = z
  .string()
  .trim()
  .max(8)
  .transform((s) => s.normalize('NFKC').replace(/[-\s]/g, ''))
  .pipe(
    z
      .string()
      .superRefine(
        matching(
          /^\d{1,7}$/,
          '郵便番号は1〜7桁の数字で入力してください。',
          'A postcode prefix is 1 to 7 digits.',
        ),
      ),
  )
  .openapi({ example: '530' });

export const AreaDefinitionSchema = z
  .object({
    municipalities: z.array(Municipality).max(100).default([]),
    postcodePrefixes: z.array(PostcodePrefix).max(100).default([]),
  })
  .openapi('AreaDefinition');

export const Area = z
  .object({
    id: z.string(),
    name: z.string(),
    definition: z.object({ municipalities: z.array(z.string()), postcodePrefixes: z.array(z.string()) }),
    retiredAt: z.string().nullable(),
    customerCount: z.number().int().openapi({ description: 'Customers (not archived) in the area now' }),
    version: z.number().int(),
  })
  .openapi('Area');

export const AreaList = z.object({ items: z.array(Area) }).openapi('AreaList');

export const CreateAreaBody = z
  .object({
    id: ClientId,
    name: Name.openapi({ example: '大阪市北区・中央区' }),
    definition: AreaDefinitionSchema.optional(),
  })
  .openapi('CreateAreaBody');

export const UpdateAreaBody = z
  .object({
    version: Version,
    name: Name.optional(),
    definition: AreaDefinitionSchema.optional(),
    retired: z.boolean().optional(),
  })
  .openapi('UpdateAreaBody');

export const PreviewAreaBody = z
  .object({
    definition: AreaDefinitionSchema.optional().openapi({
      description: 'A draft definition to preview (default: the stored one)',
    }),
  })
  .openapi('PreviewAreaBody');

export const AreaCustomer = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  address: z.string(),
  postalCode: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  currentAreaId: z.string().nullable(),
  currentAreaName: z.string().nullable(),
  change: z.enum(['in', 'out', 'stay']).openapi({
    description: 'in: joins the area on apply; out: leaves it (no longer matches); stay: already in it',
  }),
});

export const AreaPreview = z
  .object({
    matched: z.number().int().openapi({ description: 'Customers the definition matches' }),
    moveIn: z.number().int(),
    moveOut: z.number().int(),
    stay: z.number().int(),
    /** Up to 1,000 of them, the moving ones first. */
    customers: z.array(AreaCustomer),
    truncated: z.boolean(),
  })
  .openapi('AreaPreview');

export const ApplyAreaBody = z
  .object({ version: Version.openapi({ description: "The area's version the preview was read at" }) })
  .openapi('ApplyAreaBody');

export const ApplyAreaResult = z
  .object({ area: Area, movedIn: z.number().int(), movedOut: z.number().int() })
  .openapi('ApplyAreaResult');

export const AreaCustomersQuery = z.object({
  limit: z.coerce.number().int().min(1).max(2000).optional(),
});

export const AreaMapCustomer = z.object({
  id: z.string(),
  name: z.string(),
  lat: z.number(),
  lng: z.number(),
  areaId: z.string().nullable(),
});
export const AreaMap = z
  .object({ customers: z.array(AreaMapCustomer), truncated: z.boolean() })
  .openapi('AreaMap');

// ——— working profiles and absences ———

export const Absence = z
  .object({
    id: z.string(),
    userId: z.string(),
    startDate: z.string(),
    endDate: z.string(),
    kind: z.enum(absenceKinds).openapi({ description: 'vacation = 休暇, training = 研修, other = その他' }),
    note: z.string(),
    createdAt: z.string(),
  })
  .openapi('Absence');

export const Place = z.object({
  address: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
});

export const WorkingProfile = z
  .object({
    userId: z.string(),
    name: z.string(),
    role: z.string(),
    teamId: z.string().nullable(),
    start: Place,
    end: Place,
    workingWeekdays: z.array(z.number().int()).openapi({ description: '0 = Sunday … 6 = Saturday' }),
    workStart: z.string(),
    workEnd: z.string(),
    lunchStart: z.string(),
    lunchEnd: z.string(),
    lunchDurationMinutes: z.number().int(),
    maxVisitsPerDay: z.number().int().nullable(),
    version: z.number().int(),
    absences: z.array(Absence).openapi({ description: 'From 30 days ago on, by start date' }),
  })
  .openapi('WorkingProfile');

const Lat = z.number().min(20).max(46);
const Lng = z.number().min(122).max(154);
export const PlaceInput = z.object({
  address: z.string().trim().max(200).nullable(),
  lat: Lat.nullable()
    .optional()
    .openapi({ description: 'With lng: picked on the map (else the address is geocoded)' }),
  lng: Lng.nullable().optional(),
});

export const UpdateWorkingProfileBody = z
  .object({
    version: Version,
    start: PlaceInput.optional(),
    end: PlaceInput.optional(),
    workingWeekdays: z.array(z.number().int().min(0).max(6)).max(7).optional(),
    workStart: HHMM.optional(),
    workEnd: HHMM.optional(),
    lunchStart: HHMM.optional(),
    lunchEnd: HHMM.optional(),
    lunchDurationMinutes: z.number().int().min(0).max(180).optional(),
    maxVisitsPerDay: z.number().int().min(1).max(50).nullable().optional(),
  })
  .openapi('UpdateWorkingProfileBody');

export const CreateAbsenceBody = z
  .object({
    id: ClientId,
    startDate: IsoDate,
    endDate: IsoDate.optional().openapi({ description: 'Default: the start date (one day)' }),
    kind: z.enum(absenceKinds),
    note: z.string().trim().max(500).optional(),
  })
  .openapi('CreateAbsenceBody');

export type TeamView = z.infer<typeof Team>;
export type AreaView = z.infer<typeof Area>;
export type AreaPreviewView = z.infer<typeof AreaPreview>;
export type AbsenceView = z.infer<typeof Absence>;
export type WorkingProfileView = z.infer<typeof WorkingProfile>;
export type CreateTeamInput = z.infer<typeof CreateTeamBody>;
export type UpdateTeamInput = z.infer<typeof UpdateTeamBody>;
export type CreateAreaInput = z.output<typeof CreateAreaBody>;
export type UpdateAreaInput = z.output<typeof UpdateAreaBody>;
export type AreaDefinitionInput = z.output<typeof AreaDefinitionSchema>;
export type UpdateWorkingProfileInput = z.infer<typeof UpdateWorkingProfileBody>;
export type CreateAbsenceInput = z.output<typeof CreateAbsenceBody>;

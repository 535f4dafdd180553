import { sql } from 'drizzle-orm';
import {
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  time,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenantColumns, versioned } from './columns.js';
import { civilServants } from './org.js';
import { regions } from './regions.js';

/**
 * Attendance (issue 5 items 1-2): the device PIN to ASN mapping, the imported files, the punches, the
 * excuses that cancel lateness, and the region's work schedules. See docs/discipline.md.
 */

/**
 * Which ASN a device PIN belongs to. `device` is '' for a mapping that holds on every device of the
 * region, or the name of one device when PINs differ between machines; a device-specific mapping wins.
 * '' rather than NULL so that the unique key also holds for the region-wide mappings.
 */
export const devicePins = pgTable(
  'device_pins',
  {
    ...tenantColumns,
    device: text('device').notNull().default(''),
    pin: text('pin').notNull(),
    civilServantId: uuid('civil_servant_id').notNull(),
    ...versioned,
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    uniqueIndex('device_pins_pin_uq').on(t.regionId, t.device, t.pin),
    index('device_pins_civil_servant_idx').on(t.regionId, t.civilServantId),
    foreignKey({
      name: 'device_pins_civil_servant_fk',
      columns: [t.regionId, t.civilServantId],
      foreignColumns: [civilServants.regionId, civilServants.id],
    }),
  ],
);

/**
 * One imported file. The row is written as `committing` before the punches (so the file's hash is
 * claimed and the progress can be followed) and becomes `committed` in the transaction that writes
 * them, or `failed` when that transaction rolled back.
 */
export const attendanceImports = pgTable(
  'attendance_imports',
  {
    ...tenantColumns,
    /** attlog | csv | xlsx */
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    /** sha256 of the uploaded bytes: the same file twice is recognised and changes nothing. */
    fileSha256: text('file_sha256').notNull(),
    /** The device the file came from (chooses device-specific PIN mappings), or null. */
    device: text('device'),
    /** The confirmed column mapping of a CSV or XLSX file. */
    mapping: jsonb('mapping'),
    /** committing | committed | failed */
    status: text('status').notNull(),
    /** Non-blank lines (attlog) or data rows (CSV, XLSX) read. */
    rowsRead: integer('rows_read').notNull(),
    /** Punches read without a problem and of a known ASN. */
    punchesRead: integer('punches_read').notNull(),
    punchesAdded: integer('punches_added').notNull().default(0),
    /** Punches left out because they were in the file twice or already stored. */
    duplicates: integer('duplicates').notNull().default(0),
    /** Lines left out: unreadable lines and punches of unknown PINs or NIPs (only with skipInvalid). */
    problemCount: integer('problem_count').notNull().default(0),
    /** The first problems (line and reason) of a file imported with skipInvalid. */
    problems: jsonb('problems')
      .notNull()
      .default(sql`'[]'::jsonb`),
    dateFrom: date('date_from', { mode: 'string' }),
    dateTo: date('date_to', { mode: 'string' }),
    failureMessage: text('failure_message'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    committedAt: timestamp('committed_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    foreignKey({ columns: [t.regionId], foreignColumns: [regions.id] }),
    index('attendance_imports_created_idx').on(t.regionId, t.createdAt),
    // A complete file is imported once; a concurrent second commit of it fails here and is answered
    // with the first. Files imported with rows left out may come again (their PINs may map by now).
    uniqueIndex('attendance_imports_file_uq')
      .on(t.regionId, t.fileSha256)
      .where(sql`status <> 'failed' and problem_count = 0`),
  ],
);

/**
 * One punch of one ASN, in the region's local wall-clock time as the device recorded it, and as an
 * instant (`at`, from the region's timezone). The primary key is the identity of a punch
 * (attlog.domain's `punchKey`, with the PIN resolved to the ASN): overlapping files never count a punch
 * twice, and the same key serves the per-ASN day-range reads of lateness. Keyed on the wall clock
 * rather than `at`, so a later correction of the region's timezone cannot let a re-import double
 * count.
 *
 * The largest table of the system (4-6 million rows a city year, about 200 million a month across
 * the country), written only by the importer: no surrogate id, no second index, and no foreign keys.
 * A foreign key is a per-row trigger; measured on a city month, the two (ASN, import) tripled the
 * time of the insert. The importer takes the ASN ids from civil_servants inside the same transaction
 * (ASN are deactivated, never deleted) and the import row before the punches (imports are never
 * deleted either), which is what the keys would have checked.
 */
export const attendancePunches = pgTable(
  'attendance_punches',
  {
    regionId: uuid('region_id').notNull(),
    civilServantId: uuid('civil_servant_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    localTime: time('local_time').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    device: text('device'),
    importId: uuid('import_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.civilServantId, t.day, t.localTime] })],
);

/** Leave (cuti), sick leave (sakit) or official travel (dinas luar): the days do not count as late. */
export const attendanceExcuses = pgTable(
  'attendance_excuses',
  {
    ...tenantColumns,
    civilServantId: uuid('civil_servant_id').notNull(),
    /** leave | sick | official_travel (lateness.domain's EXCUSE_KINDS) */
    kind: text('kind').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    note: text('note'),
    createdBy: uuid('created_by'),
    ...versioned,
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    index('attendance_excuses_civil_servant_idx').on(t.regionId, t.civilServantId, t.startDate),
    foreignKey({
      name: 'attendance_excuses_civil_servant_fk',
      columns: [t.regionId, t.civilServantId],
      foreignColumns: [civilServants.regionId, civilServants.id],
    }),
  ],
);

/**
 * The region's work schedules: lateness.domain's ScheduleSet (the region's week, its Ramadan hours
 * and dates, and the units with hours of their own) as one versioned document. A row of its own
 * rather than a key of regions.settings: regions is a reference table (replicated to every node under
 * Citus) and the admin's to edit, while the schedules are HR's and grow with the unit schedules.
 * No row: the default schedule (lateness.domain's DEFAULT_SCHEDULE, no Ramadan dates).
 */
export const workSchedules = pgTable(
  'work_schedules',
  {
    regionId: uuid('region_id').notNull(),
    schedules: jsonb('schedules').notNull(),
    updatedBy: uuid('updated_by'),
    ...versioned,
  },
  (t) => [
    primaryKey({ columns: [t.regionId] }),
    foreignKey({ columns: [t.regionId], foreignColumns: [regions.id] }),
  ],
);

import {
  boolean,
  date,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
  type PgTableExtraConfigValue,
} from 'drizzle-orm/pg-core';
import { tenantColumns, versioned } from './columns.js';
import { regions } from './regions.js';

/** Perangkat daerah (OPD) and kecamatan. */
export const workUnits = pgTable(
  'work_units',
  {
    ...tenantColumns,
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    headCivilServantId: uuid('head_civil_servant_id'),
    active: boolean('active').notNull().default(true),
    ...versioned,
  },
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.regionId, t.id] }),
    foreignKey({ columns: [t.regionId], foreignColumns: [regions.id] }),
    uniqueIndex('work_units_code_uq').on(t.regionId, t.code),
    // The head is an ASN of the same region; composite so it stays shard-local.
    foreignKey({
      name: 'work_units_head_fk',
      columns: [t.regionId, t.headCivilServantId],
      foreignColumns: [civilServants.regionId, civilServants.id],
    }),
  ],
);

/** ASN (PNS and PPPK). The NIP is unique within a region, not across regions. */
export const civilServants = pgTable(
  'civil_servants',
  {
    ...tenantColumns,
    nip: text('nip').notNull(),
    name: text('name').notNull(),
    rankGrade: text('rank_grade'),
    position: text('position'),
    workUnitId: uuid('work_unit_id').notNull(),
    employmentType: text('employment_type').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    sex: text('sex').notNull(),
    email: text('email'),
    phone: text('phone'),
    active: boolean('active').notNull().default(true),
    ...versioned,
  },
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.regionId, t.id] }),
    uniqueIndex('civil_servants_nip_uq').on(t.regionId, t.nip),
    index('civil_servants_unit_idx').on(t.regionId, t.workUnitId, t.name),
    index('civil_servants_name_idx').on(t.regionId, t.name),
    foreignKey({
      name: 'civil_servants_unit_fk',
      columns: [t.regionId, t.workUnitId],
      foreignColumns: [workUnits.regionId, workUnits.id],
    }),
  ],
);

import { z } from 'zod';
import { idParams, idSchema, okSchema, pageOf, pageQuery, versionSchema } from './common.js';
import { route } from './route.js';

/**
 * Attendance (issue 5 items 1-2, docs/discipline.md section 1): device files (ZKTeco attlog, CSV and
 * XLSX exports) previewed and then imported all or nothing, the device PIN to ASN mapping, the
 * excuses that cancel lateness (leave, sick, official travel) and the region's work schedules.
 *
 * An import is two calls with the same file: the preview reads it and writes nothing; the commit
 * writes it in one transaction and answers at once (202) with the import, whose progress the client
 * follows with `getImport`. A file already imported completely is answered with that import (200).
 */

export const attendanceFileKinds = ['attlog', 'csv', 'xlsx'] as const;
export type AttendanceFileKind = (typeof attendanceFileKinds)[number];
/** Date layouts of CSV and XLSX exports (attlog.domain's DATE_FORMATS). */
export const punchDateFormats = ['YYYY-MM-DD', 'DD/MM/YYYY', 'DD-MM-YYYY'] as const;
/** leave (cuti), sick (sakit), official_travel (dinas luar): lateness.domain's EXCUSE_KINDS. */
export const excuseKinds = ['leave', 'sick', 'official_travel'] as const;
export type ExcuseKindDto = (typeof excuseKinds)[number];
export const attendanceImportStatuses = ['committing', 'committed', 'failed'] as const;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Format tanggal harus TTTT-BB-HH');
const column = z.string().trim().max(100, 'Nama kolom paling banyak 100 karakter').optional();
/** Query flags are text; only `true` and `false` are accepted (z.coerce.boolean reads "false" as true). */
const flag = z
  .enum(['true', 'false'], { message: 'Nilai harus true atau false' })
  .transform((v) => v === 'true')
  .optional();
const deviceName = z.string().trim().max(60, 'Nama mesin paling banyak 60 karakter');

/**
 * Options of the preview and the commit, in the query string (the body is the file): the device the
 * file came from, the column mapping of a CSV or XLSX file as the user confirmed it (PIN or NIP, date
 * and time or one date-and-time column, the date format), and whether rows with problems are left out.
 */
export const attendanceFileQuery = z.object({
  device: deviceName.optional(),
  pinColumn: column,
  nipColumn: column,
  dateColumn: column,
  timeColumn: column,
  datetimeColumn: column,
  statusColumn: column,
  verifyColumn: column,
  dateFormat: z.enum(punchDateFormats, { message: 'Format tanggal tidak dikenal' }).optional(),
  /** Import the good rows and list the others in the import record (default: refuse the file). */
  skipInvalid: flag,
});
export type AttendanceFileQuery = z.input<typeof attendanceFileQuery>;

/** Which header holds what (attlog.domain's PunchColumnMapping). */
export const punchMappingSchema = z.object({
  pin: z.string().nullable(),
  nip: z.string().nullable(),
  date: z.string().nullable(),
  time: z.string().nullable(),
  datetime: z.string().nullable(),
  dateFormat: z.enum(punchDateFormats),
  status: z.string().nullable(),
  verify: z.string().nullable(),
});
export type PunchMappingDto = z.infer<typeof punchMappingSchema>;

export const lineProblemSchema = z.object({ line: z.number().int(), reason: z.string() });
export type LineProblem = z.infer<typeof lineProblemSchema>;

export const attendanceImportSchema = z.object({
  id: z.uuid(),
  kind: z.enum(attendanceFileKinds),
  fileName: z.string(),
  fileSha256: z.string(),
  device: z.string().nullable(),
  status: z.enum(attendanceImportStatuses),
  /** Non-blank lines (attlog) or data rows (CSV, XLSX). */
  rowsRead: z.number().int(),
  /** Readable punches of known ASN. */
  punchesRead: z.number().int(),
  punchesAdded: z.number().int(),
  /** Punches in the file twice or already stored, left out. */
  duplicates: z.number().int(),
  /** Rows left out with `skipInvalid` (unreadable, or of an unknown PIN or NIP). */
  problemCount: z.number().int(),
  /** The first of those rows (at most 500; empty in lists). */
  problems: z.array(lineProblemSchema),
  dateFrom: z.string().nullable(),
  dateTo: z.string().nullable(),
  /** Punches written so far while committing (the transaction shows nothing before its end). */
  progressDone: z.number().int(),
  progressTotal: z.number().int(),
  failureMessage: z.string().nullable(),
  createdAt: z.string(),
  committedAt: z.string().nullable(),
  createdByName: z.string().nullable(),
});
export type AttendanceImport = z.infer<typeof attendanceImportSchema>;

export const unknownIdentifierSchema = z.object({
  /** The PIN (or NIP, for a file mapped by NIP) that no ASN of the region answers to. */
  identifier: z.string(),
  punches: z.number().int(),
  firstLine: z.number().int(),
});

export const attendancePreviewSchema = z.object({
  kind: z.enum(attendanceFileKinds),
  fileName: z.string(),
  fileSha256: z.string(),
  device: z.string().nullable(),
  /** The complete earlier import of these very bytes: committing again changes nothing. */
  alreadyImported: attendanceImportSchema.nullable(),
  /** CSV and XLSX: the header row as read (lower case, spaces and dashes as `_`), and the first rows. */
  headers: z.array(z.string()),
  sampleRows: z.array(z.array(z.string())),
  /** CSV and XLSX: a first guess from the headers and the first rows, for the user to confirm. */
  suggestedMapping: punchMappingSchema.nullable(),
  /** The mapping this preview used (the one given), or null. */
  mapping: punchMappingSchema.nullable(),
  mappingErrors: z.array(z.object({ path: z.string(), message: z.string() })),
  /** A CSV or XLSX file without a usable mapping: nothing below was counted. */
  needsMapping: z.boolean(),
  identifier: z.enum(['pin', 'nip']),
  rowsRead: z.number().int(),
  /** Readable punches, known ASN or not. */
  punchesRead: z.number().int(),
  /** Lines with at least one problem, and the first problems (at most 200) in file order. */
  problemLines: z.number().int(),
  problems: z.array(lineProblemSchema),
  /** Punches whose PIN or NIP no ASN answers to, by identifier (the first 100 identifiers). */
  unknownPunches: z.number().int(),
  unknownIdentifiers: z.number().int(),
  unknown: z.array(unknownIdentifierSchema),
  duplicatesInFile: z.number().int(),
  duplicatesInDatabase: z.number().int(),
  /** Punches a commit would add now. */
  toAdd: z.number().int(),
  civilServants: z.number().int(),
  dateFrom: z.string().nullable(),
  dateTo: z.string().nullable(),
  /** The first punches as they would be stored. */
  sample: z.array(
    z.object({
      line: z.number().int(),
      identifier: z.string(),
      nip: z.string(),
      name: z.string(),
      localDateTime: z.string(),
    }),
  ),
  /** Nothing stands in the way of a commit without `skipInvalid`. */
  canCommit: z.boolean(),
});
export type AttendancePreview = z.infer<typeof attendancePreviewSchema>;

// ---------------------------------------------------------------------------------------------------
// Device PINs

export const devicePinSchema = z.object({
  id: z.uuid(),
  /** Null: the mapping holds on every device of the region. */
  device: z.string().nullable(),
  pin: z.string(),
  civilServantId: z.uuid(),
  nip: z.string(),
  name: z.string(),
  workUnitName: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type DevicePin = z.infer<typeof devicePinSchema>;

export const devicePinListQuery = pageQuery.extend({ device: deviceName.optional() });

export const setDevicePinBody = z
  .object({
    /** Empty or absent: every device. */
    device: deviceName.nullable().optional(),
    pin: z
      .string({ message: 'PIN wajib diisi' })
      .trim()
      .min(1, 'PIN wajib diisi')
      .max(24, 'PIN terlalu panjang'),
    civilServantId: idSchema,
    /** The version seen, when changing an existing mapping (409 when someone changed it meanwhile). */
    version: versionSchema.optional(),
  })
  .strict();

export const deleteVersionBody = z.object({ version: versionSchema }).strict();

export const devicePinUploadQuery = z.object({
  /** The device of every row without a `mesin` column value. */
  device: deviceName.optional(),
  /** Check only: nothing is written. */
  dryRun: flag,
});

export const devicePinUploadSchema = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  problems: z.array(lineProblemSchema),
  /** False when there were problems (nothing is written then) or for a dry run. */
  written: z.boolean(),
});
export type DevicePinUpload = z.infer<typeof devicePinUploadSchema>;

// ---------------------------------------------------------------------------------------------------
// Excuses

export const excuseSchema = z.object({
  id: z.uuid(),
  civilServantId: z.uuid(),
  nip: z.string(),
  name: z.string(),
  workUnitName: z.string(),
  kind: z.enum(excuseKinds),
  start: z.string(),
  end: z.string(),
  note: z.string().nullable(),
  createdByName: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ExcuseDto = z.infer<typeof excuseSchema>;

export const excuseListQuery = pageQuery.extend({
  civilServantId: idSchema.optional(),
  kind: z.enum(excuseKinds).optional(),
  /** Excuses that overlap [from, to]. */
  from: day.optional(),
  to: day.optional(),
});

const excuseFields = {
  kind: z.enum(excuseKinds, { message: 'Jenis keterangan harus cuti, sakit, atau dinas luar' }),
  start: day,
  end: day,
  note: z.string().trim().max(500, 'Catatan paling banyak 500 karakter').nullable().optional(),
};
export const excuseBody = z.object({ civilServantId: idSchema, ...excuseFields }).strict();
export const updateExcuseBody = z.object({ ...excuseFields, version: versionSchema }).strict();

// ---------------------------------------------------------------------------------------------------
// Work schedules (lateness.domain's ScheduleSet)

const hhmm = z.string().max(5);
export const dayHoursSchema = z.object({ start: hhmm, end: hhmm }).strict();
const weekday = dayHoursSchema.nullable().optional();
export const weekHoursSchema = z
  .object({
    monday: weekday,
    tuesday: weekday,
    wednesday: weekday,
    thursday: weekday,
    friday: weekday,
    saturday: weekday,
    sunday: weekday,
  })
  .strict();
export const workScheduleSchema = z
  .object({ regular: weekHoursSchema, ramadan: weekHoursSchema.nullable().optional() })
  .strict();
export const scheduleSetSchema = z
  .object({
    region: workScheduleSchema,
    /** The Ramadan days of each year (set by the Ministry of Religious Affairs). */
    ramadan: z.array(z.object({ start: day, end: day }).strict()).max(20, 'Paling banyak 20 rentang Ramadan'),
    /** Units with hours of their own, by work unit id; such a schedule replaces the region's. */
    units: z.record(idSchema, workScheduleSchema).optional(),
  })
  .strict();
export type ScheduleSetDto = z.infer<typeof scheduleSetSchema>;

export const workScheduleDtoSchema = z.object({
  schedules: scheduleSetSchema,
  /** 0 while the region uses the default schedule and never saved one. */
  version: z.number().int(),
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type WorkScheduleDto = z.infer<typeof workScheduleDtoSchema>;

export const updateScheduleBody = z
  .object({ schedules: scheduleSetSchema, version: z.number().int().min(0) })
  .strict();

export const attendanceRoutes = {
  preview: route({
    method: 'POST',
    path: '/api/attendance/imports/preview',
    summary:
      'Pratinjau berkas kehadiran (multipart, kolom "file"): attlog ZKTeco, CSV atau XLSX; tidak menyimpan apa pun',
    tag: 'attendance',
    query: attendanceFileQuery,
    response: attendancePreviewSchema,
  }),
  commit: route({
    method: 'POST',
    path: '/api/attendance/imports',
    summary:
      'Impor berkas kehadiran yang sama dengan pratinjau (semua atau tidak sama sekali); 202 lalu pantau kemajuannya, 200 bila berkas sudah pernah diimpor',
    tag: 'attendance',
    query: attendanceFileQuery,
    response: attendanceImportSchema,
    status: 202,
  }),
  listImports: route({
    method: 'GET',
    path: '/api/attendance/imports',
    summary: 'Riwayat impor kehadiran',
    tag: 'attendance',
    query: pageQuery,
    response: pageOf(attendanceImportSchema),
  }),
  getImport: route({
    method: 'GET',
    path: '/api/attendance/imports/:id',
    summary: 'Status dan kemajuan satu impor kehadiran',
    tag: 'attendance',
    params: idParams,
    response: attendanceImportSchema,
  }),
  devicePins: route({
    method: 'GET',
    path: '/api/attendance/device-pins',
    summary: 'Pemetaan PIN mesin absensi ke ASN',
    tag: 'attendance',
    query: devicePinListQuery,
    response: pageOf(devicePinSchema),
  }),
  setDevicePin: route({
    method: 'PUT',
    path: '/api/attendance/device-pins',
    summary: 'Tetapkan ASN pemilik satu PIN (untuk satu mesin atau semua mesin)',
    tag: 'attendance',
    body: setDevicePinBody,
    response: devicePinSchema,
  }),
  deleteDevicePin: route({
    method: 'DELETE',
    path: '/api/attendance/device-pins/:id',
    summary: 'Hapus pemetaan PIN',
    tag: 'attendance',
    params: idParams,
    body: deleteVersionBody,
    response: okSchema,
  }),
  uploadDevicePins: route({
    method: 'POST',
    path: '/api/attendance/device-pins/upload',
    summary:
      'Unggah pemetaan PIN dari CSV/XLSX (kolom pin, nip, dan opsional mesin); semua baris atau tidak sama sekali',
    tag: 'attendance',
    query: devicePinUploadQuery,
    response: devicePinUploadSchema,
  }),
  excuses: route({
    method: 'GET',
    path: '/api/attendance/excuses',
    summary: 'Keterangan cuti, sakit dan dinas luar',
    tag: 'attendance',
    query: excuseListQuery,
    response: pageOf(excuseSchema),
  }),
  createExcuse: route({
    method: 'POST',
    path: '/api/attendance/excuses',
    summary: 'Catat keterangan cuti, sakit atau dinas luar',
    tag: 'attendance',
    body: excuseBody,
    response: excuseSchema,
    status: 201,
  }),
  updateExcuse: route({
    method: 'PUT',
    path: '/api/attendance/excuses/:id',
    summary: 'Ubah keterangan',
    tag: 'attendance',
    params: idParams,
    body: updateExcuseBody,
    response: excuseSchema,
  }),
  deleteExcuse: route({
    method: 'DELETE',
    path: '/api/attendance/excuses/:id',
    summary: 'Hapus keterangan',
    tag: 'attendance',
    params: idParams,
    body: deleteVersionBody,
    response: okSchema,
  }),
  schedule: route({
    method: 'GET',
    path: '/api/attendance/schedule',
    summary: 'Jadwal kerja daerah (reguler, Ramadan, dan jadwal unit)',
    tag: 'attendance',
    response: workScheduleDtoSchema,
  }),
  updateSchedule: route({
    method: 'PUT',
    path: '/api/attendance/schedule',
    summary: 'Ubah jadwal kerja daerah',
    tag: 'attendance',
    body: updateScheduleBody,
    response: workScheduleDtoSchema,
  }),
};

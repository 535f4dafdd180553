import { attendanceImports, attendancePunches } from '../../src/server/db/schema.js';
import type { World } from './harness.js';

/**
 * Stores local punches (`YYYY-MM-DD HH:MM:SS`, WIB) of one servant of region A, with a committed
 * import of their own, as the importer would have left them.
 */
export async function insertPunches(w: World, servant: string, times: string[]) {
  const [imp] = await w.database.db
    .insert(attendanceImports)
    .values({
      regionId: w.a.id,
      kind: 'attlog',
      fileName: `uji-${servant.slice(0, 8)}.dat`,
      fileSha256: `${servant}-${times.length}`,
      status: 'committed',
      rowsRead: times.length,
      punchesRead: times.length,
      punchesAdded: times.length,
    })
    .returning({ id: attendanceImports.id });
  await w.database.db.insert(attendancePunches).values(
    times.map((t) => {
      const [day, time] = t.split(' ');
      return {
        regionId: w.a.id,
        civilServantId: servant,
        day,
        localTime: time,
        at: new Date(`${day}T${time}+07:00`),
        importId: imp.id,
      };
    }),
  );
}

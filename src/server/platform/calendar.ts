/**
 * Region calendar days to instants. Indonesia's three zones have fixed offsets (no daylight saving):
 * WIB +07:00, WITA +08:00, WIT +09:00.
 */
const offsets: Record<string, string> = {
  'Asia/Jakarta': '+07:00',
  'Asia/Makassar': '+08:00',
  'Asia/Jayapura': '+09:00',
};

export function offsetOf(timezone: string): string {
  const o = offsets[timezone];
  if (!o) throw new Error(`unsupported timezone ${timezone}`);
  return o;
}

/** 00:00:00 local time of a calendar day. */
export function dayStart(day: string, timezone: string): Date {
  return new Date(`${day}T00:00:00${offsetOf(timezone)}`);
}

/** 23:59:59.999 local time of a calendar day: a deadline day is usable to its end. */
export function dayEnd(day: string, timezone: string): Date {
  return new Date(`${day}T23:59:59.999${offsetOf(timezone)}`);
}

/** The local calendar day of an instant. */
export function localDay(at: Date, timezone: string): string {
  const o = offsetOf(timezone);
  const shift = (o[0] === '-' ? -1 : 1) * (Number(o.slice(1, 3)) * 60 + Number(o.slice(4, 6))) * 60_000;
  return new Date(at.getTime() + shift).toISOString().slice(0, 10);
}

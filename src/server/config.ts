import { z } from 'zod';

/**
 * The only place that reads the environment. Parsed once at start; a bad value stops the process
 * with the list of what is wrong. Every variable is documented in .env.example.
 */
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('localhost'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** PostgreSQL connection string; when absent the embedded PGlite database is used. */
  DATABASE_URL: z.string().url().optional(),
  /** Folder of the embedded database (kept across restarts). */
  PGLITE_DIR: z.string().default('./data/pglite'),
  /** Public base URL; when it starts with https the session cookie is Secure with the __Host- prefix. */
  PUBLIC_URL: z.string().url().default('http://localhost:3000'),
  TRUST_PROXY: bool.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 7)
    .default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCKOUT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10000).default(20),
  UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(200).default(20),
  /** Largest evidence file (PDF, JPG, PNG) of a realization or milestone, in MB. */
  EVIDENCE_MAX_MB: z.coerce.number().int().min(1).max(100).default(10),
  /** Folder of evidence files, outside the web root; files are stored under generated names. */
  EVIDENCE_DIR: z.string().default('./data/evidence'),
  /** Minimum password length (ASVS 5: 12; some BSSN guidance asks for 8 with composition rules). */
  PASSWORD_MIN_LENGTH: z.coerce.number().int().min(8).max(64).default(12),
  /**
   * Outgoing mail for reminders, e.g. `smtp://user:password@mail.example.go.id:587` or `smtps://...:465`.
   * Without it reminders are in the app only.
   */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'must be smtp://... or smtps://...')
    .optional(),
  /** Sender of reminder e-mails, e.g. `Lelang Kinerja <noreply@malangkota.go.id>`. */
  MAIL_FROM: z.string().min(3).default('Lelang Kinerja <noreply@localhost>'),
  /**
   * `monthly`: the server commits the evaluation of the rules for the month just ended (and the quarter
   * and year when they end) once, on its first sweep of the new month; `off`: evaluations are run by hand
   * (web page or `npm run cli -- discipline evaluate`).
   */
  DISCIPLINE_SCHEDULE: z.enum(['off', 'monthly']).default('off'),
  /** Where the built web app lives. */
  WEB_DIST_DIR: z.string().default('./dist/web'),
});

export type Config = z.infer<typeof configSchema>;

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Config for tests and tools: defaults plus overrides, no environment read. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...configSchema.parse({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), ...overrides };
}

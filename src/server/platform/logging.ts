/**
 * Log redaction (UU PDP 27/2022): passwords, tokens, cookies and NIPs never reach the logs.
 */
export const redactPaths = [
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  'password',
  'newPassword',
  'body.password',
  'body.newPassword',
  'nip',
  '*.nip',
  '*.password',
];

/** NIPs typed into searches end up in URLs; the request log shows them masked. */
export function maskUrl(url: string): string {
  return url.replace(/\d{8,18}/g, (d) => `${d.slice(0, 2)}${'*'.repeat(d.length - 2)}`);
}

export const requestSerializers = {
  req(req: { method: string; url: string; ip?: string }) {
    return { method: req.method, url: maskUrl(req.url), ip: req.ip };
  },
};

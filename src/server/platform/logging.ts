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

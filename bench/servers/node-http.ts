import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { announce } from './protocol.js';

// B1 baseline: the plain node:http hello world, serializing the same JSON on every request as the others do.
const server = http.createServer((_req, res) => {
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify({ status: 'ok' }));
});

server.listen(0, '127.0.0.1', () => {
  announce(
    (server.address() as AddressInfo).port,
    () => new Promise<void>((resolve) => server.close(() => resolve())),
  );
});

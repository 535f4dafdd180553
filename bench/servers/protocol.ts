/** What a benchmark server child tells its parent over the IPC channel once it listens. */
export interface ReadyMessage {
  type: 'ready';
  port: number;
  /** Free-form facts the child knows best (e.g. the database engine's version string). */
  info?: Record<string, string>;
}

/** Sends the ready message and ends the child when the parent goes away (no orphaned servers). */
export function announce(port: number, close: () => Promise<void>, info?: Record<string, string>) {
  if (!process.send) throw new Error('bench servers run as children of bench/run.ts (IPC channel missing)');
  const message: ReadyMessage = { type: 'ready', port, info };
  process.send(message);
  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    close().finally(() => process.exit(0));
    // Never hang on a slow close.
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on('disconnect', stop);
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

/** Announces the application server of a bench child; closing it closes the app and then its database. */
export function announceApp(
  app: { server: { address(): unknown }; close(): Promise<unknown> },
  database: { close(): Promise<unknown> },
  info?: Record<string, string>,
) {
  const address = app.server.address() as { port?: number } | string | null;
  announce(
    typeof address === 'object' && address?.port ? address.port : 0,
    async () => {
      await app.close();
      await database.close();
    },
    info,
  );
}

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

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReadyMessage } from './servers/protocol.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

let serverCpu: number | undefined;

/**
 * Pins this process (the load generator, all its threads) to CPU 0 and every server started afterwards
 * to CPU 1, so that each side has a core of its own instead of the scheduler sometimes putting both on
 * one core (which halves the throughput of loopback ping-pong at random). Needs 2+ cores and taskset.
 */
export function pinCpus(): { loadGenerator: number; servers: number } | null {
  if (os.cpus().length < 2 || process.platform !== 'linux') return null;
  try {
    execFileSync('taskset', ['--all-tasks', '--cpu-list', '--pid', '0', String(process.pid)], {
      stdio: 'ignore',
    });
  } catch {
    return null;
  }
  serverCpu = 1;
  return { loadGenerator: 0, servers: 1 };
}

export interface ServerChild {
  url: string;
  pid: number;
  info: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * Starts bench/servers/<name>.ts in its own Node process (`node --import tsx`), so the server and the
 * load generator each have a process of their own. Resolves once the child listens on 127.0.0.1.
 * Its stdout (request logs, if any) goes to /dev/null; the tail of stderr is shown if it fails.
 */
export function startServer(
  name: string,
  env: Record<string, string> = {},
  timeoutMs = 120_000,
  /** False: the server may use every core, whatever pinCpus set (a capacity run, not a ratio). */
  pinned = true,
): Promise<ServerChild> {
  const file = path.join(repoRoot, 'bench', 'servers', `${name}.ts`);
  const node = [process.execPath, '--import', 'tsx', file];
  // taskset execs node in place: same pid, same IPC channel. A child inherits this process's CPU (the
  // load generator's, once pinned), so an unpinned server is given every core explicitly.
  const cpus = pinned ? String(serverCpu) : `0-${os.cpus().length - 1}`;
  const argv = serverCpu === undefined ? node : ['taskset', '--cpu-list', cpus, ...node];
  const child = spawn(argv[0], argv.slice(1), {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4_000);
  });

  return new Promise<ServerChild>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server ${name} did not start within ${timeoutMs / 1000} s\n${stderr}`));
    }, timeoutMs);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`server ${name} exited (code ${code}) before it listened\n${stderr}`));
    };
    child.once('exit', onExit);
    child.on('message', (message: ReadyMessage) => {
      if (message?.type !== 'ready') return;
      clearTimeout(timer);
      child.off('exit', onExit);
      resolve({
        url: `http://127.0.0.1:${message.port}`,
        pid: child.pid!,
        info: message.info ?? {},
        stop: () => stopChild(child),
      });
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    // Closing the IPC channel asks the child to close its server and database and exit.
    if (child.connected) child.disconnect();
    else child.kill('SIGTERM');
  });
}

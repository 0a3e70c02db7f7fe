import { fork, type ChildProcess } from 'node:child_process';
import { benchBuildLayout } from './benchBuild.js';
import { readProcessUsage } from './readProcessUsage.js';
import type { Framing } from './WireFraming.js';
import type { LightReply, LightRequest, LightRoom, LightStats } from './lightClientMessages.js';

type RequestBody = LightRequest extends infer R ? (R extends LightRequest ? Omit<R, 'id'> : never) : never;

/** The bench's handle on one light-client process (bench/lightClients.ts). */
export class LightClientPool {
  private readonly child: ChildProcess;
  private readonly waiting = new Map<number, { resolve: (reply: LightReply) => void; reject: (error: Error) => void }>();
  private readonly exited: Promise<void>;
  private nextId = 1;

  private constructor(child: ChildProcess) {
    this.child = child;
    child.on('message', (reply: LightReply) => {
      const waiter = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (reply.kind === 'error') waiter?.reject(new Error(`light clients: ${reply.message}`));
      else waiter?.resolve(reply);
    });
    this.exited = new Promise((resolve) =>
      child.once('exit', () => {
        for (const waiter of this.waiting.values()) waiter.reject(new Error('light-client process exited'));
        this.waiting.clear();
        resolve();
      }),
    );
  }

  /** Runs the compiled bench/lightClients.ts (see benchBuild), plain Node, no loader. */
  static start(): LightClientPool {
    const child = fork(benchBuildLayout.lightClients, [], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    return new LightClientPool(child);
  }

  /** CPU time (utime + stime from /proc) the light-client process has used so far. */
  cpuMs(): number {
    if (this.child.pid === undefined) throw new Error('light-client process has no pid');
    return readProcessUsage(this.child.pid).cpuMs;
  }

  async connect(serverUrl: string, framing: Framing, rooms: LightRoom[], timeoutMs = 20_000): Promise<{ syncMs: number[]; failed: number }> {
    const reply = await this.request({ kind: 'connect', serverUrl, framing, rooms, timeoutMs });
    if (reply.kind !== 'connected') throw new Error(`unexpected reply ${reply.kind}`);
    return { syncMs: reply.syncMs, failed: reply.failed };
  }

  async prepareEdits(editsPerClient: number): Promise<void> {
    const reply = await this.request({ kind: 'prepareEdits', editsPerClient });
    if (reply.kind !== 'prepared') throw new Error(`unexpected reply ${reply.kind}`);
  }

  async edit(editsPerSecond: number, editsPerClient: number): Promise<number> {
    const reply = await this.request({ kind: 'edit', editsPerSecond, editsPerClient });
    if (reply.kind !== 'edited') throw new Error(`unexpected reply ${reply.kind}`);
    return reply.editsSent;
  }

  async stats(): Promise<LightStats> {
    const reply = await this.request({ kind: 'stats' });
    if (reply.kind !== 'stats') throw new Error(`unexpected reply ${reply.kind}`);
    return reply.stats;
  }

  async disconnect(): Promise<void> {
    await this.request({ kind: 'disconnect' });
  }

  /** Ends the process (its sockets close with it). */
  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    await this.exited;
  }

  private request(body: RequestBody): Promise<LightReply> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.child.send({ ...body, id } as LightRequest);
    });
  }
}

import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Framing } from './WireFraming.js';
import type { LightReply, LightRequest, LightRoom, LightStats } from './lightClientMessages.js';

const entry = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../lightClients.ts');

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

  static start(): LightClientPool {
    const child = fork(entry, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    return new LightClientPool(child);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  async connect(serverUrl: string, framing: Framing, rooms: LightRoom[], timeoutMs = 20_000): Promise<{ syncMs: number[]; failed: number }> {
    const reply = await this.request({ kind: 'connect', serverUrl, framing, rooms, timeoutMs });
    if (reply.kind !== 'connected') throw new Error(`unexpected reply ${reply.kind}`);
    return { syncMs: reply.syncMs, failed: reply.failed };
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

/**
 * Calls into a dedicated worker as promises. Each request carries an id; the
 * worker answers with the same id and either a result or an error message.
 * Used by the poster's worker (draw.ts), which draws posters and encodes their PNGs.
 */
export type WorkerReply<Result> = { id: number; result: Result; error?: undefined } | { id: number; error: string; result?: undefined };

export class WorkerCalls<Request extends object, Result> {
  readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (result: Result) => void; reject: (error: Error) => void }>();

  /** `what` names the worker in the error every waiting call gets if it stops; `onStop` runs then too. */
  constructor(worker: Worker, what: string, onStop?: () => void) {
    this.worker = worker;
    worker.onmessage = (event: MessageEvent<WorkerReply<Result>>) => {
      const call = this.pending.get(event.data.id);
      if (!call) return;
      this.pending.delete(event.data.id);
      if (event.data.error !== undefined) call.reject(new Error(event.data.error));
      else call.resolve(event.data.result);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      for (const call of this.pending.values()) call.reject(new Error(`The ${what} worker stopped.`));
      this.pending.clear();
      onStop?.();
    };
  }

  call(request: Request, transfer: Transferable[] = []): Promise<Result> {
    const id = this.nextId++;
    return new Promise<Result>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id }, transfer);
    });
  }
}

/** The worker's side: answers each request with `handle`'s result, or with its error's message. */
export function answerCalls<Request extends object, Result>(scope: DedicatedWorkerGlobalScope, handle: (request: Request) => Promise<Result>): void {
  scope.onmessage = async (event: MessageEvent<Request & { id: number }>) => {
    const { id } = event.data;
    try {
      scope.postMessage({ id, result: await handle(event.data) } satisfies WorkerReply<Result>);
    } catch (error) {
      scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies WorkerReply<Result>);
    }
  };
}

// Live scoring without blocking typing. The backend analyses on a worker thread; here at most
// one analysis is in flight, and while it runs only the newest text waits for its turn (the
// ones typed in between are never sent). An answer that arrives after newer text was typed
// is stale and dropped, so the badge never shows a score for text that is gone.

export interface ScorerOptions<Req, Res> {
  analyze: (request: Req) => Promise<Res>;
  onResult: (result: Res, request: Req) => void;
  onError: (error: unknown) => void;
}

export class LiveScorer<Req, Res> {
  private waiting: { request: Req } | undefined;
  private generation = 0;
  private running: Promise<void> | undefined;

  constructor(private readonly options: ScorerOptions<Req, Res>) {}

  /** Asks for an analysis of `request`; any older request not yet sent is forgotten. */
  request(request: Req): void {
    this.generation += 1;
    this.waiting = { request };
    this.running ??= this.drain().finally(() => {
      this.running = undefined;
    });
  }

  /** Resolves when nothing is in flight or waiting (tests, and before closing). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    while (this.waiting) {
      const { request } = this.waiting;
      const generation = this.generation;
      this.waiting = undefined;
      try {
        const result = await this.options.analyze(request);
        if (generation === this.generation) this.options.onResult(result, request);
      } catch (error) {
        if (generation === this.generation) this.options.onError(error);
      }
    }
  }
}

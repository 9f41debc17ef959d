// Debounced autosave. The reporter never presses a button to keep their text: a save starts a
// moment after the last keystroke, Ctrl/Cmd+S or a window close saves at once, and at most one
// save is in flight so that an older text can never overwrite a newer one.

export type SaveState = "saved" | "dirty" | "saving" | "error";

export interface AutosaveOptions {
  /** Milliseconds of quiet after the last change before a save starts. */
  delayMs: number;
  /** Milliseconds before a failed save is tried again on its own. */
  retryMs: number;
  /** Persists the latest content; rejects when it could not. */
  save: () => Promise<void>;
  onState: (state: SaveState, error?: unknown) => void;
}

export class Autosaver {
  private state: SaveState = "saved";
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | undefined;
  private dirtySinceStart = false;

  constructor(private readonly options: AutosaveOptions) {}

  get current(): SaveState {
    return this.state;
  }

  /** The content changed: (re)start the quiet-period timer. */
  changed(): void {
    this.dirtySinceStart = true;
    if (this.state !== "saving") this.setState("dirty");
    this.schedule(this.options.delayMs);
  }

  /**
   * Saves now if anything is unsaved and resolves once everything typed so far is stored.
   * Resolves to false when the save failed (the text stays in the editor, marked as an error).
   */
  async flush(): Promise<boolean> {
    for (;;) {
      // A save already running may have started before the latest keystrokes: wait for it,
      // then save again if anything changed meanwhile.
      while (this.inFlight) await this.inFlight;
      this.cancelTimer();
      if (this.state === "saved") return true;
      await this.start();
      if (this.state === "error") return false;
    }
  }

  /** Forgets pending work, e.g. after the article was deleted. */
  reset(): void {
    this.cancelTimer();
    this.dirtySinceStart = false;
    this.setState("saved");
  }

  private schedule(ms: number): void {
    this.cancelTimer();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, ms);
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private start(): Promise<void> {
    this.dirtySinceStart = false;
    this.setState("saving");
    const run = this.options
      .save()
      .then(
        () => {
          if (this.dirtySinceStart) {
            this.setState("dirty");
            this.schedule(this.options.delayMs);
          } else {
            this.setState("saved");
          }
        },
        (error: unknown) => {
          this.dirtySinceStart = true;
          this.setState("error", error);
          this.schedule(this.options.retryMs);
        },
      )
      .finally(() => {
        this.inFlight = undefined;
      });
    this.inFlight = run;
    return run;
  }

  private setState(state: SaveState, error?: unknown): void {
    this.state = state;
    this.options.onState(state, error);
  }
}

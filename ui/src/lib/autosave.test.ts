import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Autosaver, type SaveState } from "./autosave";

function deferred() {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("Autosaver", () => {
  let states: SaveState[];
  let save: ReturnType<typeof vi.fn<() => Promise<void>>>;
  let saver: Autosaver;

  beforeEach(() => {
    vi.useFakeTimers();
    states = [];
    save = vi.fn(() => Promise.resolve());
    saver = new Autosaver({ delayMs: 1000, retryMs: 5000, save, onState: (s) => states.push(s) });
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it("saves once, a second after the last of many keystrokes", async () => {
    for (let i = 0; i < 5; i++) {
      saver.changed();
      await vi.advanceTimersByTimeAsync(400);
    }
    expect(save).not.toHaveBeenCalled();
    expect(saver.current).toBe("dirty");
    await vi.advanceTimersByTimeAsync(600);
    expect(save).toHaveBeenCalledTimes(1);
    expect(saver.current).toBe("saved");
    expect(states.slice(-2)).toEqual(["saving", "saved"]);
  });

  it("flush saves at once and cancels the pending timer", async () => {
    saver.changed();
    await expect(saver.flush()).resolves.toBe(true);
    expect(save).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(5000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it("flush with nothing unsaved does not call the backend", async () => {
    await expect(saver.flush()).resolves.toBe(true);
    expect(save).not.toHaveBeenCalled();
  });

  it("saves again when the text changed while a save was running", async () => {
    const first = deferred();
    save.mockImplementationOnce(() => first.promise);
    saver.changed();
    await vi.advanceTimersByTimeAsync(1000);
    expect(saver.current).toBe("saving");
    saver.changed();
    const flushed = saver.flush();
    first.resolve();
    await expect(flushed).resolves.toBe(true);
    expect(save).toHaveBeenCalledTimes(2);
    expect(saver.current).toBe("saved");
  });

  it("never runs two saves at the same time", async () => {
    let running = 0;
    let overlapped = false;
    save.mockImplementation(async () => {
      running++;
      if (running > 1) overlapped = true;
      await new Promise((r) => setTimeout(r, 300));
      running--;
    });
    saver.changed();
    const a = saver.flush();
    saver.changed();
    const b = saver.flush();
    await vi.advanceTimersByTimeAsync(2000);
    await Promise.all([a, b]);
    expect(overlapped).toBe(false);
    expect(save).toHaveBeenCalledTimes(2);
  });

  it("reports a failed save, keeps the text unsaved and retries later", async () => {
    save.mockRejectedValueOnce({ code: "io", message: "disk full" });
    saver.changed();
    await expect(saver.flush()).resolves.toBe(false);
    expect(saver.current).toBe("error");
    await vi.advanceTimersByTimeAsync(5000);
    expect(save).toHaveBeenCalledTimes(2);
    expect(saver.current).toBe("saved");
  });
});

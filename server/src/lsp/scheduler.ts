// Runs analyses per document: at once when idle; edits that arrive while a run is pending or in flight
// are coalesced into one follow-up run of the latest text. No fixed delay: a run waits only while more
// changes for the same document are already queued on the connection (they arrive one per event-loop
// turn), so a burst of edits costs one analysis of its final text.
interface Slot {
  /** Bumped by every request(); the run starts once a turn passes without a bump. */
  generation: number;
  dirty: boolean;
  scheduled: boolean;
  running: boolean;
  idle: Array<() => void>;
}

/** A burst longer than this many queued changes is analysed anyway, so a flood cannot starve the run. */
const MAX_POSTPONE = 256;

export class Scheduler {
  private readonly slots = new Map<string, Slot>();

  constructor(private readonly run: (key: string) => Promise<void>) {}

  /** The document changed (or needs analysis): analyse its latest state soon. */
  request(key: string): void {
    const slot = this.slot(key);
    slot.generation++;
    slot.dirty = true;
    if (!slot.scheduled && !slot.running) this.schedule(key, slot, 0);
  }

  /** Resolves when no run is pending or running for `key`. */
  settled(key: string): Promise<void> {
    const slot = this.slots.get(key);
    if (!slot || (!slot.dirty && !slot.running && !slot.scheduled)) return Promise.resolve();
    return new Promise((resolve) => slot.idle.push(resolve));
  }

  /** Resolves when nothing is pending or running for any key. */
  async idle(): Promise<void> {
    for (;;) {
      const busy = [...this.slots.keys()].find((k) => this.pending(k));
      if (busy === undefined) return;
      await this.settled(busy);
    }
  }

  pending(key: string): boolean {
    const slot = this.slots.get(key);
    return !!slot && (slot.dirty || slot.running || slot.scheduled);
  }

  forget(key: string): void {
    const slot = this.slots.get(key);
    if (slot && !slot.running && !slot.scheduled) {
      this.slots.delete(key);
      for (const r of slot.idle.splice(0)) r();
    } else if (slot) slot.dirty = false;
  }

  private slot(key: string): Slot {
    let slot = this.slots.get(key);
    if (!slot) {
      slot = { generation: 0, dirty: false, scheduled: false, running: false, idle: [] };
      this.slots.set(key, slot);
    }
    return slot;
  }

  private schedule(key: string, slot: Slot, postponed: number): void {
    slot.scheduled = true;
    const seen = slot.generation;
    // Two turns: the connection handles one queued message per turn, and its next turn is queued
    // after ours, so only after the second has it delivered any change that was already waiting.
    setImmediate(() =>
      setImmediate(() => {
        if (slot.generation !== seen && postponed < MAX_POSTPONE) {
          this.schedule(key, slot, postponed + 1);
          return;
        }
        slot.scheduled = false;
        void this.drain(key, slot);
      }),
    );
  }

  private async drain(key: string, slot: Slot): Promise<void> {
    if (slot.running) return;
    if (slot.dirty) {
      slot.dirty = false;
      slot.running = true;
      try {
        await this.run(key);
      } catch {
        // run() reports its own failures; the scheduler must keep going.
      } finally {
        slot.running = false;
      }
    }
    if (slot.dirty) {
      this.schedule(key, slot, 0);
      return;
    }
    for (const r of slot.idle.splice(0)) r();
  }
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from './event-queue.js';

describe('EventQueue', () => {
  it('pops any pushed events in time order (ties in any order), keeping each event whole', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: 0, max: 1000, noNaN: true }), fc.nat(50), fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 300 }), (events) => {
        const queue = new EventQueue();
        events.forEach(([time, target, weight]) => queue.push(time, target, weight));
        expect(queue.length).toBe(events.length);
        const popped: [number, number, number][] = [];
        while (queue.length > 0) queue.pop((time, target, weight) => popped.push([time, target, weight]));
        for (let i = 1; i < popped.length; i++) expect(popped[i][0]).toBeGreaterThanOrEqual(popped[i - 1][0]);
        const key = (e: [number, number, number]) => e.join(',');
        expect(popped.map(key).sort()).toEqual(events.map(key).sort());
      }),
      { numRuns: 200 },
    );
  });

  it('peekTime is Infinity when empty and the earliest time otherwise; grows past its initial capacity of 64', () => {
    const queue = new EventQueue();
    expect(queue.peekTime()).toBe(Infinity);
    for (let i = 200; i > 0; i--) queue.push(i, i, 1);
    expect(queue.peekTime()).toBe(1);
    expect(queue.length).toBe(200);
  });
});

import { describe, expect, it } from 'vitest';
import { eventId, eventNameOf, eventSourceOf } from '../../src/model/cloudtrail-event.js';

describe('the strings every event repeats', () => {
  it('event ids are UUID-shaped from the account and the sequence number', () => {
    expect(eventId('123456789012', 1)).toBe('12345678-9012-4000-8000-000000000001');
    expect(eventId('42', 0xabc)).toBe('00000000-0042-4000-8000-000000000abc');
    // Past 12 hex digits the sequence keeps its last twelve.
    expect(eventId('123456789012', 0x1234567890abc)).toBe('12345678-9012-4000-8000-234567890abc');
  });

  it('source and name per action stay right past the cache limit (it is cleared, not trusted)', () => {
    for (let i = 0; i < 10_000; i++) {
      const action = `svc${i % 5000}:Act${i}`;
      expect(eventSourceOf(action)).toBe(`svc${i % 5000}.amazonaws.com`);
      expect(eventNameOf(action)).toBe(`Act${i}`);
    }
    for (let i = 0; i < 5000; i++) expect(eventId(String(100_000_000_000 + i), i)).toBe(`${String(100_000_000_000 + i).slice(0, 8)}-${String(100_000_000_000 + i).slice(8)}-4000-8000-${i.toString(16).padStart(12, '0')}`);
  });
});

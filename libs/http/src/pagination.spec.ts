import { DomainException } from './domain.exception';
import { decodeCursor, encodeCursor, toPage } from './pagination';

describe('keyset pagination', () => {
  it('round-trips a cursor and refuses one it did not make', () => {
    expect(decodeCursor(encodeCursor(['2026-01-01 10:00:00.123456+00', 'id-1']), 2)).toEqual(['2026-01-01 10:00:00.123456+00', 'id-1']);
    expect(() => decodeCursor('garbage', 2)).toThrow(DomainException);
    expect(() => decodeCursor(encodeCursor([1]), 2)).toThrow(DomainException);
  });

  it('cuts the extra row and points the cursor at the last row kept', () => {
    const page = toPage([{ id: 1 }, { id: 2 }, { id: 3 }], 2, (row) => [row.id]);
    expect(page.items).toEqual([{ id: 1 }, { id: 2 }]);
    expect(decodeCursor(page.nextCursor as string, 1)).toEqual([2]);
    expect(toPage([{ id: 1 }], 2, (row) => [row.id]).nextCursor).toBeNull();
  });
});

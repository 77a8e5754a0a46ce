import { exceedsJsonDepth, MAX_JSON_DEPTH } from './json-depth';

const nestedArrays = (levels: number): unknown => JSON.parse('['.repeat(levels) + ']'.repeat(levels));
const nestedObjects = (levels: number): unknown => JSON.parse('{"a":'.repeat(levels - 1) + '{}' + '}'.repeat(levels - 1));

describe('exceedsJsonDepth', () => {
  it('counts the body as level 1 and each container inside it as one more', () => {
    expect(exceedsJsonDepth('text', 0)).toBe(false);
    expect(exceedsJsonDepth({}, 1)).toBe(false);
    expect(exceedsJsonDepth({ a: [] }, 1)).toBe(true);
    expect(exceedsJsonDepth({ a: [1, 'x', null], b: { c: true } }, 2)).toBe(false);
    expect(exceedsJsonDepth([[], [[{}]]], 3)).toBe(true);
  });

  it(`accepts ${MAX_JSON_DEPTH} levels of arrays or objects and refuses one more`, () => {
    expect(exceedsJsonDepth(nestedArrays(MAX_JSON_DEPTH))).toBe(false);
    expect(exceedsJsonDepth(nestedObjects(MAX_JSON_DEPTH))).toBe(false);
    expect(exceedsJsonDepth(nestedArrays(MAX_JSON_DEPTH + 1))).toBe(true);
    expect(exceedsJsonDepth(nestedObjects(MAX_JSON_DEPTH + 1))).toBe(true);
  });

  it('walks a hundred thousand levels without recursion', () => {
    expect(exceedsJsonDepth(nestedArrays(100_000))).toBe(true);
    expect(exceedsJsonDepth(nestedObjects(100_000), 200_000)).toBe(false);
  });
});

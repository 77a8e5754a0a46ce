// @hotline/testing/random: seeded generators for property tests. Pure TypeScript, so the specs of
// domain folders (which may import no infrastructure) can use it too.
export { seededRandom, type SeededRandom } from './seeded-random';

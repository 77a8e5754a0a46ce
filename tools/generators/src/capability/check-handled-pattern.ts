import { type Tree, visitNotIgnoredFiles } from '@nx/devkit';

const ON_EVENT = /@OnEvent\(\s*'([^']+)'\s*,\s*\{\s*queue:\s*'([^']+)'/g;

/**
 * Nest keeps one handler chain per pattern in a process: a second `@OnEvent` of a pattern the
 * service already handles on another queue is run from the first queue's deliveries, and its own
 * queue is never consumed (the events bound to it pile up). So a pattern stays on one queue per service.
 */
export function checkHandledPattern(tree: Tree, serviceRoot: string, event: string | undefined, queue: string | undefined): void {
  if (event === undefined || queue === undefined) return;
  visitNotIgnoredFiles(tree, serviceRoot, (file) => {
    if (!file.endsWith('.ts')) return;
    for (const [, pattern, other] of (tree.read(file, 'utf-8') ?? '').matchAll(ON_EVENT)) {
      if (pattern === event && other !== queue) {
        throw new Error(
          `${file} already handles '${event}' on queue '${other}'; a second handler of it on '${queue}' would run from '${other}' and leave '${queue}' unconsumed. ` +
            `Use --queue=${other}, or another pattern.`,
        );
      }
    }
  });
}

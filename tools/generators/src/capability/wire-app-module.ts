import { applyChangesToString, ChangeType, type StringInsertion, type Tree } from '@nx/devkit';
import ts from 'typescript';

/** A symbol to import into app.module.ts and the array of its @Module it belongs in. */
export interface Wiring {
  symbol: string;
  from: string;
  /** `imports` of the @Module, or `entities` / `migrations` of its databaseOptions. */
  list: 'imports' | 'entities' | 'migrations';
}

/**
 * Adds each symbol to its list in app.module.ts, with its import, where the file has that list
 * exactly once (the TypeScript parser finds it; nothing is matched by text; `imports` is the
 * @Module's own). Returns what it could not place, for the user to add by hand.
 */
export function wireAppModule(tree: Tree, path: string, wirings: readonly Wiring[]): Wiring[] {
  const text = tree.read(path, 'utf-8');
  if (text === null) return [...wirings];
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const changes: StringInsertion[] = [];
  const missed: Wiring[] = [];
  for (const wiring of wirings) {
    const lists = arraysNamed(source, wiring.list).filter((list) => wiring.list !== 'imports' || inModuleDecorator(list));
    if (lists.length !== 1) {
      missed.push(wiring);
      continue;
    }
    changes.push(appendTo(text, lists[0], wiring.symbol));
  }
  const placed = wirings.filter((wiring) => !missed.includes(wiring));
  const imports = source.statements.filter(ts.isImportDeclaration);
  const at = imports.length > 0 ? imports[imports.length - 1].getEnd() : 0;
  const lines = placed.map((wiring) => `import { ${wiring.symbol} } from '${wiring.from}';`).join('\n');
  if (placed.length > 0) changes.push({ type: ChangeType.Insert, index: at, text: at === 0 ? `${lines}\n` : `\n${lines}` });
  tree.write(path, applyChangesToString(text, changes));
  return missed;
}

/** The array literals assigned to a property of that name (`imports: [...]`), anywhere in the file. */
function arraysNamed(source: ts.SourceFile, property: string): ts.ArrayLiteralExpression[] {
  const found: ts.ArrayLiteralExpression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && node.name.getText(source) === property && ts.isArrayLiteralExpression(node.initializer)) {
      found.push(node.initializer);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Whether an array is a property of `@Module({...})` itself (not of a call inside it, such as `auth: { imports }`). */
function inModuleDecorator(list: ts.ArrayLiteralExpression): boolean {
  const call = list.parent.parent.parent;
  return ts.isCallExpression(call) && ts.isDecorator(call.parent) && ts.isIdentifier(call.expression) && call.expression.text === 'Module';
}

/** After the last element, in the array's own layout: one per line when it is laid out so, else inline. */
function appendTo(text: string, array: ts.ArrayLiteralExpression, symbol: string): StringInsertion {
  const elements = array.elements;
  if (elements.length === 0) return { type: ChangeType.Insert, index: array.getStart() + 1, text: symbol };
  const last = elements[elements.length - 1];
  const multiline = text.slice(array.getStart(), array.getEnd()).includes('\n');
  if (!multiline) return { type: ChangeType.Insert, index: last.getEnd(), text: `, ${symbol}` };
  const lineStart = text.lastIndexOf('\n', last.getStart()) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
  return elements.hasTrailingComma
    ? { type: ChangeType.Insert, index: text.indexOf(',', last.getEnd()) + 1, text: `\n${indent}${symbol},` }
    : { type: ChangeType.Insert, index: last.getEnd(), text: `,\n${indent}${symbol}` };
}

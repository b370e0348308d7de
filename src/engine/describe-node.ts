/** Names a node of a compiled model as a user reads it in messages: the cell, the section and the position in it. */
import type { CompiledModel } from './compile.js';

/** `cell <id>, section <id>(<position 0..1>)`, or `node <index>` for a node in no section. */
export function describeNode(compiled: CompiledModel, node: number): string {
  const section = compiled.tree.sections.find(
    (s) => s.startNode === node || s.endNode === node || s.centreNodes.includes(node),
  );
  if (!section) return `node ${node}`;
  const cell = compiled.model.cells[section.cell].id;
  const index = section.centreNodes.indexOf(node);
  const position = index >= 0 ? (index + 0.5) / section.compartments : node === section.endNode ? 1 : 0;
  return `cell ${cell}, section ${section.id}(${position.toFixed(4)})`;
}

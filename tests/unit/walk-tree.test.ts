// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { walkTree } from '../../lib/page/walk-tree';

describe('walkTree', () => {
  const root = document.createElement('div');
  root.innerHTML = '<p>a<b>b</b></p><aside>skip<i>me</i></aside><ul><li>c</li><li></li></ul>d';
  const name = (node: Node) => (node.nodeType === 3 ? (node as Text).data : (node as Element).localName);

  it('visits every node under the root in document order, leaving each entered node after its children', () => {
    const events: string[] = [];
    walkTree(root, (node) => (events.push(`>${name(node)}`), true), (node) => events.push(`<${name(node)}`));
    expect(events.join(' ')).toBe('>p >a <a >b >b <b <b <p >aside >skip <skip >i >me <me <i <aside >ul >li >c <c <li >li <li <ul >d <d');
  });

  it('skips the children of a node it is told not to enter, and never leaves one it did not enter', () => {
    const events: string[] = [];
    walkTree(root, (node) => (events.push(`>${name(node)}`), name(node) !== 'aside'), (node) => events.push(`<${name(node)}`));
    expect(events).not.toContain('>skip');
    expect(events).not.toContain('<aside');
    expect(events.slice(-2)).toEqual(['>d', '<d']);
  });

  it('stays inside the root', () => {
    const seen: string[] = [];
    walkTree(root.querySelector('ul')!, (node) => (seen.push(name(node)), true));
    expect(seen).toEqual(['li', 'c', 'li']);
  });
});

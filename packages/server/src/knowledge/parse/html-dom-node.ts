/** The part of a DOM node (linkedom's or the browser's) the HTML walk reads. */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?(name: string): string | null;
}

export const attribute = (node: DomNode, name: string) => node.getAttribute?.(name) ?? '';

export const squashedLength = (text: string | null) => (text ?? '').replace(/\s+/g, '').length;

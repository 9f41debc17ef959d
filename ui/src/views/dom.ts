// A small element builder shared by the views: attributes as strings, children appended.
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

let counter = 0;
/** A unique id for tying a label to its control. */
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** A labelled control: the label's `for` points at the control's id. */
export function field(label: HTMLLabelElement, control: HTMLElement, ...extra: Node[]): HTMLElement {
  if (!control.id) control.id = uid("f");
  label.htmlFor = control.id;
  return el("div", { class: "field" }, label, control, ...extra);
}

// Building the page from data without innerHTML: text from the API is always set as text, never parsed as markup.

/**
 * An element: el('td', { class: 'num', colspan: 2 }, 'text', otherElement). Attributes whose value is null, undefined
 * or false are left out; true gives an empty attribute; "dataset" takes an object; "on" takes {event: handler}.
 * Strings and numbers among the children become text.
 */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (name === 'on') {
      Object.entries(value).forEach(([event, handler]) => element.addEventListener(event, handler));
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    element.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces an element's content. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** The element of an id, failing loudly when the page's markup lacks it. */
export function byId(id) {
  const element = document.getElementById(id);
  if (!element) {
    throw new Error(`No element #${id}`);
  }
  return element;
}

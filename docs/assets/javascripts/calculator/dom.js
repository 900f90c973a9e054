// @ts-check
/*
 * Small DOM helpers the calculator's units share. Everything from the
 * visitor, a link or the model goes in as text, never as HTML.
 */

/**
 * The value at a dotted path of a result (`"break_even.cautious.text"`);
 * undefined where the path ends early.
 * @param {unknown} object
 * @param {string} path
 * @returns {unknown}
 */
export function lookup(object, path) {
  return path.split(".").reduce(
    (/** @type {any} */ value, key) => (value == null ? undefined : value[key]),
    object,
  );
}

/**
 * Writes `text` only when it differs: an unchanged part of the page is not
 * touched, so the browser relays out less.
 * @param {Element} element
 * @param {string} text
 */
export function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}

/**
 * Sets attribute `name` only when its value differs, for the same reason.
 * @param {Element} element
 * @param {string} name
 * @param {string} value
 */
export function setAttr(element, name, value) {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

/**
 * Shows or hides `element` only when that changes, for the same reason.
 * @param {HTMLElement} element
 * @param {boolean} hidden
 */
export function setHidden(element, hidden) {
  if (element.hidden !== hidden) element.hidden = hidden;
}

/**
 * The element `selector` names inside `root`; a missing one is a broken
 * template, said plainly instead of failing later on `null`.
 * @template {Element} [T=HTMLElement]
 * @param {ParentNode} root
 * @param {string} selector
 * @returns {T}
 */
export function part(root, selector) {
  const element = root.querySelector(selector);
  if (!element) throw new Error(`calculator: ${selector} is missing from the page`);
  return /** @type {T} */ (element);
}

// @ts-check
/*
 * The results view: writes a model result into the slots the build rendered
 * (overrides/partials/calculator.html). Texts go into `data-out` slots,
 * outcomes into `data-outcome` (the colours), `data-if` / `data-unless` show
 * a part only when a result key is true / not true, and the tables, the bars
 * and the attribution follow the model's lists. Only what changed is
 * written, in the nodes already there: an edit costs the page little
 * style and layout.
 */
import { lookup, part, setAttr, setHidden, setText } from "./dom.js";

/** @typedef {import("../../../../types/compute-result").ComputeResult} Result */
/** @typedef {import("../../../../types/compute-result").ComputeAnswer} Answer */
/** @typedef {import("../../../../types/compute-result").LineJson} Line */
/** @typedef {import("../../../../types/compute-result").PointJson} Point */
/** @typedef {import("../../../../types/compute-result").AttributionPartJson} Part */

const SVG = "http://www.w3.org/2000/svg";

/**
 * `container`'s rows show `items`, one row per item: the rows already there
 * are written in place (only what changed), and cloned afresh from `root`'s
 * <template> only when their count changes, so an edit makes no new nodes
 * for the browser to style and lay out. Each element marked
 * `data-<slot>="key"` (the row itself, or one inside it) gets `item[key]` as
 * text; `decorate` sets the rest of a row from its item.
 * @template {Line | Point | Part} T
 * @param {HTMLElement} root @param {Element} container @param {string} templateSelector @param {string} slot
 * @param {T[]} items @param {(row: HTMLElement, item: T) => void} [decorate]
 */
function renderRows(root, container, templateSelector, slot, items, decorate) {
  if (container.children.length !== items.length) {
    const template = /** @type {HTMLTemplateElement} */ (part(root, templateSelector));
    const row = /** @type {Element} */ (template.content.firstElementChild);
    container.replaceChildren(...items.map(() => row.cloneNode(true)));
  }
  const marked = `[data-${slot}]`;
  items.forEach((item, index) => {
    const row = /** @type {HTMLElement} */ (container.children[index]);
    const texts = new Map(Object.entries(item));
    for (const cell of [row, ...row.querySelectorAll(marked)].filter((element) => element.matches(marked))) {
      setText(cell, String(texts.get(cell.getAttribute(`data-${slot}`) ?? "") ?? ""));
    }
    decorate?.(row, item);
  });
}

/** One bill's table, a row per line. @param {HTMLElement} root @param {string} side @param {Line[]} lines */
function renderLines(root, side, lines) {
  renderRows(root, part(root, `[data-lines="${side}"]`), "[data-line-template]", "line-out", lines, (row, line) => {
    setAttr(part(row, "[data-line-seg]"), "class", `calc-seg calc-seg--${line.id}`);
  });
}

/** A segment of a bill's stacked bar, with its title, for the chart to fill. */
function newSegment() {
  const rect = document.createElementNS(SVG, "rect");
  rect.setAttribute("y", "0");
  rect.setAttribute("height", "10");
  rect.append(document.createElementNS(SVG, "title"));
  return rect;
}

/** The two bills as stacked bars on the model's common scale, in the model's geometry. @param {HTMLElement} root @param {Result} result */
function renderChart(root, result) {
  for (const side of /** @type {const} */ (["current", "elixir"])) {
    const svg = part(root, `[data-chart="${side}"]`);
    const { lines } = result[side];
    setAttr(svg, "viewBox", `0 0 ${result.scale_kr} 10`);
    if (svg.children.length !== lines.length) svg.replaceChildren(...lines.map(newSegment));
    lines.forEach((line, index) => {
      const rect = svg.children[index];
      setAttr(rect, "class", `calc-seg calc-seg--${line.id}`);
      setAttr(rect, "x", line.start_kr);
      setAttr(rect, "width", line.monthly_kr);
      setText(part(rect, "title"), `${line.name}: ${line.monthly_text}`);
    });
  }
}

/**
 * The sensitivity table: a row per capacity factor, its marks (the
 * visitor's value, the article's 4×, Pinterest's 2×) and a bar whose length
 * is the percentage itself, in the SVG's own units.
 * @param {HTMLElement} root @param {Point[]} points
 */
function renderSensitivity(root, points) {
  renderRows(root, part(root, "[data-sensitivity]"), "[data-point-template]", "point-out", points, (row, point) => {
    setAttr(row, "data-outcome", point.outcome);
    setAttr(row, "data-marks", point.marks.join(" "));
    setAttr(part(row, "[data-point-bar]"), "x2", point.percent);
  });
}

/** What makes up the difference, part by part. @param {HTMLElement} root @param {Part[]} parts */
function renderAttribution(root, parts) {
  renderRows(root, part(root, "[data-attribution]"), "[data-part-template]", "part-out", parts);
}

/**
 * The page's slots, found once (the build rendered them, and they stay):
 * texts, colours and the parts shown only for some results.
 * @param {HTMLElement} root
 */
function slotsOf(root) {
  /** @param {string} selector */
  const all = (selector) => /** @type {HTMLElement[]} */ ([...root.querySelectorAll(selector)]);
  return { texts: all("[data-out]"), coloured: [root, ...all("[data-outcome-of]")], conditional: all("[data-if], [data-unless]") };
}

/** @param {ReturnType<typeof slotsOf>} slots @param {Result} result */
function renderSlots(slots, result) {
  for (const slot of slots.texts) setText(slot, String(lookup(result, slot.dataset.out ?? "") ?? ""));
  // Colours follow what the words say: a saving, no difference, an extra cost.
  for (const element of slots.coloured) {
    setAttr(element, "data-outcome", String(lookup(result, element.dataset.outcomeOf ?? "") ?? ""));
  }
  for (const element of slots.conditional) {
    const { dataset } = element;
    const shown = dataset.if ? lookup(result, dataset.if) === true : lookup(result, dataset.unless ?? "") !== true;
    setHidden(element, !shown);
  }
}

/** @param {HTMLElement} root  the calculator */
export function resultsView(root) {
  // What each list last showed: an edit that leaves a list unchanged leaves
  // its part of the page untouched, so the browser relays out less.
  /** @type {Map<string, string>} */
  const shown = new Map();

  /** @param {string} name @param {unknown} value */
  function changed(name, value) {
    const key = JSON.stringify(value);
    if (shown.get(name) === key) return false;
    shown.set(name, key);
    return true;
  }

  const slots = slotsOf(root);

  /** @param {Result} result */
  function render(result) {
    renderSlots(slots, result);
    if (changed("sensitivity", result.sensitivity)) renderSensitivity(root, result.sensitivity);
    for (const side of /** @type {const} */ (["current", "elixir"])) {
      if (changed(side, result[side].lines)) renderLines(root, side, result[side].lines);
    }
    if (changed("chart", [result.scale_kr, result.current.lines, result.elixir.lines])) renderChart(root, result);
    if (changed("attribution", result.attribution)) renderAttribution(root, result.attribution);
  }

  return { render };
}

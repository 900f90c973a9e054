// @ts-check
/*
 * The results view: writes a model result into the slots the build rendered
 * (overrides/partials/calculator.html). Texts go into `data-out` slots,
 * outcomes into `data-outcome` (the colours), `data-if` / `data-unless` show
 * a part only when a result key is true / not true, and the tables, the bars
 * and the attribution are rebuilt from the model's lists.
 */
import { lookup, part, setText } from "./dom.js";

/** @typedef {import("../../../../types/compute-result").ComputeResult} Result */
/** @typedef {import("../../../../types/compute-result").ComputeAnswer} Answer */
/** @typedef {import("../../../../types/compute-result").LineJson} Line */
/** @typedef {import("../../../../types/compute-result").PointJson} Point */
/** @typedef {import("../../../../types/compute-result").AttributionPartJson} Part */

const SVG = "http://www.w3.org/2000/svg";

/**
 * A row cloned from one of `root`'s <template>s: each element marked
 * `data-<slot>="key"` (the row itself, or one inside it) gets `item[key]` as text.
 * @param {HTMLElement} root @param {string} templateSelector @param {string} slot @param {Line | Point | Part} item
 * @returns {HTMLElement}
 */
function rowFrom(root, templateSelector, slot, item) {
  const template = /** @type {HTMLTemplateElement} */ (part(root, templateSelector));
  const row = /** @type {HTMLElement} */ (template.content.firstElementChild?.cloneNode(true));
  const texts = new Map(Object.entries(item));
  const marked = `[data-${slot}]`;
  for (const cell of [row, ...row.querySelectorAll(marked)].filter((element) => element.matches(marked))) {
    cell.textContent = String(texts.get(cell.getAttribute(`data-${slot}`) ?? "") ?? "");
  }
  return row;
}

/** One bill's table, a row per line. @param {HTMLElement} root @param {string} side @param {Line[]} lines */
function renderLines(root, side, lines) {
  part(root, `[data-lines="${side}"]`).replaceChildren(...lines.map((line) => {
    const row = rowFrom(root, "[data-line-template]", "line-out", line);
    part(row, "[data-line-seg]").setAttribute("class", `calc-seg calc-seg--${line.id}`);
    return row;
  }));
}

/** One segment of a bill's stacked bar, in the model's geometry. @param {Line} line */
function segment(line) {
  const rect = document.createElementNS(SVG, "rect");
  rect.setAttribute("class", `calc-seg calc-seg--${line.id}`);
  rect.setAttribute("x", line.start_kr);
  rect.setAttribute("y", "0");
  rect.setAttribute("width", line.monthly_kr);
  rect.setAttribute("height", "10");
  const title = document.createElementNS(SVG, "title");
  title.textContent = `${line.name}: ${line.monthly_text}`;
  rect.append(title);
  return rect;
}

/** The two bills as stacked bars on the model's common scale. @param {HTMLElement} root @param {Result} result */
function renderChart(root, result) {
  for (const side of /** @type {const} */ (["current", "elixir"])) {
    const svg = part(root, `[data-chart="${side}"]`);
    svg.setAttribute("viewBox", `0 0 ${result.scale_kr} 10`);
    svg.replaceChildren(...result[side].lines.map(segment));
  }
}

/**
 * The sensitivity table: a row per capacity factor, its marks (the
 * visitor's value, the article's 4×, Pinterest's 2×) and a bar whose length
 * is the percentage itself, in the SVG's own units.
 * @param {HTMLElement} root @param {Point[]} points
 */
function renderSensitivity(root, points) {
  part(root, "[data-sensitivity]").replaceChildren(...points.map((point) => {
    const row = rowFrom(root, "[data-point-template]", "point-out", point);
    row.dataset.outcome = point.outcome;
    row.dataset.marks = point.marks.join(" ");
    part(row, "[data-point-bar]").setAttribute("x2", point.percent);
    return row;
  }));
}

/** What makes up the difference, part by part. @param {HTMLElement} root @param {Part[]} parts */
function renderAttribution(root, parts) {
  part(root, "[data-attribution]").replaceChildren(
    ...parts.map((item) => rowFrom(root, "[data-part-template]", "part-out", item)),
  );
}

/** Texts, colours and the parts shown only for some results. @param {HTMLElement} root @param {Result} result */
function renderSlots(root, result) {
  for (const slot of root.querySelectorAll("[data-out]")) {
    setText(slot, String(lookup(result, /** @type {HTMLElement} */ (slot).dataset.out ?? "") ?? ""));
  }
  // Colours follow what the words say: a saving, no difference, an extra cost.
  for (const element of [root, ...root.querySelectorAll("[data-outcome-of]")]) {
    const { dataset } = /** @type {HTMLElement} */ (element);
    dataset.outcome = String(lookup(result, dataset.outcomeOf ?? "") ?? "");
  }
  for (const element of root.querySelectorAll("[data-if], [data-unless]")) {
    const { dataset } = /** @type {HTMLElement} */ (element);
    const shown = dataset.if ? lookup(result, dataset.if) === true : lookup(result, dataset.unless ?? "") !== true;
    /** @type {HTMLElement} */ (element).hidden = !shown;
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

  /** @param {Result} result */
  function render(result) {
    renderSlots(root, result);
    if (changed("sensitivity", result.sensitivity)) renderSensitivity(root, result.sensitivity);
    for (const side of /** @type {const} */ (["current", "elixir"])) {
      if (changed(side, result[side].lines)) renderLines(root, side, result[side].lines);
    }
    if (changed("chart", [result.scale_kr, result.current.lines, result.elixir.lines])) renderChart(root, result);
    if (changed("attribution", result.attribution)) renderAttribution(root, result.attribution);
  }

  return { render };
}

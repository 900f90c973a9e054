// @ts-check
/*
 * The results view: writes a model result into the slots the build rendered
 * (overrides/partials/calculator.html). Texts go into `data-out` slots,
 * outcomes into `data-outcome` (the colours), `data-if` / `data-unless` show
 * a part only when a result key is true / not true, and the tables, the bars
 * and the attribution are rebuilt from the model's lists.
 */
import { lookup, part, setText } from "./dom.js";

/** @typedef {Record<string, any>} Result  a successful `compute()` result (calculator/api.py) */
/** @typedef {Record<string, any>} Item  one line, point or part of a result's lists */

const SVG = "http://www.w3.org/2000/svg";

/** @param {HTMLElement} root  the calculator */
export function resultsView(root) {
  // What each list last showed: an edit that leaves a part unchanged leaves
  // its DOM untouched, so the browser relays out less.
  /** @type {Map<string, string>} */
  const shown = new Map();

  /** @param {string} name @param {unknown} value */
  function changed(name, value) {
    const key = JSON.stringify(value);
    if (shown.get(name) === key) return false;
    shown.set(name, key);
    return true;
  }

  /**
   * A row cloned from a <template>: each element marked `data-<slot>="key"`
   * gets `item[key]` as text.
   * @param {string} templateSelector @param {string} slot @param {Item} item
   * @returns {HTMLElement}
   */
  function rowFrom(templateSelector, slot, item) {
    const template = /** @type {HTMLTemplateElement} */ (part(root, templateSelector));
    const row = /** @type {HTMLElement} */ (template.content.firstElementChild?.cloneNode(true));
    for (const cell of row.querySelectorAll(`[data-${slot}]`)) {
      cell.textContent = String(item[cell.getAttribute(`data-${slot}`) ?? ""] ?? "");
    }
    return row;
  }

  /** @param {string} side @param {Item[]} lines */
  function renderLines(side, lines) {
    if (!changed(side, lines)) return;
    part(root, `[data-lines="${side}"]`).replaceChildren(...lines.map((line) => {
      const row = rowFrom("[data-line-template]", "line-out", line);
      part(row, "[data-line-seg]").setAttribute("class", `calc-seg calc-seg--${line.id}`);
      return row;
    }));
  }

  /** One segment of a bill's stacked bar, in the model's geometry. @param {Item} line */
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

  /** The two bills as stacked bars on the model's common scale. @param {Result} result */
  function renderChart(result) {
    if (!changed("chart", [result.scale_kr, result.current.lines, result.elixir.lines])) return;
    for (const side of ["current", "elixir"]) {
      const svg = part(root, `[data-chart="${side}"]`);
      svg.setAttribute("viewBox", `0 0 ${result.scale_kr} 10`);
      svg.replaceChildren(...result[side].lines.map(segment));
    }
  }

  /**
   * The sensitivity table: a row per capacity factor, its marks (the
   * visitor's value, the article's 4×, Pinterest's 2×) and a bar whose
   * length is the percentage itself, in the SVG's own units.
   * @param {Item[]} points
   */
  function renderSensitivity(points) {
    if (!changed("sensitivity", points)) return;
    part(root, "[data-sensitivity]").replaceChildren(...points.map((point) => {
      const row = rowFrom("[data-point-template]", "point-out", point);
      row.dataset.outcome = point.outcome;
      row.dataset.marks = point.marks.join(" ");
      part(row, "[data-point-bar]").setAttribute("x2", point.percent);
      return row;
    }));
  }

  /** What makes up the difference, part by part. @param {Item[]} parts */
  function renderAttribution(parts) {
    if (!changed("attribution", parts)) return;
    part(root, "[data-attribution]").replaceChildren(
      ...parts.map((item) => rowFrom("[data-part-template]", "part-out", item)),
    );
  }

  /** Texts, colours and the parts shown only for some results. @param {Result} result */
  function renderSlots(result) {
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
      const shownIf = dataset.if ? lookup(result, dataset.if) === true : lookup(result, dataset.unless ?? "") !== true;
      /** @type {HTMLElement} */ (element).hidden = !shownIf;
    }
  }

  /** @param {Result} result */
  function render(result) {
    renderSlots(result);
    renderSensitivity(result.sensitivity);
    renderLines("current", result.current.lines);
    renderLines("elixir", result.elixir.lines);
    renderChart(result);
    if (result.attribution) renderAttribution(result.attribution);
  }

  return { render };
}
